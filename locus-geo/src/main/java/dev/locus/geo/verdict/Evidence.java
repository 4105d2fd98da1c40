package dev.locus.geo.verdict;

import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.Distance;
import dev.locus.geo.region.Disc;
import java.util.List;

/**
 * Why a verdict holds: enough to re-derive it.
 *
 * @param boundingDiscs the landmarks, round trips and distance bounds whose discs shape the region
 * @param measurementsUsed how many distinct landmarks contributed a disc
 * @param maxDistanceFromSite an upper bound of the distance from the declared site to any point of
 *     the region (empty region: zero)
 * @param areaKm2 an upper bound of the region's area in km² (covering cells, mean Earth radius)
 * @param speed the speed bound used; verdicts are proofs only when {@code speed.provable()}
 * @param undecided questions the search could not settle within its resolution limits
 * @param cellsVisited S2 cells examined to reach the verdicts
 */
public record Evidence(
        List<Disc> boundingDiscs,
        int measurementsUsed,
        Distance maxDistanceFromSite,
        double areaKm2,
        SpeedBound speed,
        List<String> undecided,
        int cellsVisited) {
    public Evidence {
        boundingDiscs = List.copyOf(boundingDiscs);
        undecided = List.copyOf(undecided);
    }
}
