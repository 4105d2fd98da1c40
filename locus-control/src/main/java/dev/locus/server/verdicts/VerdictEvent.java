package dev.locus.server.verdicts;

import dev.locus.geo.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A verdict was stored: what the alert rules need to know about it, published by the {@link
 * VerdictEngine} after the batch's transaction committed.
 *
 * @param verdict the stored verdict, with its id
 * @param boundingDiscs the discs that bound the feasible region, as alert evidence
 * @param maxDistanceFromSiteKm upper bound of the distance from the declared site, in km
 * @param restrictedJurisdictions the restricted jurisdictions the verdict was decided against
 * @param movedFrom the evidence that the region no longer overlaps the previous verdict's region
 *     (proven disjoint by the geo core); empty when it overlaps, when that was undecided, or when
 *     there is no previous verdict
 * @param toleratedLiars F: how many lying landmark operators the proven verdicts survive
 * @param honestOnly violations (OUTSIDE_ZONE, IN_RESTRICTED) that hold only if every landmark is
 *     honest: shown as warnings, never as proven
 * @param dependsOn what such a violation depends on, in words
 */
public record VerdictEvent(
        StoredVerdict verdict,
        List<Map<String, Object>> boundingDiscs,
        double maxDistanceFromSiteKm,
        Set<String> restrictedJurisdictions,
        Optional<Map<String, Object>> movedFrom,
        int toleratedLiars,
        List<Verdict> honestOnly,
        String dependsOn) {
    public VerdictEvent {
        honestOnly = List.copyOf(honestOnly);
        boundingDiscs = List.copyOf(boundingDiscs);
        restrictedJurisdictions = Set.copyOf(restrictedJurisdictions);
    }
}
