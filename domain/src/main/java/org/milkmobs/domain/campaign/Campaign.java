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

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_KEYWORD_LENGTH = 64;

    public Campaign {
        name = checkedName(name);
        description = checkedDescription(description);
        Objects.requireNonNull(hashtags, "hashtags");
        keywords = checkedKeywords(keywords);
    }

    /** A campaign's name: 1 to {@value #MAX_NAME_LENGTH} characters on one line, trimmed. */
    public static String checkedName(String name) {
        return Require.text("name", name, 1, MAX_NAME_LENGTH, false);
    }

    /** A campaign's description: 1 to {@value #MAX_DESCRIPTION_LENGTH} characters, trimmed; line breaks allowed. */
    public static String checkedDescription(String description) {
        return Require.text("description", description, 1, MAX_DESCRIPTION_LENGTH, true);
    }

    /** The keywords, trimmed, lower-cased and de-duplicated; none when {@code null}. */
    public static List<String> checkedKeywords(List<String> keywords) {
        return keywords == null ? List.of() : keywords.stream()
                .map(k -> Require.text("keywords", k, 1, MAX_KEYWORD_LENGTH, false).toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }
}
