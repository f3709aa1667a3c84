package org.milkmobs.domain.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person typed into a search box, read for what they mean rather than how they spelled it. Case and
 * accents do not count; anything that is not a letter or digit separates words, so {@code milk-mob} and
 * {@code #MilkMob} read as words; the words written together are a second reading ({@code milk mob} also
 * means {@code milkmob}); the last word is a prefix while it is still being typed (no space after it yet); a
 * word written {@code -word} after a space must not occur. Quotes and operators are read as separators, so no
 * input is a syntax error.
 */
public record TextQuery(List<String> words, List<String> excluded, boolean lastIsPrefix) {

    /** A prefix shorter than this would match a good part of any catalogue. */
    public static final int MIN_PREFIX = 3;
    public static final int MAX_WORDS = 16;
    public static final int MAX_WORD_LENGTH = 64;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    public TextQuery {
        words = List.copyOf(words);
        excluded = List.copyOf(excluded);
        for (String word : words) {
            requireWord(word);
        }
        for (String word : excluded) {
            requireWord(word);
        }
        if (lastIsPrefix && (words.isEmpty() || words.get(words.size() - 1).length() < MIN_PREFIX)) {
            throw new IllegalArgumentException("only a last word of " + MIN_PREFIX + " letters or more is a prefix");
        }
    }

    public static TextQuery parse(String typed) {
        List<String> words = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String chunk : typed.strip().split("\\s+")) {
            boolean exclude = chunk.length() > 1 && chunk.charAt(0) == '-';
            for (String word : wordsOf(chunk)) {
                List<String> into = exclude ? excluded : words;
                if (words.size() + excluded.size() < MAX_WORDS) {
                    into.add(word);
                }
            }
        }
        boolean typing = !typed.isEmpty() && !Character.isWhitespace(typed.charAt(typed.length() - 1))
                && !words.isEmpty() && endsWithWord(typed, words.get(words.size() - 1))
                && words.get(words.size() - 1).length() >= MIN_PREFIX;
        return new TextQuery(words, excluded, typing);
    }

    /** Lower case, without accents, split at anything that is not a letter or a digit. */
    public static List<String> wordsOf(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(plain)) {
            if (!word.isEmpty()) {
                words.add(word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word);
            }
        }
        return words;
    }

    /** The words written together, when there are several: what the same words look like as one hashtag. */
    public Optional<String> joined() {
        if (words.size() < 2) {
            return Optional.empty();
        }
        String joined = String.join("", words);
        return Optional.of(joined.length() > MAX_WORD_LENGTH ? joined.substring(0, MAX_WORD_LENGTH) : joined);
    }

    /** Nothing to look for: no word, or only words to exclude. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    private static boolean endsWithWord(String typed, String word) {
        List<String> last = wordsOf(typed.substring(Math.max(0, typed.length() - MAX_WORD_LENGTH * 2)));
        return !last.isEmpty() && last.get(last.size() - 1).equals(word)
                && Character.isLetterOrDigit(typed.codePointBefore(typed.length()));
    }

    private static void requireWord(String word) {
        if (word.isEmpty() || word.length() > MAX_WORD_LENGTH || SEPARATORS.matcher(word).find()
                || !word.equals(word.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a lower-case word of letters and digits: " + word);
        }
    }
}
