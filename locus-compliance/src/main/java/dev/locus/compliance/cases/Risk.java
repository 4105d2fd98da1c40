package dev.locus.compliance.cases;

import dev.locus.compliance.findings.StoredFinding;
import java.util.List;
import java.util.Map;

/**
 * A subject's risk, explained: the sum of the weights of its open findings, each listed with its
 * weight. Weights by severity: {@value #INFO_WEIGHT}, {@value #WARNING_WEIGHT}, {@value
 * #CRITICAL_WEIGHT}; a case opens by itself at {@value #CASE_THRESHOLD}.
 */
public record Risk(String subjectType, String subjectId, int score, List<Contribution> contributions) {
    public static final int INFO_WEIGHT = 1;
    public static final int WARNING_WEIGHT = 3;
    public static final int CRITICAL_WEIGHT = 10;
    /** One critical finding, or four warnings. */
    public static final int CASE_THRESHOLD = 10;

    private static final Map<String, Integer> WEIGHTS =
            Map.of("INFO", INFO_WEIGHT, "WARNING", WARNING_WEIGHT, "CRITICAL", CRITICAL_WEIGHT);

    public Risk {
        contributions = List.copyOf(contributions);
    }

    /** One finding's part in the score. */
    public record Contribution(long findingId, String rule, String severity, int weight, String summary) {}

    /** The risk of a subject from its findings (only OPEN ones count). */
    public static Risk of(String subjectType, String subjectId, List<StoredFinding> findings) {
        List<Contribution> parts = findings.stream()
                .filter(f -> f.status() == StoredFinding.Status.OPEN)
                .map(f -> new Contribution(f.id(), f.rule(), f.severity(), WEIGHTS.get(f.severity()), f.summary()))
                .toList();
        return new Risk(
                subjectType,
                subjectId,
                parts.stream().mapToInt(Contribution::weight).sum(),
                parts);
    }
}
