package org.milkmobs.adapters.openai;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Images sent inline, as {@code data:image/…;base64,…} URLs (what OpenAI's vision inputs take). */
final class DataUrls {

    private static final Pattern DATA_URL = Pattern.compile("data:image/[A-Za-z0-9.+-]+;base64,(.*)", Pattern.DOTALL);

    private DataUrls() {
    }

    static byte[] image(String url) {
        if (url == null || url.isBlank()) {
            throw GatewayRequestException.invalid("input", "an image_url item needs a url");
        }
        Matcher data = DATA_URL.matcher(url);
        if (!data.matches()) {
            throw GatewayRequestException.invalid("input", url.startsWith("http")
                    ? "image URLs are not fetched by this gateway (it reaches no address its operator did not configure); send the image"
                      + " inline as a data:image/…;base64,… URL"
                    : "an image is a data:image/…;base64,… URL");
        }
        try {
            return Base64.getMimeDecoder().decode(data.group(1));
        } catch (IllegalArgumentException e) {
            throw GatewayRequestException.invalid("input", "the image's data URL is not valid base64");
        }
    }
}
