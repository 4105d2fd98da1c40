package dev.locus.geo.audit;

import dev.locus.geo.verdict.Landmark;
import java.util.List;

/**
 * A landmark whose published position the mesh contradicts.
 *
 * @param landmark the suspect
 * @param reason one readable sentence with the evidence
 * @param contradictions the pairs that implicate it
 * @param peersMeasured how many peers it has round trips with
 */
public record SuspectLandmark(Landmark landmark, String reason, List<Contradiction> contradictions, int peersMeasured) {
    public SuspectLandmark {
        contradictions = List.copyOf(contradictions);
    }
}
