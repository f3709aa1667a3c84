package org.milkmobs.application.service.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature header of a webhook request, in the widely used form {@code t=<unix seconds>,v1=<hex>}: the hex
 * HMAC-SHA256 of {@code "<t>.<body>"} under the subscription's secret. During a secret rotation's grace period
 * it carries one {@code v1} per valid secret, so receivers can switch secrets at their own pace.
 */
public final class WebhookSignature {

    public static final String HEADER = "Milkmobs-Signature";

    private WebhookSignature() {
    }

    public static String header(long unixSeconds, byte[] body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, unixSeconds, body));
        }
        return header.toString();
    }

    /** The hex HMAC-SHA256 of {@code "t.body"}. */
    public static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
