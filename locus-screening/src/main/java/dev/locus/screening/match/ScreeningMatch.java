package dev.locus.screening.match;

import dev.locus.screening.list.ListEntry;
import java.util.List;

/** A candidate at or above REVIEW: the entry, the name of it that matched best, score, decision, why. */
public record ScreeningMatch(
        ListEntry entry, String matchedName, double score, Decision decision, List<Feature> explanation) {
    public ScreeningMatch {
        explanation = List.copyOf(explanation);
    }
}
