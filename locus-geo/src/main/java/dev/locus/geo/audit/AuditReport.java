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
}
