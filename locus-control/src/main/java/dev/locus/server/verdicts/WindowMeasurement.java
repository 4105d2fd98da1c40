package dev.locus.server.verdicts;

import dev.locus.geo.position.GeoPosition;
import java.time.Instant;

/**
 * The shortest round trip one landmark measured to a chip within a measurement window.
 *
 * @param landmarkPosition the landmark's registered position
 * @param receiptId the accepted receipt with that round trip
 * @param rttMinNanos the smallest round trip in the window, in nanoseconds
 * @param measuredAt when that receipt was measured; it leaves the window one window length later
 */
public record WindowMeasurement(
        String landmarkId,
        GeoPosition landmarkPosition,
        long receiptId,
        long rttMinNanos,
        Instant measuredAt,
        String landmarkOperator,
        double landmarkUncertaintyKm) {

    /** The measuring landmark as the geo core sees it: position, operator and position uncertainty. */
    public dev.locus.geo.verdict.Landmark landmark() {
        return new dev.locus.geo.verdict.Landmark(
                landmarkId,
                landmarkId,
                landmarkPosition,
                landmarkOperator,
                dev.locus.geo.position.Distance.ofKm(landmarkUncertaintyKm));
    }
}
