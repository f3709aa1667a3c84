package org.milkmobs.adapters.rest.video;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubmitVideoRequest", description = "A new video: its title, description and hashtags")
public record SubmitVideoRequest(
        @Schema(required = true, maxLength = 200, example = "Milk mob at the skate park") String title,
        @Schema(maxLength = 5000, example = "Ten of us pouring milk in slow motion") String description,
        @Schema(maxItems = 30, example = "[\"#milkmob\", \"#slowmo\"]") List<String> hashtags) {
}
