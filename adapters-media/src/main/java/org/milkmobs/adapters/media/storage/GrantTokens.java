package org.milkmobs.adapters.media.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.milkmobs.application.port.out.storage.BlobGrants.Action;
import org.milkmobs.application.port.out.storage.BlobGrants.Grant;
import org.milkmobs.application.port.out.storage.BlobGrants.InvalidGrantException;
import org.milkmobs.application.port.out.storage.BlobGrants.InvalidGrantException.Reason;
import org.milkmobs.application.port.out.storage.BlobKey;

/**
 * Grants as URL-safe tokens: {@code base64url(action|key|expiry|maxBytes|contentType)}, a dot, and the
 * HMAC-SHA256 of that text. Everything a grant allows is inside the signed part, so changing any of it
 * breaks the signature.
 */
final class GrantTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    GrantTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the signing key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    String sign(Grant grant) {
        String claims = String.join("|", grant.action().name(), grant.key().value(),
                Long.toString(grant.expiresAt().getEpochSecond()), Long.toString(grant.maxBytes()),
                grant.contentType() == null ? "" : grant.contentType());
        String payload = ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    Grant verify(String token, Action expected, Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 4096) {
            throw new InvalidGrantException(Reason.MALFORMED, "this is not a storage URL this server issued");
        }
        String payload = token.substring(0, dot);
        String[] claims;
        try {
            claims = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw new InvalidGrantException(Reason.MALFORMED, "this is not a storage URL this server issued");
        }
        // compare the text, not the decoded bytes: base64's unused trailing bits would otherwise let
        // several spellings of one signature pass, and a URL must have exactly one valid form
        byte[] signature = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(signature, ENCODER.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidGrantException(Reason.BAD_SIGNATURE, "the URL's signature does not match; it was altered or not issued here");
        }
        if (claims.length != 5) {
            throw new InvalidGrantException(Reason.MALFORMED, "this is not a storage URL this server issued");
        }
        Grant grant = new Grant(new BlobKey(claims[1]), Action.valueOf(claims[0]), Instant.ofEpochSecond(Long.parseLong(claims[2])),
                Long.parseLong(claims[3]), claims[4].isEmpty() ? null : claims[4]);
        if (!now.isBefore(grant.expiresAt())) {
            throw new InvalidGrantException(Reason.EXPIRED, "the URL expired at " + grant.expiresAt() + "; ask for a new one");
        }
        if (grant.action() != expected) {
            throw new InvalidGrantException(Reason.WRONG_ACTION, "this URL allows " + (grant.action() == Action.UPLOAD ? "PUT" : "GET")
                    + " only");
        }
        return grant;
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
