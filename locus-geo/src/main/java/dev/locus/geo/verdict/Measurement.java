package dev.locus.geo.verdict;

import dev.locus.geo.GeoException;
import dev.locus.geo.bound.RoundTrip;

/**
 * One landmark's round trip to the device (typically the minimum over a window).
 *
 * @param landmark who timed it
 * @param roundTrip the round trip
 */
public record Measurement(Landmark landmark, RoundTrip roundTrip) {
    public Measurement {
        if (landmark == null || roundTrip == null) {
            throw new GeoException("measurement needs a landmark and a round trip");
        }
    }
}
