package org.milkmobs.domain.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of an API key, {@code sk-mm-} and 32 random bytes in URL-safe base64, as OpenAI tools expect
 * an {@code sk-…} key. It is stored only as its SHA-256: the secret is random and long, so a plain hash
 * cannot be guessed back, and lookup by hash stays one indexed read per request (a slow password hash would
 * cost every gateway call).
 */
public record ApiKeySecret(String value) {

    public static final String PREFIX = "sk-mm-";
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiKeySecret {
        if (value == null || !value.startsWith(PREFIX) || value.length() < PREFIX.length() + 16 || value.length() > 200) {
            throw new IllegalArgumentException("not a Milk Mobs API key");
        }
    }

    public static ApiKeySecret generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Whether {@code candidate} has the shape of a key (a cheap check before any lookup). */
    public static boolean looksLikeOne(String candidate) {
        return candidate != null && candidate.startsWith(PREFIX) && candidate.length() >= PREFIX.length() + 16 && candidate.length() <= 200;
    }

    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** What may be shown after creation: enough to recognise the key, far too little to use it. */
    public String prefix() {
        return value.substring(0, PREFIX.length() + 4);
    }

    @Override
    public String toString() {
        return prefix() + "…";
    }
}
