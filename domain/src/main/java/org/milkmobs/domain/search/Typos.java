package org.milkmobs.domain.search;

/**
 * How far a typed word is from a word it may have meant, counted in typing slips: a letter missed, added,
 * changed, or two neighbours swapped (the optimal string alignment distance, so {@code milkmbo} is one slip
 * from {@code milkmob}, where Levenshtein counts two).
 */
public final class Typos {

    /** Words this long or longer may hold two slips; shorter ones one. */
    public static final int TWO_SLIPS_FROM = 8;

    private Typos() {
    }

    /** Whether {@code meant} is close enough to {@code typed} to be what the person meant. */
    public static boolean couldMean(String typed, String meant) {
        return !typed.equals(meant) && slips(typed, meant) <= (typed.length() >= TWO_SLIPS_FROM ? 2 : 1);
    }

    public static int slips(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int changed = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + changed);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
