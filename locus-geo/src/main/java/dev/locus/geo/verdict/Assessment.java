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
 * @param region the feasible region itself
 */
public record Assessment(GeoPosition declaredSite, List<Verdict> verdicts, Evidence evidence, FeasibleRegion region) {
    public Assessment {
        verdicts = List.copyOf(verdicts);
    }

    public boolean has(Verdict v) {
        return verdicts.contains(v);
    }

    public Set<Verdict> verdictSet() {
        return Set.copyOf(verdicts);
    }
}
