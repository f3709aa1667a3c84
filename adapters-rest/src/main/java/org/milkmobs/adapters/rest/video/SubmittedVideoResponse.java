package org.milkmobs.adapters.rest.video;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

public record SubmittedVideoResponse(String videoId,
                                     String status,
                                     VideoResponse video,
                                     Upload upload) {

    public record Upload(URI url, String method,
                         Map<String, String> headers, Instant expiresAt,
                         long maxBytes) {
    }
}
