package dev.locus.landmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final InetAddress A = InetAddress.getLoopbackAddress();

    private static InetAddress ip(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
    }

    @Test
    void burstThenSustainedRate_perSource() throws Exception {
        RateLimiter r = new RateLimiter(100, 10, 100); // 100/s, burst 10
        long t = 1_000_000_000L;
        int allowed = 0;
        for (int i = 0; i < 50; i++) {
            allowed += r.allow(A, t) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(10);
        assertThat(r.allow(A, t + 10_000_000L))
                .as("one token refilled after 10 ms")
                .isTrue();
        assertThat(r.allow(A, t + 10_000_000L)).isFalse();
        assertThat(r.allow(ip(1), t)).as("another source has its own bucket").isTrue();
    }

    @Test
    void memoryIsBounded_newSourcesAreRefusedWhileFull_untilIdleOnesAreSwept() throws Exception {
        RateLimiter r = new RateLimiter(100, 10, 2);
        long t = 0;
        assertThat(r.allow(ip(1), t)).isTrue();
        assertThat(r.allow(ip(2), t)).isTrue();
        assertThat(r.allow(ip(3), t)).isFalse();
        r.sweep(t + 1_000_000_000L); // both buckets refilled: idle
        assertThat(r.trackedSources()).isZero();
        assertThat(r.allow(ip(3), t + 1_000_000_000L)).isTrue();
    }

    @Test
    void invalidSettings_areRefusedNamingThem() {
        assertThatThrownBy(() -> new RateLimiter(0, 10, 1))
                .hasMessageContaining("rate > 0/s")
                .hasMessageContaining("0.0/s");
    }
}
