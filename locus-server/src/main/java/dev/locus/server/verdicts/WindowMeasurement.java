package dev.locus.server.verdicts;

import java.time.Instant;

/**
 * The best round trip one landmark measured to a chip within a window.
 *
 * @param receiptId the accepted receipt with that round trip
 * @param rttMinNanos the smallest round trip in the window, in nanoseconds
 * @param receipts how many accepted receipts of this landmark fell in the window
 */
public record WindowMeasurement(
        String landmarkId, long receiptId, long rttMinNanos, Instant measuredAt, int receipts) {}
