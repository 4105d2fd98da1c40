package dev.locus.server.verdicts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.region.Disc;
import dev.locus.geo.region.FeasibleRegion;
import dev.locus.geo.region.RegionRelations;
import dev.locus.geo.region.Tri;
import dev.locus.geo.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a chip's region no longer overlaps the previous verdict's region, exactly: the
 * overlap of two feasible regions is the feasible region of both sets of bounding discs, so the chip
 * moved when that region is proven empty by the geo core's branch and bound. An undecided search
 * raises nothing (never a guess).
 */
final class MovedTest {
    private final ObjectMapper json;
    private final RegionRelations.Limits limits;

    MovedTest(ObjectMapper json, RegionRelations.Limits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** The MOVED alert's evidence when the regions are proven disjoint, else empty. */
    Optional<Map<String, Object>> check(PreviousVerdict previous, StoredVerdict now, List<Disc> currentDiscs) {
        if (previous.verdicts().contains(Verdict.INCONSISTENT)
                || now.verdicts().contains(Verdict.INCONSISTENT)
                || currentDiscs.isEmpty()) {
            return Optional.empty(); // an empty region is its own alert, not a move
        }
        List<Disc> before = previous.discs(json);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        if (insideEveryDisc(currentDiscs, before)) {
            // The current region lies in every previous disc, so inside the previous region: the
            // overlap is the current region itself, which is not empty. The common case (window
            // minima only shrink), decided without a cell search.
            return Optional.empty();
        }
        List<Disc> both = new ArrayList<>(before);
        both.addAll(currentDiscs);
        if (RegionRelations.nonEmpty(FeasibleRegion.of(both), limits) != Tri.NO) {
            return Optional.empty();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("previous_verdict_id", previous.id());
        ev.put("verdict_id", now.id());
        ev.put("previous_bounding_discs", EvidenceJson.discs(before));
        ev.put("current_bounding_discs", EvidenceJson.discs(currentDiscs));
        ev.put("test", "the discs of both regions have no point in common (exact cell search)");
        return Optional.of(ev);
    }

    /** Whether each of {@code outer} contains one of {@code inner} (so all of inner's intersection). */
    private static boolean insideEveryDisc(List<Disc> inner, List<Disc> outer) {
        for (Disc o : outer) {
            boolean contains = false;
            for (Disc i : inner) {
                if (o.cap().contains(i.cap())) {
                    contains = true;
                    break;
                }
            }
            if (!contains) {
                return false;
            }
        }
        return true;
    }
}
