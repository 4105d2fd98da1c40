package dev.locus.server.ingest;

import dev.locus.server.auth.Principal;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts every rejected receipt in {@code receipt_rejections}, per submitting token, reason and
 * hour, and picks the few that are also stored as rows: at most {@link #SAMPLE_PER_WINDOW} per
 * token, reason and hour. A token sending junk without end therefore grows the database by at most
 * one counter row and {@code SAMPLE_PER_WINDOW} receipt rows per reason and hour, and nothing is
 * lost: the counters hold every rejection. Runs in the ingesting transaction; the counter row is
 * locked by its update, so concurrent batches of one token take samples one after the other.
 */
public final class RejectionAccounting {
    /** Rejected receipts stored as rows per submitting token, reason and hour. */
    public static final int SAMPLE_PER_WINDOW = 20;

    private RejectionAccounting() {}

    /**
     * Counts the batch's rejections and returns the indices of those to store as rows.
     *
     * @param verdicts per submission, its rejection or empty when accepted
     */
    static Set<Integer> count(
            Connection c, int size, List<Optional<Rejection>> verdicts, Principal submitter, Instant now)
            throws SQLException {
        Map<RejectionReason, List<Integer>> byReason = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            Optional<Rejection> v = verdicts.get(i);
            if (v.isPresent()) {
                byReason.computeIfAbsent(v.get().reason(), r -> new ArrayList<>())
                        .add(i);
            }
        }
        Set<Integer> sampled = new HashSet<>();
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        for (Map.Entry<RejectionReason, List<Integer>> e : byReason.entrySet()) { // sorted: locks in one order
            long stored = add(c, submitter, e.getKey(), window, e.getValue().size(), now);
            int take = (int) Math.max(0, Math.min(e.getValue().size(), SAMPLE_PER_WINDOW - stored));
            sampled.addAll(e.getValue().subList(0, take));
            if (take > 0) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE receipt_rejections SET stored = stored + ?"
                        + " WHERE submitter_token_id = ? AND reason = ? AND window_start = ?")) {
                    ps.setLong(1, take);
                    ps.setString(2, submitter.tokenId());
                    ps.setString(3, e.getKey().name());
                    Sql.setInstant(ps, 4, window);
                    ps.executeUpdate();
                }
            }
        }
        return sampled;
    }

    /** Adds {@code n} to the counter (creating it), returning how many of its window are stored. */
    private static long add(
            Connection c, Principal submitter, RejectionReason reason, Instant window, int n, Instant now)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE receipt_rejections SET rejected = rejected + ?, last_received_at = ?"
                        + " WHERE submitter_token_id = ? AND reason = ? AND window_start = ?")) {
            ps.setLong(1, n);
            Sql.setInstant(ps, 2, now);
            ps.setString(3, submitter.tokenId());
            ps.setString(4, reason.name());
            Sql.setInstant(ps, 5, window);
            if (ps.executeUpdate() == 0) {
                // A concurrent first insert of the same counter fails on the primary key; the
                // ingestor retries the whole batch, which then finds the row.
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO receipt_rejections (submitter_token_id,"
                        + " submitted_by, reason, window_start, rejected, stored, last_received_at)"
                        + " VALUES (?, ?, ?, ?, ?, 0, ?)")) {
                    ins.setString(1, submitter.tokenId());
                    ins.setString(2, StoredOutcome.clip(submitter.actor(), 100));
                    ins.setString(3, reason.name());
                    Sql.setInstant(ins, 4, window);
                    ins.setLong(5, n);
                    Sql.setInstant(ins, 6, now);
                    ins.executeUpdate();
                }
                return 0;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT stored FROM receipt_rejections"
                + " WHERE submitter_token_id = ? AND reason = ? AND window_start = ?")) {
            ps.setString(1, submitter.tokenId());
            ps.setString(2, reason.name());
            Sql.setInstant(ps, 3, window);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The counters of the last {@code hours} hours, newest window first, most rejections first.
     *
     * @return rows of {@code submitter_token_id, submitted_by, reason, window_start, rejected,
     *     stored, last_received_at}
     */
    public static List<Map<String, Object>> recent(
            dev.locus.server.persistence.Database db, Instant now, int hours, int limit) {
        return db.read(c -> Sql.query(
                c,
                "SELECT * FROM receipt_rejections WHERE window_start >= ?"
                        + " ORDER BY window_start DESC, rejected DESC, submitter_token_id, reason LIMIT ?",
                ps -> {
                    Sql.setInstant(
                            ps, 1, now.truncatedTo(ChronoUnit.HOURS).minus(java.time.Duration.ofHours(hours - 1L)));
                    ps.setInt(2, limit);
                },
                rs -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    Sql.copyText(rs, m, "submitter_token_id", "submitted_by", "reason");
                    m.put("window_start", Sql.getInstant(rs, "window_start"));
                    m.put("rejected", rs.getLong("rejected"));
                    m.put("stored", rs.getLong("stored"));
                    m.put("last_received_at", Sql.getInstant(rs, "last_received_at"));
                    return m;
                }));
    }
}
