package dev.locus.server.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.audit.Contradiction;
import dev.locus.geo.audit.SuspectLandmark;
import dev.locus.server.mesh.LandmarkStatusWorkflow;
import dev.locus.server.mesh.MeshAuditor;
import dev.locus.server.mesh.MeshFindings;
import dev.locus.server.mesh.MeshListener;
import dev.locus.server.persistence.Database;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SUSPECT_LANDMARK (warning), fed by the mesh side's events.
 *
 * <ul>
 *   <li>Mesh audit findings: an alert per named landmark, whose evidence lists every contradicting
 *       pair of the landmark (both landmarks, the distance between their registered positions, the
 *       round trip, the greatest distance light allows for it, and the excess). An open mesh-audit
 *       alert is resolved by {@code system} when its landmark is no longer named (e.g. one side of an
 *       earlier isolated pair, once the other side is named for many contradictions), and superseded
 *       (resolved, then raised anew) when an isolated-pair finding becomes a marking one or back.
 *   <li>A person marked a landmark SUSPECT: an alert naming the reason and who marked it, in the
 *       same transaction.
 *   <li>A person resolved one of these alerts: the landmark is cleared for the mesh audit in the
 *       same transaction (round trips measured before now stop counting).
 * </ul>
 *
 * Thread-safe.
 */
public final class SuspectLandmarkRule implements MeshListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final AlertService alerts;

    private SuspectLandmarkRule(Database db, AlertService alerts) {
        this.db = db;
        this.alerts = alerts;
    }

    /** The rule, with its clearance on a person's resolution installed in {@code alerts}. */
    public static SuspectLandmarkRule install(Database db, AlertService alerts, InstantSource clock) {
        alerts.onResolvedByPerson(Alert.Rule.SUSPECT_LANDMARK, (c, a, actor) -> {
            if (a.subjectType() == Alert.SubjectType.LANDMARK) {
                LandmarkStatusWorkflow.clear(c, a.subjectId(), clock.instant());
            }
        });
        return new SuspectLandmarkRule(db, alerts);
    }

    @Override
    public MeshFindings.Handled onAudit(MeshFindings f) {
        List<Long> raised = new ArrayList<>();
        List<Long> resolved = new ArrayList<>();
        Map<String, OpenMeshAlert> open = openMeshAlerts();
        Set<String> named =
                f.findings().stream().map(MeshFindings.Finding::landmarkId).collect(Collectors.toSet());
        for (OpenMeshAlert a : open.values()) {
            if (!named.contains(a.landmarkId())) {
                alerts.resolve(
                        a.id(),
                        "mesh audit: landmark " + a.landmarkId() + " is no longer implicated: its contradictions are"
                                + " explained by another landmark or their round trips left the window",
                        AlertService.SYSTEM);
                resolved.add(a.id());
            }
        }
        for (MeshFindings.Finding x : f.findings()) {
            String id = x.landmarkId();
            OpenMeshAlert earlier = open.get(id);
            if (earlier != null && earlier.isolatedPair() != x.isolatedPair()) {
                alerts.resolve(
                        earlier.id(),
                        "mesh audit: superseded by a new finding about landmark " + id,
                        AlertService.SYSTEM);
                resolved.add(earlier.id());
            }
            SuspectLandmark s = x.suspect();
            String summary = x.isolatedPair()
                    ? String.format(
                            Locale.ROOT,
                            "landmarks %s and %s contradict each other (mesh audit); neither is marked: one of"
                                    + " the two positions is wrong, check both",
                            s.contradictions().get(0).pair().a().id(),
                            s.contradictions().get(0).pair().b().id())
                    : "landmark " + id + (x.marked() ? " marked suspect" : " is suspect") + " by the mesh audit: "
                            + s.reason();
            alerts.raise(
                            Alert.Rule.SUSPECT_LANDMARK,
                            Alert.Severity.WARNING,
                            Alert.SubjectType.LANDMARK,
                            id,
                            summary,
                            evidence(x, f))
                    .ifPresent(a -> raised.add(a.id()));
        }
        return new MeshFindings.Handled(raised, resolved);
    }

    @Override
    public void onMarkedSuspect(Connection c, String landmarkId, String reason, String actor) throws SQLException {
        alerts.raise(
                c,
                Alert.Rule.SUSPECT_LANDMARK,
                Alert.Severity.WARNING,
                Alert.SubjectType.LANDMARK,
                landmarkId,
                "landmark " + landmarkId + " marked suspect: " + reason,
                Map.of("reason", reason, "marked_by", actor));
    }

    private record OpenMeshAlert(long id, String landmarkId, boolean isolatedPair) {}

    /** Unresolved SUSPECT_LANDMARK alerts this rule raised from the mesh audit, by landmark. */
    private Map<String, OpenMeshAlert> openMeshAlerts() {
        return db.read(c -> {
            Map<String, OpenMeshAlert> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, subject_id, evidence_json FROM alerts WHERE"
                            + " rule = 'SUSPECT_LANDMARK' AND subject_type = 'LANDMARK' AND status <> 'RESOLVED'"
                            + " ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode ev = readJson(rs.getString(3));
                    if ("mesh_audit".equals(ev.path("source").asText())) {
                        out.put(
                                rs.getString(2),
                                new OpenMeshAlert(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        ev.path("isolated_pair").asBoolean()));
                    }
                }
            }
            return out;
        });
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode(); // a person's marking: not a mesh-audit finding
        }
    }

    private static Map<String, Object> evidence(MeshFindings.Finding x, MeshFindings f) {
        SuspectLandmark s = x.suspect();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", "mesh_audit");
        m.put("isolated_pair", x.isolatedPair());
        m.put("marked_suspect", x.marked());
        m.put("reason", s.reason());
        m.put("peers_measured", s.peersMeasured());
        m.put("pairs_checked", f.report().pairsChecked());
        m.put("window_hours", f.window().toMinutes() / 60.0);
        m.put("speed", "light in vacuum, 299.792458 km/ms");
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (Contradiction c : s.contradictions()) {
            pairs.add(MeshAuditor.contradiction(c));
        }
        m.put("contradictions", pairs);
        return m;
    }
}
