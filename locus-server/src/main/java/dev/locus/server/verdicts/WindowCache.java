package dev.locus.server.verdicts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-landmark minimum round trips behind each chip's latest verdict, for the most recently
 * assessed chips (LRU, bounded). A new receipt that neither names a new landmark nor lowers a
 * minimum leaves the feasible region, and so the verdict, unchanged; such receipts need no new
 * assessment while the verdict is younger than {@code refresh} (the window slides, so old verdicts
 * are always redone). Thread-safe.
 */
final class WindowCache {
    private record Window(Instant assessedAt, Map<String, Long> minRttNanosByLandmark) {}

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

    synchronized void put(String chip, Instant assessedAt, Map<String, Long> mins) {
        entries.put(chip, new Window(assessedAt, Map.copyOf(mins)));
    }

    /** True unless the cached verdict is recent and the receipt cannot change its region. */
    synchronized boolean wouldChange(String chip, String landmarkId, long rttNanos, Instant now) {
        Window e = entries.get(chip);
        if (e == null || Duration.between(e.assessedAt(), now).compareTo(refresh) > 0) {
            return true;
        }
        Long min = e.minRttNanosByLandmark().get(landmarkId);
        return min == null || rttNanos < min;
    }

    synchronized void clear() {
        entries.clear();
    }
}
