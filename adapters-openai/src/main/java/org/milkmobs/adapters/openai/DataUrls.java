package org.milkmobs.adapters.openai;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.EmbeddingInput;

/** Images in an input item: inline, as {@code data:image/…;base64,…} URLs, or named by an {@code https} URL (what OpenAI's vision inputs take). */
final class DataUrls {

    private static final Pattern DATA_URL = Pattern.compile("data:image/[A-Za-z0-9.+-]+;base64,(.*)", Pattern.DOTALL);

    private DataUrls() {
    }

    /**
     * An image item's URL: inline bytes for a data URL; any other absolute URL is named for the gateway to fetch
     * (whether it may be fetched is the fetcher's decision: https only, public addresses).
     */
    static EmbeddingInput image(String url) {
        if (url == null || url.isBlank()) {
            throw GatewayRequestException.invalid("input", "an image_url item needs a url");
        }
        Matcher data = DATA_URL.matcher(url);
        if (data.matches()) {
            try {
                return new EmbeddingInput.Image(Base64.getMimeDecoder().decode(data.group(1)));
            } catch (IllegalArgumentException e) {
                throw GatewayRequestException.invalid("input", "the image's data URL is not valid base64");
            }
        }
        if (url.startsWith("data:")) {
            throw GatewayRequestException.invalid("input", "an inline image is a data:image/…;base64,… URL");
        }
        try {
            URI reference = new URI(url);
            if (reference.isAbsolute() && reference.getHost() != null) {
                return new EmbeddingInput.ImageUrl(reference);
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw GatewayRequestException.invalid("input", "an image is an https:// URL or a data:image/…;base64,… URL");
    }
}
