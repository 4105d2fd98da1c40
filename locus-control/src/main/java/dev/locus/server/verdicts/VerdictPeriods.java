package dev.locus.server.verdicts;

import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@code verdict_periods}, a chip's verdict history collapsed into periods of equal verdicts:
 * a stored verdict equal to its chip's latest period (same verdict set, same proven flag) extends
 * it (last verdict, last confirmed, one more assessment); any other opens a new period. A
 * confirmation (the same receipts re-assessed) extends the period holding the confirmed verdict.
 * Runs in the caller's transaction, so periods and verdicts never disagree. The only writer of the
 * table.
 */
public final class VerdictPeriods {
    private VerdictPeriods() {}

    private static final String EXTEND = "UPDATE verdict_periods SET last_verdict_id = ?, last_confirmed = ?,"
            + " assessments = assessments + 1 WHERE id = (SELECT MAX(id) FROM verdict_periods WHERE chip_serial = ?)"
            + " AND verdicts = ? AND proven = ?";
    private static final String OPEN = "INSERT INTO verdict_periods (chip_serial, verdicts, proven, first_verdict_id,"
            + " last_verdict_id, first_seen, last_confirmed, assessments) VALUES (?, ?, ?, ?, ?, ?, ?, 1)";

    /**
     * Adds stored verdicts, in the order given, to their chips' periods. Verdicts of distinct chips
     * go in two batches (extend, then open where nothing was extended); a chip named twice is added
     * one verdict at a time.
     */
    public static void append(Connection c, List<StoredVerdict> stored) throws SQLException {
        Set<String> chips = new HashSet<>();
        boolean distinct = stored.stream().allMatch(v -> chips.add(v.chipSerial()));
        if (!distinct) {
            for (StoredVerdict v : stored) {
                append(c, List.of(v));
            }
            return;
        }
        int[] extended;
        try (PreparedStatement ps = c.prepareStatement(EXTEND)) {
            for (StoredVerdict v : stored) {
                ps.setLong(1, v.id());
                Sql.setInstant(ps, 2, v.assessedAt());
                ps.setString(3, v.chipSerial());
                ps.setString(4, VerdictRows.format(v.verdicts()));
                ps.setBoolean(5, v.proven());
                ps.addBatch();
            }
            extended = ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(OPEN)) {
            boolean any = false;
            for (int i = 0; i < stored.size(); i++) {
                if (extended[i] > 0) {
                    continue;
                }
                StoredVerdict v = stored.get(i);
                ps.setString(1, v.chipSerial());
                ps.setString(2, VerdictRows.format(v.verdicts()));
                ps.setBoolean(3, v.proven());
                ps.setLong(4, v.id());
                ps.setLong(5, v.id());
                Sql.setInstant(ps, 6, v.assessedAt());
                Sql.setInstant(ps, 7, v.assessedAt());
                ps.addBatch();
                any = true;
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    /** The verdict {@code verdictId} of the chip was found again at {@code at}. */
    static void confirm(PreparedStatement ps, String chipSerial, long verdictId, Instant at) throws SQLException {
        Sql.setInstant(ps, 1, at);
        ps.setString(2, chipSerial);
        ps.setLong(3, verdictId);
        ps.addBatch();
    }

    static final String CONFIRM = "UPDATE verdict_periods SET last_confirmed = ?, assessments = assessments + 1"
            + " WHERE chip_serial = ? AND last_verdict_id = ?";
}
