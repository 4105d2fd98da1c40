package dev.locus.geo.region;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.GeoPosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionOutlineTest {

    @Test
    void twoOverlappingDiscs_giveTwoArcsOnTheRegionBoundary() {
        Disc a = Disc.of("a", GeoPosition.ofDegrees(0, 0), RoundTrip.ofMillis(8), SpeedBound.LIGHT_IN_VACUUM);
        Disc b = Disc.of("b", GeoPosition.ofDegrees(0, 10), RoundTrip.ofMillis(8), SpeedBound.LIGHT_IN_VACUUM);
        FeasibleRegion region = FeasibleRegion.of(List.of(a, b));
        List<List<GeoPosition>> arcs = RegionOutline.arcs(region, 360);
        assertThat(arcs).hasSize(2);
        for (List<GeoPosition> arc : arcs) {
            for (GeoPosition p : arc) {
                // Every outline point is in both discs (each about 10.8 degrees wide), so in the lens.
                assertThat(p.longitudeDegrees()).isBetween(-0.9, 10.9);
                assertThat(a.cap().axis().angle(p.toS2Point()))
                        .isLessThanOrEqualTo(a.angle().radians() + 1e-6);
                assertThat(b.cap().axis().angle(p.toS2Point()))
                        .isLessThanOrEqualTo(b.angle().radians() + 1e-6);
            }
        }
    }

    @Test
    void oneDisc_isOneClosedCircle() {
        Disc a = Disc.of("a", GeoPosition.ofDegrees(89, 0), RoundTrip.ofMillis(20), SpeedBound.LIGHT_IN_VACUUM);
        List<List<GeoPosition>> arcs = RegionOutline.arcs(FeasibleRegion.of(List.of(a)), 64);
        assertThat(arcs).singleElement().satisfies(arc -> assertThat(arc).hasSize(65));
    }
}
