package org.milkmobs.domain;

/** Input checks shared by the value objects; each failure names the field it is about. */
public final class Require {

    private Require() {
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    /**
     * Trims {@code value} (of white space and of invisible format characters such as zero-width spaces and byte-order
     * marks) and checks its length in code points and that it holds no control characters other than line breaks and
     * tabs (when {@code multiline}) and no bidirectional overrides, embeddings or isolates, which make text display
     * in another order than it is stored. Text of invisible characters only is blank.
     */
    public static String text(String field, String value, int minLength, int maxLength, boolean multiline) {
        present(field, value);
        String trimmed = stripInvisible(value);
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < minLength) {
            throw new InvalidValueException(field,
                    minLength == 1 ? field + " must not be blank" : field + " must have at least " + minLength + " characters");
        }
        if (length > maxLength) {
            throw new InvalidValueException(field, field + " must have at most " + maxLength + " characters, got " + length);
        }
        trimmed.codePoints().forEach(c -> {
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak || c == 0xFFFD || isUnpairedSurrogate(c)) {
                throw new InvalidValueException(field, field + " contains a control or invalid character (U+%04X)".formatted(c));
            }
            if (isBidirectionalControl(c)) {
                throw new InvalidValueException(field, field + " contains a bidirectional override (U+%04X)".formatted(c));
            }
        });
        return trimmed;
    }

    private static String stripInvisible(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isInvisible(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isInvisible(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /** White space, and format characters that draw nothing (zero-width space and joiners, BOM, word joiner). */
    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || (Character.getType(codePoint) == Character.FORMAT && !isBidirectionalControl(codePoint));
    }

    private static boolean isBidirectionalControl(int codePoint) {
        return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
    }

    public static double finiteAtLeast(String field, double value, double minimum) {
        if (!Double.isFinite(value) || value < minimum) {
            throw new InvalidValueException(field, field + " must be a finite number >= " + minimum + ", got " + value);
        }
        return value;
    }

    public static long atLeast(String field, long value, long minimum) {
        if (value < minimum) {
            throw new InvalidValueException(field, field + " must be >= " + minimum + ", got " + value);
        }
        return value;
    }

    private static boolean isUnpairedSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }
}
