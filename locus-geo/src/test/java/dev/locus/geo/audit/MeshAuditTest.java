package dev.locus.geo.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.Landmark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeshAuditTest {

    private static final List<Landmark> TRUE_POSITIONS = List.of(
            new Landmark("ams", "Amsterdam", GeoPosition.ofDegrees(52.37, 4.90)),
            new Landmark("fra", "Frankfurt", GeoPosition.ofDegrees(50.11, 8.68)),
            new Landmark("par", "Paris", GeoPosition.ofDegrees(48.86, 2.35)),
            new Landmark("lon", "London", GeoPosition.ofDegrees(51.51, -0.13)),
            new Landmark("mad", "Madrid", GeoPosition.ofDegrees(40.42, -3.70)),
            new Landmark("waw", "Warsaw", GeoPosition.ofDegrees(52.23, 21.01)));

    @Test
    void honestMesh_hasNoSuspects() {
        AuditReport r = MeshAudit.audit(TRUE_POSITIONS, mesh(TRUE_POSITIONS, TRUE_POSITIONS));
        assertThat(r.suspects()).isEmpty();
        assertThat(r.trusted()).hasSize(6);
        assertThat(r.pairsChecked()).isEqualTo(15);
    }

    @Test
    void landmarkPublishedFarFromWhereItIs_isNamedWithEvidence() {
        List<Landmark> published = new ArrayList<>(TRUE_POSITIONS);
        // Warsaw's server is really in Warsaw but publishes a position in Honduras.
        published.set(5, new Landmark("waw", "Warsaw", GeoPosition.ofDegrees(15.77, -86.79)));
        AuditReport r = MeshAudit.audit(published, mesh(TRUE_POSITIONS, published));
        assertThat(r.suspectIds()).containsExactly("waw");
        assertThat(r.suspects().get(0).reason())
                .contains("contradicts light speed")
                .contains("5 of 5");
        assertThat(r.trusted()).extracting(Landmark::id).doesNotContain("waw").hasSize(5);
    }

    @Test
    void anIsolatedContradiction_namesBothSides() {
        List<Landmark> two = List.of(TRUE_POSITIONS.get(0), TRUE_POSITIONS.get(1));
        double km =
                two.get(0).position().geodesicDistanceTo(two.get(1).position()).km();
        PeerRoundTrip tooFast =
                new PeerRoundTrip(two.get(0), two.get(1), RoundTrip.ofMillis(2 * km * 0.9 / SpeedBound.C_KM_PER_MS));
        AuditReport r = MeshAudit.audit(two, List.of(tooFast));
        assertThat(r.suspectIds()).containsExactlyInAnyOrder("ams", "fra");
        assertThat(r.contradictions()).hasSize(1);
        assertThat(r.contradictions().get(0).excess().km()).isGreaterThan(0);
    }

    /** Round trips as the true positions produce them (light time, slowed by 1.5, plus 1 ms), labelled with the published landmarks. */
    private static List<PeerRoundTrip> mesh(List<Landmark> truth, List<Landmark> published) {
        List<PeerRoundTrip> out = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            for (int j = i + 1; j < truth.size(); j++) {
                double km = truth.get(i)
                        .position()
                        .geodesicDistanceTo(truth.get(j).position())
                        .km();
                out.add(new PeerRoundTrip(
                        published.get(i),
                        published.get(j),
                        RoundTrip.ofMillis(2 * km * 1.5 / SpeedBound.C_KM_PER_MS + 1)));
            }
        }
        return out;
    }
}
