package org.milkmobs.domain.validation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.milkmobs.domain.video.Hashtags;

/** How the text signals are scored from what a video has and what the campaign asks for. */
public final class SignalMeasures {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SignalMeasures() {
    }

    /**
     * The share of campaign keywords seen on screen, where finding two (or all, if fewer) is full marks.
     * Absent (null) when the campaign names no keywords.
     */
    public static Double ocrKeywords(String ocrText, List<String> keywords) {
        if (keywords.isEmpty()) {
            return null;
        }
        Set<String> words = words(ocrText);
        String normalised = " " + String.join(" ", words(ocrText)) + " ";
        long found = keywords.stream().filter(k -> k.contains(" ") ? normalised.contains(" " + String.join(" ", words(k)) + " ")
                : words.contains(k.toLowerCase(Locale.ROOT))).count();
        return Math.min(1.0, found / (double) Math.min(2, keywords.size()));
    }

    /** Like {@link #ocrKeywords}, for the uploader's hashtags against the campaign's. Absent without campaign hashtags. */
    public static Double hashtags(Hashtags used, Hashtags campaign) {
        if (campaign.isEmpty()) {
            return null;
        }
        long matches = campaign.values().stream().filter(used::contains).count();
        return Math.min(1.0, matches / (double) Math.min(2, campaign.values().size()));
    }

    /** Cosine similarity mapped onto [0, 1] between a model's "unrelated" and "same" levels. */
    public static double visualSimilarity(double cosine, double unrelated, double same) {
        if (same <= unrelated) {
            throw new IllegalArgumentException("the 'same' level must lie above the 'unrelated' level");
        }
        return Math.max(0, Math.min(1, (cosine - unrelated) / (same - unrelated)));
    }

    private static Set<String> words(String text) {
        return NON_WORD.splitAsStream(text == null ? "" : text.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
