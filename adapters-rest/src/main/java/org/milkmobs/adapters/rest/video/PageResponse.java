package org.milkmobs.adapters.rest.video;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VideoPage", description = "A page of videos; pass nextCursor as cursor for the next page (absent on the last)")
public record PageResponse(@Schema(required = true) List<VideoResponse> items, @Schema(nullable = true) String nextCursor) {
}
