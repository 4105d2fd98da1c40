package dev.locus.server.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowCacheTest {
    private static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void onlyShorterRoundTripsNewLandmarksOrOldVerdicts_changeTheRegion() {
        WindowCache cache = new WindowCache(10, Duration.ofHours(1));
        assertThat(cache.wouldChange("c", "a", 5, T)).as("unknown chip").isTrue();
        cache.put("c", T, T.plus(Duration.ofHours(5)), Map.of("a", 1_000L));
        assertThat(cache.wouldChange("c", "a", 1_000, T.plusSeconds(60)))
                .as("same minimum")
                .isFalse();
        assertThat(cache.wouldChange("c", "a", 2_000, T.plusSeconds(60)))
                .as("longer")
                .isFalse();
        assertThat(cache.wouldChange("c", "a", 999, T.plusSeconds(60)))
                .as("shorter")
                .isTrue();
        assertThat(cache.wouldChange("c", "b", 9_999, T.plusSeconds(60)))
                .as("new landmark")
                .isTrue();
        assertThat(cache.wouldChange("c", "a", 2_000, T.plus(Duration.ofMinutes(61))))
                .as("stale")
                .isTrue();
    }

    @Test
    void capacity_evictsTheLeastRecentlyUsedChip() {
        WindowCache cache = new WindowCache(2, Duration.ofHours(1));
        cache.put("x", T, T.plusSeconds(600), Map.of("a", 1L));
        cache.put("y", T, T.plusSeconds(600), Map.of("a", 1L));
        cache.wouldChange("x", "a", 5, T);
        cache.put("z", T, T.plusSeconds(600), Map.of("a", 1L));
        assertThat(cache.wouldChange("x", "a", 5, T)).isFalse();
        assertThat(cache.wouldChange("y", "a", 5, T)).as("evicted").isTrue();
    }

    @Test
    void whenAMinimumReceiptLeavesTheWindow_theRegionCanGrow_soEveryReceiptCounts() {
        WindowCache cache = new WindowCache(10, Duration.ofHours(1));
        cache.put("c", T, T.plusSeconds(6), Map.of("a", 1_000L));
        assertThat(cache.wouldChange("c", "a", 5_000, T.plusSeconds(5))).isFalse();
        assertThat(cache.wouldChange("c", "a", 5_000, T.plusSeconds(7)))
                .as("relayed, after expiry")
                .isTrue();
    }
}
