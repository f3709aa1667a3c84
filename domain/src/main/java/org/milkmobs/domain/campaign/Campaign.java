package org.milkmobs.domain.campaign;

import java.util.List;
import java.util.Objects;
import org.milkmobs.domain.Require;
import org.milkmobs.domain.video.Hashtags;

/**
 * What the trend is: a description (what Pegasus judges participation against, and what Marengo embeds
 * as a reference), the hashtags and on-screen keywords that mark a participating video.
 */
public record Campaign(String name, String description, Hashtags hashtags, List<String> keywords) {

    public Campaign {
        name = Require.text("name", name, 1, 100, false);
        description = Require.text("description", description, 1, 2000, true);
        Objects.requireNonNull(hashtags, "hashtags");
        keywords = keywords == null ? List.of() : keywords.stream()
                .map(k -> Require.text("keywords", k, 1, 64, false).toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }
}
