package dev.locus.geo.audit;

import dev.locus.geo.verdict.Landmark;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of a mesh audit.
 *
 * @param suspects landmarks to keep out of verdicts, with evidence
 * @param trusted landmarks with no unexplained contradiction
 * @param contradictions every contradicting pair found
 * @param pairsChecked how many landmark pairs were measured
 */
public record AuditReport(
        List<SuspectLandmark> suspects, List<Landmark> trusted, List<Contradiction> contradictions, int pairsChecked) {
    public AuditReport {
        suspects = List.copyOf(suspects);
        trusted = List.copyOf(trusted);
        contradictions = List.copyOf(contradictions);
    }

    public Set<String> suspectIds() {
        return suspects.stream().map(s -> s.landmark().id()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isSuspect(String landmarkId) {
        return suspectIds().contains(landmarkId);
    }

    /**
     * Contradictions per operator (trust domain): how many contradicting pairs involve a landmark
     * of each operator (a pair within one operator counts once), most first. A liar that runs
     * several boxes shows up here even when the greedy cover names only some of them.
     */
    public java.util.Map<String, Long> contradictionsByOperator() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (Contradiction c : contradictions) {
            String a = c.pair().a().operator();
            String b = c.pair().b().operator();
            out.merge(a, 1L, Long::sum);
            if (!a.equals(b)) {
                out.merge(b, 1L, Long::sum);
            }
        }
        java.util.Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        out.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
