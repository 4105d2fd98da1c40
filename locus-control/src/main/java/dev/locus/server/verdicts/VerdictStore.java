package dev.locus.server.verdicts;

import dev.locus.server.ingest.WindowMinima;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a batch of assessments in one transaction: the verdict rows (append-only history), their
 * periods ({@link VerdictPeriods}), each
 * chip's {@code chip_verdicts} row (latest verdict, when it is due again, when last proven), and (by
 * way of their writer, {@link WindowMinima}) the window rows that were recomputed because their
 * receipt had left the window.
 */
final class VerdictStore {
    private VerdictStore() {}

    /** One chip's assessment, ready to store. */
    record Outcome(StoredVerdict verdict, Instant validUntil, String boundingDiscsJson, String windowKey) {}

    /**
     * A re-assessment that found exactly what the latest verdict was derived from (same {@link
     * WindowKey}): that verdict holds at {@code at} on the same receipts, so no new row is stored.
     */
    record Confirmation(String chipSerial, long verdictId, boolean proven, Instant at, Instant validUntil) {}

    /** Stores the outcomes in order; returns their verdicts with the ids the database gave them. */
    static List<StoredVerdict> write(Connection c, List<Outcome> outcomes) throws SQLException {
        List<StoredVerdict> stored = insertVerdicts(c, outcomes);
        VerdictPeriods.append(c, stored);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO chip_verdicts t USING (VALUES ("
                + "CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS VARCHAR(200)), CAST(? AS BOOLEAN),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                + " CAST(? AS VARCHAR(100000)), CAST(? AS CHAR(64))))"
                + " AS v (chip_serial, verdict_id, verdicts, proven, assessed_at, valid_until, bounding_discs,"
                + " window_key)"
                + " ON t.chip_serial = v.chip_serial"
                + " WHEN MATCHED AND v.verdict_id > t.verdict_id THEN UPDATE SET verdict_id = v.verdict_id,"
                + " verdicts = v.verdicts, proven = v.proven, assessed_at = v.assessed_at,"
                + " valid_until = v.valid_until, bounding_discs = v.bounding_discs, window_key = v.window_key,"
                + " last_proven_at = CASE WHEN v.proven THEN v.assessed_at ELSE t.last_proven_at END"
                + " WHEN NOT MATCHED THEN INSERT (chip_serial, verdict_id, verdicts, proven, assessed_at,"
                + " last_proven_at, valid_until, bounding_discs, window_key) VALUES (v.chip_serial, v.verdict_id, v.verdicts,"
                + " v.proven, v.assessed_at, CASE WHEN v.proven THEN v.assessed_at END, v.valid_until,"
                + " v.bounding_discs, v.window_key)")) {
            for (int i = 0; i < stored.size(); i++) {
                StoredVerdict v = stored.get(i);
                ps.setString(1, v.chipSerial());
                ps.setLong(2, v.id());
                ps.setString(3, VerdictRows.format(v.verdicts()));
                ps.setBoolean(4, v.proven());
                Sql.setInstant(ps, 5, v.assessedAt());
                Sql.setInstant(ps, 6, outcomes.get(i).validUntil());
                ps.setString(7, outcomes.get(i).boundingDiscsJson());
                ps.setString(8, outcomes.get(i).windowKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return stored;
    }

    private static List<StoredVerdict> insertVerdicts(Connection c, List<Outcome> outcomes) throws SQLException {
        List<StoredVerdict> stored = new ArrayList<>(outcomes.size());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO verdicts (chip_serial, window_start, window_end, verdicts, proven, evidence_json,"
                        + " assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            for (Outcome o : outcomes) {
                StoredVerdict v = o.verdict();
                ps.setString(1, v.chipSerial());
                Sql.setInstant(ps, 2, v.windowStart());
                Sql.setInstant(ps, 3, v.windowEnd());
                ps.setString(4, VerdictRows.format(v.verdicts()));
                ps.setBoolean(5, v.proven());
                ps.setString(6, v.evidenceJson());
                Sql.setInstant(ps, 7, v.assessedAt());
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                for (Outcome o : outcomes) {
                    if (!keys.next()) {
                        throw new SQLException("expected " + outcomes.size() + " generated verdict ids");
                    }
                    StoredVerdict v = o.verdict();
                    stored.add(new StoredVerdict(
                            keys.getLong(1),
                            v.chipSerial(),
                            v.windowStart(),
                            v.windowEnd(),
                            v.verdicts(),
                            v.proven(),
                            v.evidenceJson(),
                            v.assessedAt()));
                }
            }
        }
        return stored;
    }

    /** Hands the recomputed window rows to their one writer, ingestion's {@link WindowMinima}. */
    static void refreshWindows(Connection c, List<ChipInput> inputs) throws SQLException {
        List<WindowMinima.AgedRow> rows = new ArrayList<>();
        for (ChipInput in : inputs) {
            for (ChipInput.WindowRefresh r : in.refreshes()) {
                rows.add(new WindowMinima.AgedRow(
                        in.serial(),
                        r.landmarkId(),
                        r.staleReceiptId(),
                        r.replacement()
                                .map(m -> new WindowMinima.Minimum(m.receiptId(), m.rttMinNanos(), m.measuredAt()))));
            }
        }
        WindowMinima.replaceAged(c, rows);
    }

    /**
     * Records confirmations: the latest verdict was re-derived at {@code at} from the same receipts.
     * Applied only while it is still the chip's latest verdict.
     */
    static void confirm(Connection c, List<Confirmation> confirmations) throws SQLException {
        if (confirmations.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE chip_verdicts SET assessed_at = ?, valid_until = ?,"
                + " last_proven_at = CASE WHEN ? THEN ? ELSE last_proven_at END"
                + " WHERE chip_serial = ? AND verdict_id = ?")) {
            for (Confirmation k : confirmations) {
                Sql.setInstant(ps, 1, k.at());
                Sql.setInstant(ps, 2, k.validUntil());
                ps.setBoolean(3, k.proven());
                Sql.setInstant(ps, 4, k.at());
                ps.setString(5, k.chipSerial());
                ps.setLong(6, k.verdictId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(VerdictPeriods.CONFIRM)) {
            for (Confirmation k : confirmations) {
                VerdictPeriods.confirm(ps, k.chipSerial(), k.verdictId(), k.at());
            }
            ps.executeBatch();
        }
    }

    /** Chips with nothing measured in the window keep their latest verdict; they are due again later. */
    static void postpone(Connection c, List<String> serials, Instant validUntil) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE chip_verdicts SET valid_until = ? WHERE chip_serial = ?")) {
            for (String s : serials) {
                Sql.setInstant(ps, 1, validUntil);
                ps.setString(2, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
