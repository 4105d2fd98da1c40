package dev.locus.geo.verdict;

import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.FeasibleRegion;
import java.util.List;
import java.util.Set;

/**
 * The verdicts for one device against one declared site, with their evidence.
 *
 * @param declaredSite the site the device claims (centre of a radius zone)
 * @param verdicts proven verdicts in {@link Verdict} order; exactly {@code [INCONCLUSIVE]} or
 *     {@code [INCONSISTENT]} when nothing else holds
 * @param evidence what the verdicts rest on
 * @param region the feasible region itself (the points at most F operators exclude)
 * @param honestOnly verdicts that the discs prove if every landmark is honest (F = 0) but not when
 *     F of them may lie: they depend on at most F landmarks and are not proven (empty when F = 0)
 */
public record Assessment(
        GeoPosition declaredSite,
        List<Verdict> verdicts,
        Evidence evidence,
        FeasibleRegion region,
        List<Verdict> honestOnly) {
    public Assessment {
        verdicts = List.copyOf(verdicts);
        honestOnly = List.copyOf(honestOnly);
    }

    /** How many lying operators the verdicts tolerate (F). */
    public int toleratedLiars() {
        return evidence.toleratedLiars();
    }

    public boolean has(Verdict v) {
        return verdicts.contains(v);
    }

    public Set<Verdict> verdictSet() {
        return Set.copyOf(verdicts);
    }
}
