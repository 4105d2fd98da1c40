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
 * @param toleratedLiars F: the verdicts stay true if any F operators publish wrong positions (0
 *     assumes every landmark is honest)
 * @param operatorsUsed how many distinct operators (trust domains) contributed a disc
 * @param reliance for each proven verdict, the operators its proof leans on most
 */
public record Evidence(
        List<Disc> boundingDiscs,
        int measurementsUsed,
        Distance maxDistanceFromSite,
        double areaKm2,
        SpeedBound speed,
        List<String> undecided,
        int cellsVisited,
        int toleratedLiars,
        int operatorsUsed,
        List<Reliance> reliance) {
    public Evidence {
        boundingDiscs = List.copyOf(boundingDiscs);
        undecided = List.copyOf(undecided);
        reliance = List.copyOf(reliance);
    }

    /** What the proof of {@code v} rests on, when {@code v} is proven. */
    public java.util.Optional<Reliance> relianceOf(Verdict v) {
        return reliance.stream().filter(r -> r.verdict() == v).findFirst();
    }
}
