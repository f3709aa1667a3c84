package org.milkmobs.adapters.rest.video;

import java.util.List;

public record SubmitVideoRequest(
        String title,
        String description,
        List<String> hashtags) {
}
