package dev.locus.geo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.Landmark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionCheckTest {

    private static PeerRoundTrip honest(Landmark a, Landmark b, double stretch) {
        double km = a.position().geodesicDistanceTo(b.position()).km();
        return new PeerRoundTrip(a, b, RoundTrip.ofMillis(2 * km / SpeedBound.C_KM_PER_MS * stretch + 0.05));
    }

    private static List<Landmark> ring(GeoPosition c, int n) {
        List<Landmark> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            out.add(new Landmark(
                    "p" + i,
                    "p" + i,
                    GeoPosition.ofDegrees(
                            c.latitudeDegrees() + 3 * Math.sin(a), c.longitudeDegrees() + 3 * Math.cos(a))));
        }
        return out;
    }

    /** Honest round trips of {@code landmark} to six peers around {@code truth}, 1.2 ms of lateness each. */
    private static List<PeerRoundTrip> honestRing(Landmark landmark, GeoPosition truth) {
        List<PeerRoundTrip> pairs = new ArrayList<>();
        for (Landmark p : ring(truth, 6)) {
            pairs.add(honest(landmark, p, 1.2));
        }
        return pairs;
    }

    @Test
    void honestNewcomer_isConsistent_withAProvenUncertainty() {
        GeoPosition truth = GeoPosition.ofDegrees(1.3, 103.8);
        Landmark newcomer = new Landmark("new", "new", truth);
        List<PeerRoundTrip> pairs = honestRing(newcomer, truth);
        PositionCheck c = PositionCheck.of(newcomer, pairs, 1);
        assertThat(c.consistent()).isTrue();
        assertThat(c.peerOperators()).isEqualTo(6);
        assertThat(c.provenUncertainty().km()).isBetween(50.0, 1500.0);
    }

    @Test
    void newcomerClaimingAFarPosition_isNotConsistent() {
        GeoPosition truth = GeoPosition.ofDegrees(1.3, 103.8);
        Landmark real = new Landmark("new", "new", truth);
        List<PeerRoundTrip> pairs = honestRing(real, truth);
        Landmark claimed = real.withPosition(GeoPosition.ofDegrees(22.3, 114.2));
        List<PeerRoundTrip> asClaimed = pairs.stream()
                .map(p -> new PeerRoundTrip(claimed, p.b(), p.roundTrip()))
                .toList();
        assertThat(PositionCheck.of(claimed, asClaimed, 1).consistent()).isFalse();
    }

    @Test
    void peersOfItsOwnOperator_doNotVouch() {
        GeoPosition truth = GeoPosition.ofDegrees(1.3, 103.8);
        Landmark newcomer = new Landmark("new", "new", truth).withOperator("acme");
        List<PeerRoundTrip> pairs = new ArrayList<>();
        for (Landmark p : ring(truth, 4)) {
            pairs.add(honest(newcomer, p.withOperator("acme"), 1.2));
        }
        PositionCheck c = PositionCheck.of(newcomer, pairs, 1);
        assertThat(c.peerOperators()).isZero();
        assertThat(c.provenUncertainty().km()).isGreaterThan(19_000);
    }
}
