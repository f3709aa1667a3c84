package org.milkmobs.bootstrap.system;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Signs MicroProfile JWTs for the system tests, as an identity provider would. */
public final class TestTokens {

    public static final String ISSUER = "milkmobs-system-test";

    private final KeyPair keys;

    public TestTokens() {
        this.keys = newKeyPair();
    }

    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    public String consumer(String subject) {
        return sign(keys.getPrivate(), ISSUER, subject, List.of("user"), Instant.now().plus(Duration.ofHours(1)));
    }

    public String admin(String subject) {
        return sign(keys.getPrivate(), ISSUER, subject, List.of("user", "admin"), Instant.now().plus(Duration.ofHours(1)));
    }

    public String expired(String subject) {
        return sign(keys.getPrivate(), ISSUER, subject, List.of("user"), Instant.now().minus(Duration.ofHours(1)));
    }

    /** Signed by the trusted key, valid for an hour, but issued {@code ahead} from now. */
    public String issuedAhead(String subject, Duration ahead) {
        Instant issued = Instant.now().plus(ahead);
        return sign(keys.getPrivate(), ISSUER, subject, List.of("user"), issued, issued.plus(Duration.ofHours(1)));
    }

    public String fromOtherIssuer(String subject) {
        return sign(keys.getPrivate(), "someone-else", subject, List.of("user", "admin"), Instant.now().plus(Duration.ofHours(1)));
    }

    /** Well-formed and unexpired, but signed by a key the server does not trust. */
    public String forged(String subject) {
        return sign(newKeyPair().getPrivate(), ISSUER, subject, List.of("user", "admin"), Instant.now().plus(Duration.ofHours(1)));
    }

    private static String sign(PrivateKey key, String issuer, String subject, List<String> groups, Instant expiry) {
        return sign(key, issuer, subject, groups, Instant.ofEpochSecond(Math.min(Instant.now().getEpochSecond(), expiry.getEpochSecond() - 60)),
                expiry);
    }

    private static String sign(PrivateKey key, String issuer, String subject, List<String> groups, Instant issued, Instant expiry) {
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        groups.forEach(groupArray::add);
        String header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        String claims = Json.createObjectBuilder()
                .add("iss", issuer).add("sub", subject).add("upn", subject).add("groups", groupArray)
                .add("iat", issued.getEpochSecond()).add("exp", expiry.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build().toString();
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
