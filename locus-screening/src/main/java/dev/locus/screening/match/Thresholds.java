package dev.locus.screening.match;

/**
 * The two decision thresholds on the score in [0, 1]. The defaults were chosen on the provided half
 * of the evaluation set (see ADR 0012 and {@code locus screen eval}).
 */
public record Thresholds(double match, double review) {
    public static final Thresholds DEFAULT = new Thresholds(0.90, 0.80);

    public Thresholds {
        if (!(review > 0 && review <= match && match <= 1)) {
            throw new IllegalArgumentException(
                    "need 0 < review <= match <= 1, got review=" + review + " match=" + match);
        }
    }

    /** The decision for a score, or null below REVIEW. */
    Decision decide(double score) {
        return score >= match ? Decision.MATCH : score >= review ? Decision.REVIEW : null;
    }
}
