package dev.locus.server.verdicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2Point;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionGeometryTest {
    /** The geo core's disc for a round trip at light speed from a landmark. */
    private static S2Cap cap(double lat, double lon, double rttMs) {
        return Disc.of("lm", GeoPosition.ofDegrees(lat, lon), RoundTrip.ofMillis(rttMs), SpeedBound.LIGHT_IN_VACUUM)
                .cap();
    }

    private static double radiusKm(double rttMs) {
        return SpeedBound.LIGHT_IN_VACUUM.maxDistance(RoundTrip.ofMillis(rttMs)).km();
    }

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
    void intersection_liesInEveryDisc() {
        S2Cap a = cap(1.35, 103.82, 2.6);
        S2Cap b = cap(3.14, 101.69, 2.0);
        List<double[]> ring = RegionGeometry.intersection(List.of(a, b)).orElseThrow();
        assertThat(ring.size()).isGreaterThan(20);
        for (double[] p : ring) {
            S2Point x = GeoPosition.ofDegrees(p[1], p[0]).toS2Point();
            assertThat(a.axis().angle(x)).isLessThanOrEqualTo(a.angle().radians() + 1e-7);
            assertThat(b.axis().angle(x)).isLessThanOrEqualTo(b.angle().radians() + 1e-7);
        }
    }

    @Test
    void disjointDiscs_haveNoOutline() {
        assertThat(RegionGeometry.intersection(List.of(cap(1.35, 103.82, 0.3), cap(13.75, 100.5, 0.3))))
                .isEmpty();
    }

    @Test
    void discWiderThanAHemisphere_isLeftToTheDiscs() {
        assertThat(RegionGeometry.intersection(List.of(cap(0, 0, 140), cap(10, 10, 3))))
                .isEmpty();
    }

    @Test
    void containedDisc_isTheRegion() {
        S2Cap small = cap(13.75, 100.5, 0.3);
        List<double[]> ring = RegionGeometry.intersection(List.of(small, cap(1.35, 103.82, 15.1)))
                .orElseThrow();
        for (double[] p : ring) {
            assertThat(small.axis().angle(GeoPosition.ofDegrees(p[1], p[0]).toS2Point()))
                    .isCloseTo(small.angle().radians(), within(1e-9));
        }
        assertThat(radiusKm(0.3)).isCloseTo(44.97, within(0.01));
    }
}
