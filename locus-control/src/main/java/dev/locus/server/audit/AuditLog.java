package dev.locus.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.LocusServerException;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appends to and reads the hash-chained audit log. Appends happen inside the caller's transaction,
 * so an audit entry exists exactly when the change it records was committed. Appends are
 * serialised by a row lock on {@code audit_head}. Thread-safe.
 */
public final class AuditLog {
    private final InstantSource clock;
    private final ObjectMapper json;

    public AuditLog(InstantSource clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    /**
     * Appends one entry in the transaction of {@code c} (which must not be in auto-commit mode).
     *
     * @param details serialised as a JSON object; must not hold secrets
     * @return the appended entry
     */
    public AuditEntry append(
            Connection c, String actor, String action, String entityType, String entityId, Map<String, ?> details)
            throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("audit entries must be appended inside a transaction");
        }
        String detailsJson;
        try {
            detailsJson = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new LocusServerException("audit details are not serialisable: " + e.getMessage(), e);
        }
        long prevSeq;
        String prevHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row is missing; the schema was altered by hand");
            }
            prevSeq = rs.getLong(1);
            prevHash = rs.getString(2);
        }
        long seq = prevSeq + 1;
        Instant now = Sql.micros(clock.instant());
        AuditEntry unhashed = new AuditEntry(seq, now, actor, action, entityType, entityId, detailsJson, prevHash, "");
        String hash = AuditChain.hashOf(unhashed);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (seq, recorded_at, actor, action, entity_type, entity_id, details_json,"
                        + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            Sql.setInstant(ps, 2, now);
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, entityType);
            ps.setString(6, entityId);
            ps.setString(7, detailsJson);
            ps.setString(8, prevHash);
            ps.setString(9, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return unhashed.withHash(hash);
    }

    /**
     * The current head, read in one statement: the head row with its entry's time. Does not verify
     * the chain ({@link AuditVerifier} does).
     *
     * @throws SQLException also when the head row is missing (the schema was altered by hand)
     */
    public static AuditHead head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT h.seq, h.hash, l.recorded_at FROM audit_head h"
                        + " LEFT JOIN audit_log l ON l.seq = h.seq WHERE h.id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row is missing; the schema was altered by hand");
            }
            return new AuditHead(
                    rs.getLong("seq"), rs.getString("hash").strip(), Sql.getOptionalInstant(rs, "recorded_at"));
        }
    }

    /** Entries with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
    public static List<AuditEntry> page(Connection c, long afterSeq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    /** Entries matching {@code q}, in its order, at most {@code limit}. */
    public static List<AuditEntry> search(Connection c, AuditQuery q, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        q.actor()
                .ifPresent(
                        v -> where(sql, args, " AND (actor = ? OR actor LIKE ? ESCAPE '!')", v, likePrefix(v + " (")));
        q.action().ifPresent(v -> {
            if (v.endsWith(".")) {
                where(sql, args, " AND action LIKE ? ESCAPE '!'", likePrefix(v));
            } else {
                where(sql, args, " AND action = ?", v);
            }
        });
        q.entityType().ifPresent(v -> where(sql, args, " AND entity_type = ?", v));
        q.entityId().ifPresent(v -> where(sql, args, " AND entity_id = ?", v));
        q.from().ifPresent(v -> where(sql, args, " AND recorded_at >= ?", v));
        q.to().ifPresent(v -> where(sql, args, " AND recorded_at < ?", v));
        q.cursor().ifPresent(v -> where(sql, args, q.newestFirst() ? " AND seq < ?" : " AND seq > ?", v));
        sql.append(q.newestFirst() ? " ORDER BY seq DESC LIMIT ?" : " ORDER BY seq LIMIT ?");
        args.add(limit);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Instant t) {
                    Sql.setInstant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    private static String likePrefix(String v) {
        return v.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static void where(StringBuilder sql, List<Object> args, String clause, Object... values) {
        sql.append(clause);
        args.addAll(List.of(values));
    }

    static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                Sql.getInstant(rs, "recorded_at"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("details_json"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
