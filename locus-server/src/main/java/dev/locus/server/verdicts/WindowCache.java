package dev.locus.server.verdicts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-landmark minimum round trips behind each chip's latest verdict, for the most recently
 * assessed chips (LRU, bounded). A new receipt that neither names a new landmark nor lowers a
 * minimum leaves the feasible region, and so the verdict, unchanged, until the oldest of those
 * minimum receipts slides out of the measurement window ({@code validUntil}); such receipts need no
 * new assessment before then, nor after {@code refresh} at the latest. Thread-safe.
 */
final class WindowCache {
    private record Window(Instant validUntil, Map<String, Long> minRttNanosByLandmark) {}

    private final Duration refresh;
    private final Map<String, Window> entries;

    WindowCache(int capacity, Duration refresh) {
        this.refresh = refresh;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @param validUntil when the first of the minimum receipts leaves the window (the region can
     *     grow then)
     */
    synchronized void put(String chip, Instant assessedAt, Instant validUntil, Map<String, Long> mins) {
        Instant capped = validUntil.isBefore(assessedAt.plus(refresh)) ? validUntil : assessedAt.plus(refresh);
        entries.put(chip, new Window(capped, Map.copyOf(mins)));
    }

    /** True unless the cached verdict is recent and the receipt cannot change its region. */
    synchronized boolean wouldChange(String chip, String landmarkId, long rttNanos, Instant now) {
        Window e = entries.get(chip);
        if (e == null || now.isAfter(e.validUntil())) {
            return true;
        }
        Long min = e.minRttNanosByLandmark().get(landmarkId);
        return min == null || rttNanos < min;
    }

    synchronized void clear() {
        entries.clear();
    }
}
