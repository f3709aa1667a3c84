package org.milkmobs.domain.mob;

import java.util.List;

/**
 * What a mob member offers to name its mob, from the most telling to the least: the uploader's hashtags,
 * the words on screen, and words describing its look (dominant colours, motion) as the analyzer saw it.
 */
public record MemberTerms(List<String> hashtags, List<String> screenWords, List<String> lookWords) {

    public static final MemberTerms NONE = new MemberTerms(List.of(), List.of(), List.of());

    public MemberTerms {
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        screenWords = screenWords == null ? List.of() : List.copyOf(screenWords);
        lookWords = lookWords == null ? List.of() : List.copyOf(lookWords);
    }

    List<List<String>> tiers() {
        return List.of(hashtags, screenWords, lookWords);
    }
}
