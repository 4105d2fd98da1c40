package dev.locus.server.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * An alert as the dashboard shows it: the stored alert, its {@code text} in words for now, and
     * for a chip's open location alert the {@code finding} of its latest verdict (absent otherwise).
     */
    record QueuedAlert(
            long id,
            String rule,
            String severity,
            String status,
            String subjectType,
            String subjectId,
            String summary,
            String text,
            JsonNode evidence,
            Instant openedAt,
            Instant acknowledgedAt,
            String acknowledgedBy,
            String acknowledgeNote,
            Instant resolvedAt,
            String resolvedBy,
            String resolutionNote,
            String assignee,
            @JsonInclude(JsonInclude.Include.NON_NULL) String finding) {

        boolean resolved() {
            return "RESOLVED".equals(status);
        }

        /** This alert with the latest verdict's finding in words. */
        QueuedAlert withFinding(String conclusion) {
            return new QueuedAlert(
                    id,
                    rule,
                    severity,
                    status,
                    subjectType,
                    subjectId,
                    summary,
                    text,
                    evidence,
                    openedAt,
                    acknowledgedAt,
                    acknowledgedBy,
                    acknowledgeNote,
                    resolvedAt,
                    resolvedBy,
                    resolutionNote,
                    assignee,
                    conclusion);
        }
    }

    /**
     * A page of the queue.
     *
     * @param matching how many alerts match the filter, beyond the page too
     * @param byStatus every alert's count per status, whatever the filter
     * @param unresolvedBySeverity unresolved alerts' count per severity, whatever the filter
     * @param maxId the newest alert's id (0 when there are none), so the page can tell new ones
     */
    record Queue(
            List<QueuedAlert> items,
            long matching,
            Map<String, Long> byStatus,
            Map<String, Long> unresolvedBySeverity,
            long maxId) {}

    /** The alerts matching {@code f} (see {@link AlertFilter}), at most {@code limit}, with counts. */
    Queue queue(AlertFilter f, Sort sort, int limit) {
        return db.read(c -> {
            String where = " WHERE 1 = 1" + f.conditions();
            String order = switch (sort) {
                case SEVERITY -> SEVERITY_RANK + ", a.opened_at, a.id";
                case AGE -> "a.opened_at, a.id";
                case NEWEST -> "a.opened_at DESC, a.id DESC";
            };
            List<QueuedAlert> items = Sql.query(
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
            return new Queue(items, matching, byStatus, openBySeverity, maxId);
        });
    }

    /** Every alert about one chip or landmark, newest first. */
    List<QueuedAlert> forSubject(String subjectType, String subjectId) {
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

    private QueuedAlert row(ResultSet rs) throws SQLException {
        JsonNode evidence = parse(rs.getString("evidence_json"));
        return new QueuedAlert(
                rs.getLong("id"),
                rs.getString("rule"),
                rs.getString("severity"),
                rs.getString("status"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("summary"),
                AlertText.describe(
                        rs.getString("rule"),
                        rs.getString("subject_id"),
                        rs.getString("summary"),
                        evidence,
                        clock.instant(),
                        Optional.ofNullable(rs.getString("latest_verdicts"))),
                evidence,
                Sql.getInstant(rs, "opened_at"),
                Sql.getOptionalInstant(rs, "acknowledged_at").orElse(null),
                rs.getString("acknowledged_by"),
                rs.getString("acknowledge_note"),
                Sql.getOptionalInstant(rs, "resolved_at").orElse(null),
                rs.getString("resolved_by"),
                rs.getString("resolution_note"),
                rs.getString("assignee"),
                null);
    }

    private JsonNode parse(String text) {
        return Json.readStored(json, text, "alert evidence");
    }
}
