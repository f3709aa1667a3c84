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
     * Trims {@code value} and checks its length in code points and that it holds no control
     * characters other than line breaks and tabs (when {@code multiline}).
     */
    public static String text(String field, String value, int minLength, int maxLength, boolean multiline) {
        present(field, value);
        String trimmed = value.strip();
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
        });
        return trimmed;
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
