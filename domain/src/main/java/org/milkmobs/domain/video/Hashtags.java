package org.milkmobs.domain.video;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.milkmobs.domain.InvalidValueException;

/**
 * The hashtags of a video, normalised so that {@code #MilkMob}, {@code milkmob} and {@code #milkmob}
 * are one tag: without the leading {@code #}, lower-cased, de-duplicated, in the order given.
 */
public record Hashtags(List<String> values) {

    public static final int MAX_COUNT = 30;
    public static final int MAX_TAG_LENGTH = 64;
    public static final Hashtags NONE = new Hashtags(List.of());

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]{1," + MAX_TAG_LENGTH + "}");

    public Hashtags {
        if (values == null) {
            values = List.of();
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String raw : values) {
            normalised.add(normalise(raw));
        }
        if (normalised.size() > MAX_COUNT) {
            throw new InvalidValueException("hashtags", "at most " + MAX_COUNT + " hashtags are allowed, got " + normalised.size());
        }
        values = List.copyOf(new ArrayList<>(normalised));
    }

    public static Hashtags of(String... tags) {
        return new Hashtags(List.of(tags));
    }

    public boolean contains(String tag) {
        return values.contains(normalise(tag));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    private static String normalise(String raw) {
        if (raw == null) {
            throw new InvalidValueException("hashtags", "a hashtag must not be null");
        }
        String tag = raw.strip();
        if (tag.startsWith("#")) {
            tag = tag.substring(1);
        }
        tag = tag.toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidValueException("hashtags",
                    "hashtag '" + printable(raw) + "' must be 1 to " + MAX_TAG_LENGTH + " letters, digits or underscores after an optional #");
        }
        return tag;
    }

    private static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
