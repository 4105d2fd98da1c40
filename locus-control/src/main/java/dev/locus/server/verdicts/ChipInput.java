package dev.locus.server.verdicts;

import dev.locus.geo.position.GeoPosition;
import java.util.List;
import java.util.Optional;

/**
 * Everything one chip's assessment reads: its declared site, its measurement window (active
 * landmarks only), its previous verdict, and the window rows that had aged out and were recomputed
 * from receipts (to be written back with the verdict).
 */
record ChipInput(
        String serial,
        DeclaredSite site,
        List<WindowMeasurement> window,
        Optional<PreviousVerdict> previous,
        List<WindowRefresh> refreshes) {
    ChipInput {
        window = List.copyOf(window);
        refreshes = List.copyOf(refreshes);
    }

    /** The chip's declared site: where its licensed zone is. */
    record DeclaredSite(String id, GeoPosition position, double zoneRadiusKm) {}

    /**
     * A {@code chip_window} row whose receipt left the window: replaced by the window's shortest
     * round trip from that landmark, or deleted when there is none. Applied only if the row still
     * names {@code staleReceiptId} (ingestion may have lowered it meanwhile).
     */
    record WindowRefresh(String landmarkId, long staleReceiptId, Optional<WindowMeasurement> replacement) {}
}
