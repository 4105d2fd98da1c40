package dev.locus.geo.audit;

import com.google.common.geometry.S1Angle;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.Distance;
import dev.locus.geo.position.EarthModel;
import dev.locus.geo.region.Coverage;
import dev.locus.geo.region.Disc;
import dev.locus.geo.region.FeasibleRegion;
import dev.locus.geo.verdict.Landmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A landmark's registered position checked by the rest of the mesh: the region its peers' round
 * trips allow (tolerating {@code toleratedLiars} lying peer operators; peers of its own operator do
 * not vouch for it) must contain the claimed position, and the farthest point of that region from
 * the claim is the position uncertainty the mesh proves.
 *
 * @param landmark the landmark checked
 * @param peerOperators independent peer operators whose round trips bound it
 * @param toleratedLiars F used for the peers' region
 * @param consistent whether the peers' region contains the registered position
 * @param provenUncertainty an upper bound of the distance from the registered position to any point
 *     the peers allow (the whole Earth's half circumference when they bound nothing)
 */
public record PositionCheck(
        Landmark landmark, int peerOperators, int toleratedLiars, boolean consistent, Distance provenUncertainty) {

    /** Checks {@code subject} against the round trips in {@code pairs} that involve it. */
    public static PositionCheck of(Landmark subject, List<PeerRoundTrip> pairs, int toleratedLiars) {
        Map<String, Disc> best = new LinkedHashMap<>();
        for (PeerRoundTrip p : pairs) {
            Landmark peer;
            if (p.a().id().equals(subject.id())) {
                peer = p.b();
            } else if (p.b().id().equals(subject.id())) {
                peer = p.a();
            } else {
                continue;
            }
            if (peer.operator().equals(subject.operator())) {
                continue; // an operator does not vouch for its own boxes
            }
            Disc d = Disc.of(
                    peer.id(),
                    peer.operator(),
                    peer.position(),
                    peer.positionUncertainty(),
                    p.roundTrip(),
                    SpeedBound.LIGHT_IN_VACUUM);
            best.merge(
                    peer.id(),
                    d,
                    (x, y) -> x.maxDistance().km() <= y.maxDistance().km() ? x : y);
        }
        List<Disc> discs = new ArrayList<>(best.values());
        int operators = (int) discs.stream().map(Disc::operator).distinct().count();
        FeasibleRegion region = FeasibleRegion.tolerating(discs, toleratedLiars);
        var claim = subject.position().toS2Point();
        boolean consistent = region.contains(claim);
        double angle = region.farthestAngleFrom(claim);
        if (!region.candidateBoundingDiscs().isEmpty()) {
            angle = Math.min(angle, Coverage.of(region, 96).maxAngleFrom(claim).radians());
        }
        return new PositionCheck(
                subject, operators, toleratedLiars, consistent, EarthModel.upperDistance(S1Angle.radians(angle)));
    }
}
