package org.milkmobs.application.port;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * Permission for a client to upload one blob: send {@code method} to {@code url} with {@code headers}
 * before {@code expiresAt}. {@code url} may be relative to the API's base URI (the local store's are).
 */
public record UploadGrant(URI url, String method, Map<String, String> headers, Instant expiresAt, long maxBytes) {

    public UploadGrant {
        headers = Map.copyOf(headers);
    }
}
