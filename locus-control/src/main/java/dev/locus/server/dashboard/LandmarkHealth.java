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
    static List<JsonNode> contradictions(List<AlertQueue.QueuedAlert> alerts) {
        List<JsonNode> out = new ArrayList<>();
        for (AlertQueue.QueuedAlert a : alerts) {
            if ("SUSPECT_LANDMARK".equals(a.rule())
                    && !a.resolved()
                    && a.evidence() != null
                    && "mesh_audit".equals(a.evidence().path("source").asText())) {
                a.evidence().path("contradictions").forEach(out::add);
            }
        }
        return out;
    }

    /**
     * The landmarks view.
     *
     * @param generatedAt when it was computed
     * @param periodHours the period the receipt counts cover, back from {@code generatedAt}
     * @param items every landmark, in id order
     */
    record Landmarks(Instant generatedAt, long periodHours, List<Landmark> items) {}

    /**
     * One landmark as the dashboard shows it.
     *
     * @param lastMeasuredAt the latest measurement time of its receipts in the period; null when
     *     there are none
     * @param alerts every alert about it, newest first (see {@link AlertQueue#forSubject})
     * @param contradictions the pairs its unresolved mesh-audit alerts name (see {@link
     *     LandmarkHealth#contradictions})
     */
    record Landmark(
            String id,
            String name,
            double latitudeDeg,
            double longitudeDeg,
            String status,
            Instant createdAt,
            long receiptsAccepted,
            long receiptsRejected,
            Instant lastMeasuredAt,
            List<AlertQueue.QueuedAlert> alerts,
            List<JsonNode> contradictions) {

        private Landmark withAlerts(List<AlertQueue.QueuedAlert> mine) {
            return new Landmark(
                    id,
                    name,
                    latitudeDeg,
                    longitudeDeg,
                    status,
                    createdAt,
                    receiptsAccepted,
                    receiptsRejected,
                    lastMeasuredAt,
                    mine,
                    LandmarkHealth.contradictions(mine));
        }
    }

    Landmarks landmarks() {
        Instant now = clock.instant();
        Instant since = now.minus(PERIOD);
        List<Landmark> landmarks = db.read(c -> {
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
                        Activity a = activity.getOrDefault(rs.getString("id"), Activity.NONE);
                        return new Landmark(
                                rs.getString("id"),
                                rs.getString("name"),
                                rs.getDouble("latitude_deg"),
                                rs.getDouble("longitude_deg"),
                                rs.getString("status"),
                                Sql.getInstant(rs, "created_at"),
                                a.accepted(),
                                a.rejected(),
                                a.lastMeasuredAt(),
                                List.of(),
                                List.of());
                    });
        });
        return new Landmarks(
                now,
                PERIOD.toHours(),
                landmarks.stream()
                        .map(l -> l.withAlerts(alerts.forSubject("LANDMARK", l.id())))
                        .toList());
    }

    /**
     * A landmark's receipts in the period.
     *
     * @param lastMeasuredAt the latest one's measurement time; null when there are none
     */
    private record Activity(long accepted, long rejected, Instant lastMeasuredAt) {
        static final Activity NONE = new Activity(0, 0, null);

        static Activity read(ResultSet rs) throws SQLException {
            return new Activity(rs.getLong("accepted"), rs.getLong("rejected"), Sql.getInstant(rs, "last_measured_at"));
        }
    }
}
