package dev.locus.server.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void picksTheUnitAPersonWouldSay() {
        assertThat(Durations.readable(Duration.ofSeconds(15))).isEqualTo("15 s");
        assertThat(Durations.readable(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(Durations.readable(Duration.ofHours(6))).isEqualTo("6 h");
        assertThat(Durations.readable(Duration.ofHours(24))).isEqualTo("24 h");
        assertThat(Durations.readable(Duration.ofDays(3))).isEqualTo("3 d");
        assertThat(Durations.readable(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }
}
