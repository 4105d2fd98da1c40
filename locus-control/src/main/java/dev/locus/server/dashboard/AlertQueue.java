package dev.locus.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.Json;
import dev.locus.server.alerts.AlertFilter;
import dev.locus.server.alerts.AlertText;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alert queue as compliance officers work it: filtered as {@link AlertFilter} says (status,
 * severity, rule, site, licence, organisation, assignee, time, text),
 * sorted by severity (most serious, then oldest first) or by age (oldest first), with counts per
 * status and severity so the filters show what they hide. Reads only; acknowledging and resolving
 * go through the control plane's alert API. Thread-safe.
 */
record AlertQueue(Database db, ObjectMapper json, InstantSource clock) {
    /** Sort orders offered. */
    enum Sort {
        SEVERITY,
        AGE,
        NEWEST
    }

    private static final String SEVERITY_RANK =
            "CASE a.severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END";

    /** The subject chip's latest verdict set beside each alert, for {@link AlertText}. */
    private static final String FROM =
            " FROM alerts a LEFT JOIN chip_verdicts v ON a.subject_type = 'CHIP'" + " AND v.chip_serial = a.subject_id";

    /** The alerts matching {@code f} (see {@link AlertFilter}), at most {@code limit}, with counts. */
    Map<String, Object> queue(AlertFilter f, Sort sort, int limit) {
        return db.read(c -> {
            String where = " WHERE 1 = 1" + f.conditions();
            String order = switch (sort) {
                case SEVERITY -> SEVERITY_RANK + ", a.opened_at, a.id";
                case AGE -> "a.opened_at, a.id";
                case NEWEST -> "a.opened_at DESC, a.id DESC";
            };
            List<Map<String, Object>> items = Sql.query(
                    c,
                    "SELECT a.*, v.verdicts AS latest_verdicts" + FROM + where + " ORDER BY " + order + " LIMIT ?",
                    ps -> ps.setInt(f.bind(ps, 1), limit),
                    this::row);
            long matching;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM alerts a" + where)) {
                f.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    matching = rs.getLong(1);
                }
            }
            Map<String, Long> byStatus = new LinkedHashMap<>();
            Map<String, Long> openBySeverity = new LinkedHashMap<>();
            long maxId = 0;
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT status, severity, COUNT(*) AS n, MAX(id) AS max_id FROM alerts GROUP BY status,"
                                    + " severity");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byStatus.merge(rs.getString("status"), rs.getLong("n"), Long::sum);
                    if (!rs.getString("status").equals("RESOLVED")) {
                        openBySeverity.merge(rs.getString("severity"), rs.getLong("n"), Long::sum);
                    }
                    maxId = Math.max(maxId, rs.getLong("max_id"));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items", items);
            out.put("matching", matching);
            out.put("by_status", byStatus);
            out.put("unresolved_by_severity", openBySeverity);
            out.put("max_id", maxId);
            return out;
        });
    }

    /** Every alert about one chip or landmark, newest first. */
    List<Map<String, Object>> forSubject(String subjectType, String subjectId) {
        return db.read(c -> Sql.query(
                c,
                "SELECT a.*, v.verdicts AS latest_verdicts" + FROM
                        + " WHERE a.subject_type = ? AND a.subject_id = ? ORDER BY a.id DESC",
                ps -> {
                    ps.setString(1, subjectType);
                    ps.setString(2, subjectId);
                },
                this::row));
    }

    private Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rs.getLong("id"));
        Sql.copyText(rs, m, "rule", "severity", "status", "subject_type", "subject_id", "summary");
        JsonNode evidence = parse(rs.getString("evidence_json"));
        m.put(
                "text",
                AlertText.describe(
                        rs.getString("rule"),
                        rs.getString("subject_id"),
                        rs.getString("summary"),
                        evidence,
                        clock.instant(),
                        Optional.ofNullable(rs.getString("latest_verdicts"))));
        m.put("evidence", evidence);
        m.put("opened_at", Sql.getInstant(rs, "opened_at").toString());
        m.put(
                "acknowledged_at",
                Sql.getOptionalInstant(rs, "acknowledged_at")
                        .map(Instant::toString)
                        .orElse(null));
        Sql.copyText(rs, m, "acknowledged_by", "acknowledge_note");
        m.put(
                "resolved_at",
                Sql.getOptionalInstant(rs, "resolved_at").map(Instant::toString).orElse(null));
        Sql.copyText(rs, m, "resolved_by", "resolution_note", "assignee");
        return m;
    }

    private JsonNode parse(String text) {
        return Json.readStored(json, text, "alert evidence");
    }
}
