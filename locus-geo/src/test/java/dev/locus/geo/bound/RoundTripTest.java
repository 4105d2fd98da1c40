package dev.locus.geo.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.locus.geo.GeoException;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void zeroNegativeAndAbsurdRoundTrips_areRejectedWithTheValue() {
        assertThatThrownBy(() -> RoundTrip.ofNanos(0))
                .isInstanceOf(GeoException.class)
                .hasMessageContaining("> 0");
        assertThatThrownBy(() -> RoundTrip.ofMillis(-3.1)).hasMessageContaining("-3.1");
        assertThatThrownBy(() -> RoundTrip.ofMillis(10_000.5)).hasMessageContaining("10000");
        assertThatThrownBy(() -> RoundTrip.ofMillis(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> RoundTrip.ofMillis(Double.POSITIVE_INFINITY)).isInstanceOf(GeoException.class);
    }

    @Test
    void fromMillis_roundsUpSoTheBoundNeverShrinks() {
        assertThat(RoundTrip.ofMillis(1.0000001).nanos()).isEqualTo(1_000_001L);
    }

    @Test
    void lightBound_isHalfTheRoundTripAtC() {
        assertThat(SpeedBound.LIGHT_IN_VACUUM
                        .maxDistance(RoundTrip.ofMillis(10))
                        .km())
                .isCloseTo(1498.96229, within(1e-6));
        assertThat(SpeedBound.LIGHT_IN_VACUUM.provable()).isTrue();
        assertThat(SpeedBound.ofKmPerMs(200).provable()).isFalse();
    }

    @Test
    void speedsAboveLight_areRejected() {
        assertThatThrownBy(() -> SpeedBound.ofKmPerMs(300)).hasMessageContaining("outruns light");
        assertThatThrownBy(() -> SpeedBound.ofKmPerMs(0)).isInstanceOf(GeoException.class);
    }
}
