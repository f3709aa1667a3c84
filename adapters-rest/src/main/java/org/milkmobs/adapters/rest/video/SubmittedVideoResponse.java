package org.milkmobs.adapters.rest.video;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubmittedVideo", description = "The new video and where to upload its file")
public record SubmittedVideoResponse(@Schema(required = true, format = "uuid") String videoId,
                                     @Schema(required = true) String status,
                                     @Schema(required = true) VideoResponse video,
                                     @Schema(required = true) Upload upload) {

    @Schema(name = "UploadInstructions", description = "Send the file with this method to this URL, with these headers, before expiresAt")
    public record Upload(@Schema(required = true) URI url, @Schema(required = true, example = "PUT") String method,
                         @Schema(required = true) Map<String, String> headers, @Schema(required = true) Instant expiresAt,
                         @Schema(required = true) long maxBytes) {
    }
}
