package dev.locus.server.alerts;

import java.time.Duration;

/** Durations as people read them in alert summaries: "45 s", "12 min", "6 h", "3 d". */
final class Durations {

    private Durations() {}

    static String readable(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min";
        }
        if (s < 2 * 86_400) {
            return s / 3600 + " h";
        }
        return s / 86_400 + " d";
    }
}
