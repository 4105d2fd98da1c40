package dev.locus.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Landmarks as the dashboard shows them: position and status, receipts accepted and rejected over
 * the last day with the latest measurement time, the suspect-landmark alerts that explain why
 * a landmark was taken out of verdicts, and the contradicting pairs the mesh audit named in them.
 * Thread-safe.
 */
record LandmarkHealth(Database db, AlertQueue alerts, InstantSource clock) {
    /** The period the receipt counts cover. */
    static final Duration PERIOD = Duration.ofHours(24);

    /**
     * The contradicting pairs named by the landmark's unresolved mesh-audit alerts (both landmarks,
     * distance between registered positions, round trip, greatest distance light allows, excess).
     */
    static List<JsonNode> contradictions(List<Map<String, Object>> alerts) {
        List<JsonNode> out = new ArrayList<>();
        for (Map<String, Object> a : alerts) {
            if ("SUSPECT_LANDMARK".equals(a.get("rule"))
                    && !"RESOLVED".equals(a.get("status"))
                    && a.get("evidence") instanceof JsonNode ev
                    && "mesh_audit".equals(ev.path("source").asText())) {
                ev.path("contradictions").forEach(out::add);
            }
        }
        return out;
    }

    Map<String, Object> landmarks() {
        Instant now = clock.instant();
        Instant since = now.minus(PERIOD);
        List<Map<String, Object>> landmarks = db.read(c -> {
            Map<String, Activity> activity = new HashMap<>();
            for (Map.Entry<String, Activity> e : Sql.query(
                    c,
                    "SELECT landmark_id,"
                            + " SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted,"
                            + " SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected,"
                            + " MAX(measured_at) AS last_measured_at FROM receipts WHERE received_at >= ?"
                            + " GROUP BY landmark_id",
                    ps -> Sql.setInstant(ps, 1, since),
                    rs -> Map.entry(rs.getString("landmark_id"), Activity.read(rs)))) {
                activity.put(e.getKey(), e.getValue());
            }
            return Sql.query(
                    c,
                    "SELECT id, name, latitude_deg, longitude_deg, status, created_at FROM landmarks ORDER BY id",
                    ps -> {},
                    rs -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        Sql.copyText(rs, m, "id", "name");
                        m.put("latitude_deg", rs.getDouble("latitude_deg"));
                        m.put("longitude_deg", rs.getDouble("longitude_deg"));
                        m.put("status", rs.getString("status"));
                        m.put("created_at", Sql.getInstant(rs, "created_at").toString());
                        Activity a = activity.getOrDefault(rs.getString("id"), Activity.NONE);
                        m.put("receipts_accepted", a.accepted());
                        m.put("receipts_rejected", a.rejected());
                        m.put("last_measured_at", a.lastMeasuredAt());
                        return m;
                    });
        });
        for (Map<String, Object> m : landmarks) {
            List<Map<String, Object>> mine = alerts.forSubject("LANDMARK", (String) m.get("id"));
            m.put("alerts", mine);
            m.put("contradictions", contradictions(mine));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generated_at", now.toString());
        out.put("period_hours", PERIOD.toHours());
        out.put("items", landmarks);
        return out;
    }

    /**
     * A landmark's receipts in the period.
     *
     * @param lastMeasuredAt the latest one's measurement time; null when there are none
     */
    private record Activity(long accepted, long rejected, String lastMeasuredAt) {
        static final Activity NONE = new Activity(0, 0, null);

        static Activity read(ResultSet rs) throws SQLException {
            return new Activity(
                    rs.getLong("accepted"),
                    rs.getLong("rejected"),
                    Sql.getInstant(rs, "last_measured_at").toString());
        }
    }
}
