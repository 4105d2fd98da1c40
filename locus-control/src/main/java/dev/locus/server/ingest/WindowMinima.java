package dev.locus.server.ingest;

import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps {@code chip_window}, the accepted receipt with the shortest round trip per chip and landmark,
 * inside the ingestion transaction. Only such a receipt can shrink a chip's feasible region: a
 * receipt with a longer round trip from a landmark that already measured the chip adds a disc that
 * contains the one already there. Rows that have aged out of the measurement window are found by
 * the verdict engine (it recomputes them from receipts while it reads the window) and written back
 * here, by {@link #replaceAged}: this class is the table's only writer.
 */
public final class WindowMinima {
    private WindowMinima() {}

    /**
     * A row whose receipt left the measurement window, and what replaces it: the window's shortest
     * round trip from that landmark, or nothing (the row is deleted).
     */
    public record AgedRow(String chipSerial, String landmarkId, long staleReceiptId, Optional<Minimum> replacement) {}

    /** A window minimum: the accepted receipt with the shortest round trip, in nanoseconds. */
    public record Minimum(long receiptId, long rttMinNanos, Instant measuredAt) {}

    private record Best(String chipSerial, String landmarkId, long receiptId, long rttNanos, Instant measuredAt) {}

    /**
     * Offers the batch's accepted receipts; returns the chips whose shortest round trip from some
     * landmark was lowered or set for the first time.
     */
    static Set<String> offer(Connection c, List<Submission> batch, List<IngestResult> results, Instant now)
            throws SQLException {
        // One row per chip and landmark, in key order so concurrent batches lock rows in one order.
        Map<String, Best> best = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (results.get(i) instanceof IngestResult.Accepted accepted) {
                Receipt r = batch.get(i).receipt();
                Best b =
                        new Best(r.chipSerial(), r.landmarkId(), accepted.receiptId(), r.rttMinNanos(), r.measuredAt());
                best.merge(r.chipSerial() + '\u0000' + r.landmarkId(), b, WindowMinima::better);
            }
        }
        if (best.isEmpty()) {
            return Set.of();
        }
        List<Best> rows = new ArrayList<>(best.values());
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(upsert(c))) {
            for (Best b : rows) {
                ps.setString(1, b.chipSerial());
                ps.setString(2, b.landmarkId());
                ps.setLong(3, b.receiptId());
                ps.setLong(4, b.rttNanos());
                Sql.setInstant(ps, 5, b.measuredAt());
                Sql.setInstant(ps, 6, now);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            // A driver that cannot tell how many rows a statement touched must not hide a change.
            if (counts[i] != 0) {
                changed.add(rows.get(i).chipSerial());
            }
        }
        return changed;
    }

    /**
     * Writes back recomputed rows, each only if ingestion has not replaced it meanwhile (the row still
     * names the receipt that had aged out). Runs inside the caller's transaction.
     */
    public static void replaceAged(Connection c, List<AgedRow> rows) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE chip_window SET receipt_id = ?, rtt_min_nanos = ?,"
                        + " measured_at = ? WHERE chip_serial = ? AND landmark_id = ? AND receipt_id = ?");
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM chip_window WHERE chip_serial = ? AND landmark_id = ? AND receipt_id = ?")) {
            boolean updates = false;
            boolean deletes = false;
            for (AgedRow r : rows) {
                if (r.replacement().isPresent()) {
                    Minimum m = r.replacement().get();
                    update.setLong(1, m.receiptId());
                    update.setLong(2, m.rttMinNanos());
                    Sql.setInstant(update, 3, m.measuredAt());
                    update.setString(4, r.chipSerial());
                    update.setString(5, r.landmarkId());
                    update.setLong(6, r.staleReceiptId());
                    update.addBatch();
                    updates = true;
                } else {
                    delete.setString(1, r.chipSerial());
                    delete.setString(2, r.landmarkId());
                    delete.setLong(3, r.staleReceiptId());
                    delete.addBatch();
                    deletes = true;
                }
            }
            if (updates) {
                update.executeBatch();
            }
            if (deletes) {
                delete.executeBatch();
            }
        }
    }

    /**
     * PostgreSQL's MERGE fails with a unique violation when two transactions insert the same new
     * row; its INSERT .. ON CONFLICT waits for the other and then updates instead. H2 (embedded,
     * PostgreSQL mode) has no ON CONFLICT .. DO UPDATE, and its MERGE serialises on the row.
     */
    private static String upsert(Connection c) throws SQLException {
        if (Sql.isPostgres(c)) {
            return "INSERT INTO chip_window AS w (chip_serial, landmark_id, receipt_id, rtt_min_nanos, measured_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chip_serial, landmark_id) DO UPDATE SET"
                    + " receipt_id = EXCLUDED.receipt_id, rtt_min_nanos = EXCLUDED.rtt_min_nanos,"
                    + " measured_at = EXCLUDED.measured_at, updated_at = EXCLUDED.updated_at"
                    + " WHERE EXCLUDED.rtt_min_nanos < w.rtt_min_nanos OR (EXCLUDED.rtt_min_nanos = w.rtt_min_nanos"
                    + " AND EXCLUDED.measured_at > w.measured_at)";
        }
        return "MERGE INTO chip_window w USING (VALUES ("
                + "CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS BIGINT),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)))"
                + " AS v (chip_serial, landmark_id, receipt_id, rtt, measured_at, updated_at)"
                + " ON w.chip_serial = v.chip_serial AND w.landmark_id = v.landmark_id"
                + " WHEN MATCHED AND (v.rtt < w.rtt_min_nanos"
                + " OR (v.rtt = w.rtt_min_nanos AND v.measured_at > w.measured_at)) THEN UPDATE SET"
                + " receipt_id = v.receipt_id, rtt_min_nanos = v.rtt, measured_at = v.measured_at,"
                + " updated_at = v.updated_at"
                + " WHEN NOT MATCHED THEN INSERT (chip_serial, landmark_id, receipt_id, rtt_min_nanos,"
                + " measured_at, updated_at)"
                + " VALUES (v.chip_serial, v.landmark_id, v.receipt_id, v.rtt, v.measured_at, v.updated_at)";
    }

    /** The shorter round trip; of equal ones the later, which stays in the window longer. */
    private static Best better(Best a, Best b) {
        if (a.rttNanos() != b.rttNanos()) {
            return a.rttNanos() < b.rttNanos() ? a : b;
        }
        return b.measuredAt().isAfter(a.measuredAt()) ? b : a;
    }
}
