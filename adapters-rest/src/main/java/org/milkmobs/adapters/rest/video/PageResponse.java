package org.milkmobs.adapters.rest.video;

import java.util.List;

public record PageResponse(List<VideoResponse> items, String nextCursor) {
}
