package org.milkmobs.adapters.aws.s3;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * S3 sends user metadata as HTTP headers and refuses values that are not US-ASCII (an emoji in a title
 * fails the whole upload). Accents are folded ({@code café} → {@code cafe}), anything else non-ASCII or
 * non-printable is dropped, and values are capped so all metadata stays far below S3's 2 KB limit.
 */
final class AsciiMetadata {

    private static final int MAX_VALUE_LENGTH = 256;

    private AsciiMetadata() {
    }

    static Map<String, String> sanitise(Map<String, String> metadata) {
        Map<String, String> safe = new LinkedHashMap<>();
        metadata.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
            if (!key.isEmpty() && value != null) {
                safe.put(key, value(value));
            }
        });
        return safe;
    }

    static String value(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder ascii = new StringBuilder(Math.min(folded.length(), MAX_VALUE_LENGTH));
        for (int i = 0; i < folded.length() && ascii.length() < MAX_VALUE_LENGTH; i++) {
            char c = folded.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                ascii.append(c);
            }
        }
        return ascii.toString().replaceAll(" {2,}", " ").strip();
    }
}
