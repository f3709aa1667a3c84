package org.milkmobs.adapters.rest.video;

import static org.milkmobs.adapters.rest.constraint.DomainRule.DESCRIPTION;
import static org.milkmobs.adapters.rest.constraint.DomainRule.HASHTAGS;
import static org.milkmobs.adapters.rest.constraint.DomainRule.TITLE;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.milkmobs.adapters.rest.constraint.Conforms;

public record SubmitVideoRequest(
        @NotNull @Conforms(TITLE) String title,
        @Conforms(DESCRIPTION) String description,
        @Conforms(HASHTAGS) List<String> hashtags) {
}
