package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionGeometryTest {
    private static double km(double latA, double lonA, double latB, double lonB) {
        return RegionGeometry.angle(RegionGeometry.unit(latA, lonA), RegionGeometry.unit(latB, lonB))
                * RegionGeometry.EARTH_RADIUS_KM;
    }

    @Test
    void circle_pointsLieAtTheRadius_andTheRingIsClosed() {
        RegionGeometry.DiscKm d = new RegionGeometry.DiscKm(1.35, 103.82, 450);
        List<double[]> ring = RegionGeometry.circle(d);
        assertThat(ring.get(0)).containsExactly(ring.get(ring.size() - 1));
        for (double[] p : ring) {
            assertThat(km(1.35, 103.82, p[1], p[0])).isCloseTo(450, within(1e-6));
        }
    }

    @Test
    void circleAcrossTheAntimeridian_staysOneShape() {
        List<double[]> ring = RegionGeometry.circle(new RegionGeometry.DiscKm(-17.7, 178.9, 800));
        for (int i = 1; i < ring.size(); i++) {
            assertThat(Math.abs(ring.get(i)[0] - ring.get(i - 1)[0])).isLessThan(10);
        }
    }

    @Test
    void circleAroundAPole_isClosedThroughThePole() {
        List<double[]> ring = RegionGeometry.circle(new RegionGeometry.DiscKm(85, 0, 1500));
        assertThat(ring.stream().anyMatch(p -> p[1] == 90)).isTrue();
        assertThat(ring.get(0)).containsExactly(ring.get(ring.size() - 1));
    }

    @Test
    void intersection_liesInEveryDisc_andTouchesEachBoundingCircle() {
        RegionGeometry.DiscKm a = new RegionGeometry.DiscKm(1.35, 103.82, 400);
        RegionGeometry.DiscKm b = new RegionGeometry.DiscKm(3.14, 101.69, 300);
        List<double[]> ring = RegionGeometry.intersection(List.of(a, b)).orElseThrow();
        assertThat(ring.size()).isGreaterThan(20);
        for (double[] p : ring) {
            assertThat(km(a.latitudeDeg(), a.longitudeDeg(), p[1], p[0])).isLessThanOrEqualTo(400 + 1e-6);
            assertThat(km(b.latitudeDeg(), b.longitudeDeg(), p[1], p[0])).isLessThanOrEqualTo(300 + 1e-6);
        }
    }

    @Test
    void disjointDiscs_haveNoOutline() {
        Optional<List<double[]>> none = RegionGeometry.intersection(
                List.of(new RegionGeometry.DiscKm(1.35, 103.82, 50), new RegionGeometry.DiscKm(13.75, 100.5, 50)));
        assertThat(none).isEmpty();
    }

    @Test
    void discWiderThanAHemisphere_isLeftToTheDiscs() {
        assertThat(RegionGeometry.intersection(
                        List.of(new RegionGeometry.DiscKm(0, 0, 15_000), new RegionGeometry.DiscKm(10, 10, 500))))
                .isEmpty();
    }

    @Test
    void containedDisc_isTheRegion() {
        RegionGeometry.DiscKm small = new RegionGeometry.DiscKm(13.75, 100.5, 45);
        RegionGeometry.DiscKm big = new RegionGeometry.DiscKm(1.35, 103.82, 2263);
        List<double[]> ring = RegionGeometry.intersection(List.of(small, big)).orElseThrow();
        for (double[] p : ring) {
            assertThat(km(13.75, 100.5, p[1], p[0])).isCloseTo(45, within(1e-6));
        }
    }
}
