package dev.locus.screening.match;

/**
 * Similarity of two tokens in [0, 1]: 1 − optimal-string-alignment distance (Damerau–Levenshtein
 * with adjacent transpositions) ÷ the longer length. Tokens of one or two letters only match
 * exactly. Allocation-free for tokens up to 63 characters.
 */
final class TokenSimilarity {
    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][64]);

    private TokenSimilarity() {}

    static double of(String a, String b) {
        return of(a, b, 0.0);
    }

    /**
     * The similarity, or 0 when it is certainly below {@code min}: the distance computation stops
     * as soon as a row's minimum exceeds the largest distance {@code min} allows.
     */
    static double of(String a, String b, double min) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        int max = Math.max(la, lb);
        if (Math.min(la, lb) <= 2 || Math.min(la, lb) < 0.5 * max) {
            return 0.0;
        }
        int limit = (int) Math.floor((1.0 - min) * max + 1e-9);
        if (Math.abs(la - lb) > limit) {
            return 0.0;
        }
        int d = boundedDistance(a, b, limit);
        return d > limit ? 0.0 : 1.0 - (double) d / max;
    }

    /** Optimal string alignment distance, or {@code limit + 1} once it must exceed {@code limit}. */
    static int boundedDistance(String a, String b, int limit) {
        int la = a.length();
        int lb = b.length();
        if (lb >= 63 || la >= 63) {
            return slowDistance(a, b);
        }
        int[][] rows = ROWS.get();
        int[] prev2 = rows[0];
        int[] prev = rows[1];
        int[] cur = rows[2];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            int rowMin = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                if (v < rowMin) {
                    rowMin = v;
                }
            }
            // a transposition can reach back two rows, so stop only when two rows in a row exceed the limit
            if (rowMin > limit && i > 1 && minOf(prev, lb) > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }

    private static int minOf(int[] row, int n) {
        int m = row[0];
        for (int j = 1; j <= n; j++) {
            m = Math.min(m, row[j]);
        }
        return m;
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        return boundedDistance(a, b, Integer.MAX_VALUE);
    }

    private static int slowDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
