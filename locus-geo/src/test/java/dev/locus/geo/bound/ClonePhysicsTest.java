package dev.locus.geo.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.locus.geo.position.AnyPosition;
import dev.locus.geo.position.EarthModel;
import dev.locus.geo.position.GeoPosition;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ClonePhysicsTest {
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");
    private static final GeoPosition SINGAPORE = GeoPosition.ofDegrees(1.3667, 103.75);
    private static final GeoPosition SHENZHEN = GeoPosition.ofDegrees(22.5431, 114.0579);

    @Test
    void chord_ofKnownPoints_isTheEllipsoidsStraightLine() {
        // two equator points a quarter turn apart: a·√2; pole to pole: twice the polar radius b
        assertThat(ClonePhysics.chordKm(GeoPosition.ofDegrees(0, 0), GeoPosition.ofDegrees(0, 90)))
                .isCloseTo(EarthModel.WGS84_A_KM * Math.sqrt(2), within(1e-6));
        assertThat(ClonePhysics.chordKm(GeoPosition.ofDegrees(90, 0), GeoPosition.ofDegrees(-90, 0)))
                .isCloseTo(2 * EarthModel.WGS84_A_KM * (1 - EarthModel.WGS84_F), within(1e-6));
    }

    @Property
    void chord_isNeverLongerThanTheGeodesic(
            @ForAll(supplier = AnyPosition.OffThePoles.class) GeoPosition a,
            @ForAll(supplier = AnyPosition.OffThePoles.class) GeoPosition b) {
        assertThat(ClonePhysics.chordKm(a, b))
                .isLessThanOrEqualTo(a.geodesicDistanceTo(b).km() + 1e-6);
    }

    @Test
    void singaporeAndShenzhenWithinASecond_isImpossibleForOneDevice() {
        ClonePhysics.Comparison c = ClonePhysics.standard()
                .compare(sighting(SINGAPORE, 500_000, T), sighting(SHENZHEN, 500_000, T.plusMillis(800)));
        assertThat(c.impossible()).isTrue();
        assertThat(c.minimumSeparationKm()).isBetween(2000.0, 2700.0);
        assertThat(c.lightReachKm()).isCloseTo(2 * 0.5 * SpeedBound.C_KM_PER_MS / 2, within(1e-9));
    }

    @Test
    void aFlightApart_orLongRoundTrips_areExplained() {
        ClonePhysics p = ClonePhysics.standard();
        assertThat(p.compare(sighting(SINGAPORE, 500_000, T), sighting(SHENZHEN, 500_000, T.plus(Duration.ofHours(3))))
                        .impossible())
                .isFalse();
        // 20 ms each: 3000 km of reach around each landmark covers the 2600 km between them
        assertThat(p.compare(sighting(SINGAPORE, 20_000_000, T), sighting(SHENZHEN, 20_000_000, T.plusMillis(10)))
                        .impossible())
                .isFalse();
    }

    private static ClonePhysics.Sighting sighting(GeoPosition landmark, long rttNanos, Instant at) {
        return new ClonePhysics.Sighting(landmark, RoundTrip.ofNanos(rttNanos), at);
    }
}
