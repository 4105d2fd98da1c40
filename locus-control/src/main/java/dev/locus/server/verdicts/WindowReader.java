package dev.locus.server.verdicts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.Landmark;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.GeoLandmarks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a batch of assessments needs with a few queries per 500 chips, never one per chip:
 * declared sites, {@code chip_window} rows, the latest verdicts, and the active landmarks once. A
 * window row whose receipt has left the window is recomputed from the chip's receipts (one indexed
 * query each; rare: it happens once per landmark and window length).
 */
final class WindowReader {
    private static final int CHUNK = 500;

    private WindowReader() {}

    /** Inputs of the registered chips among {@code serials}; unknown serials are left out. */
    static Map<String, ChipInput> read(Connection c, List<String> serials, Instant start, ObjectMapper json)
            throws SQLException {
        Map<String, ChipInput.DeclaredSite> sites = new HashMap<>();
        Map<String, List<WindowMeasurement>> windows = new HashMap<>();
        Map<String, List<ChipInput.WindowRefresh>> refreshes = new HashMap<>();
        Map<String, PreviousVerdict> previous = new HashMap<>();
        Map<String, Landmark> activeLandmarks = activeLandmarks(c);
        for (int from = 0; from < serials.size(); from += CHUNK) {
            List<String> chunk = serials.subList(from, Math.min(serials.size(), from + CHUNK));
            readSites(c, chunk, sites);
            readWindows(c, activeLandmarks, chunk, start, windows, refreshes);
            readPrevious(c, chunk, previous, json);
        }
        Map<String, ChipInput> out = new HashMap<>();
        for (Map.Entry<String, ChipInput.DeclaredSite> e : sites.entrySet()) {
            String serial = e.getKey();
            out.put(
                    serial,
                    new ChipInput(
                            serial,
                            e.getValue(),
                            windows.getOrDefault(serial, List.of()),
                            Optional.ofNullable(previous.get(serial)),
                            refreshes.getOrDefault(serial, List.of())));
        }
        return out;
    }

    private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }

    private static void readSites(Connection c, List<String> chunk, Map<String, ChipInput.DeclaredSite> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.serial, s.id, s.latitude_deg, s.longitude_deg,"
                + " s.zone_radius_km FROM chips c JOIN sites s ON s.id = c.declared_site_id WHERE c.serial IN ("
                + Sql.placeholders(chunk.size()) + ")")) {
            bind(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getString(1),
                            new ChipInput.DeclaredSite(
                                    rs.getString(2),
                                    GeoPosition.ofDegrees(rs.getDouble(3), rs.getDouble(4)),
                                    rs.getDouble(5)));
                }
            }
        }
    }

    private static void readWindows(
            Connection c,
            Map<String, Landmark> activeLandmarks,
            List<String> chunk,
            Instant start,
            Map<String, List<WindowMeasurement>> windows,
            Map<String, List<ChipInput.WindowRefresh>> refreshes)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT chip_serial, landmark_id, receipt_id, rtt_min_nanos,"
                + " measured_at FROM chip_window WHERE chip_serial IN (" + Sql.placeholders(chunk.size()) + ")"
                + " ORDER BY chip_serial, landmark_id")) {
            bind(ps, chunk);
            List<Map.Entry<String, WindowMeasurement>> stale = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String serial = rs.getString(1);
                    Landmark landmark = activeLandmarks.get(rs.getString(2));
                    if (landmark == null) {
                        continue; // SUSPECT or RETIRED (or deleted): never counts
                    }
                    WindowMeasurement m = new WindowMeasurement(
                            rs.getString(2),
                            landmark.position(),
                            rs.getLong(3),
                            rs.getLong(4),
                            Sql.getInstant(rs, "measured_at"),
                            landmark.operator(),
                            landmark.positionUncertainty().km());
                    if (m.measuredAt().isBefore(start)) {
                        stale.add(Map.entry(serial, m));
                    } else {
                        windows.computeIfAbsent(serial, k -> new ArrayList<>()).add(m);
                    }
                }
            }
            for (Map.Entry<String, WindowMeasurement> e : stale) {
                String serial = e.getKey();
                WindowMeasurement old = e.getValue();
                Optional<WindowMeasurement> replacement = shortestInWindow(c, serial, old, start);
                replacement.ifPresent(r ->
                        windows.computeIfAbsent(serial, k -> new ArrayList<>()).add(r));
                refreshes
                        .computeIfAbsent(serial, k -> new ArrayList<>())
                        .add(new ChipInput.WindowRefresh(old.landmarkId(), old.receiptId(), replacement));
            }
        }
    }

    /**
     * Positions, operators and position uncertainties of the ACTIVE landmarks: a few hundred rows,
     * read once per batch rather than joined per window row (a join let the planner probe the window
     * index once per landmark and chip).
     */
    private static Map<String, Landmark> activeLandmarks(Connection c) throws SQLException {
        return GeoLandmarks.read(c, "status = 'ACTIVE'", false);
    }

    /** The shortest accepted round trip from the landmark of {@code old} measured since {@code start}. */
    private static Optional<WindowMeasurement> shortestInWindow(
            Connection c, String serial, WindowMeasurement old, Instant start) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, rtt_min_nanos, measured_at FROM receipts"
                + " WHERE chip_serial = ? AND measured_at >= ? AND landmark_id = ? AND status = 'ACCEPTED'"
                + " ORDER BY rtt_min_nanos, measured_at DESC, id DESC LIMIT 1")) {
            ps.setString(1, serial);
            Sql.setInstant(ps, 2, start);
            ps.setString(3, old.landmarkId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new WindowMeasurement(
                        old.landmarkId(),
                        old.landmarkPosition(),
                        rs.getLong(1),
                        rs.getLong(2),
                        Sql.getInstant(rs, "measured_at"),
                        old.landmarkOperator(),
                        old.landmarkUncertaintyKm()));
            }
        }
    }

    private static void readPrevious(
            Connection c, List<String> chunk, Map<String, PreviousVerdict> out, ObjectMapper json) throws SQLException {
        List<PreviousVerdict> migrated = new ArrayList<>();
        Map<Long, String> serialOf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT chip_serial, verdict_id, verdicts, bounding_discs,"
                + " window_key FROM chip_verdicts WHERE chip_serial IN (" + Sql.placeholders(chunk.size()) + ")")) {
            bind(ps, chunk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PreviousVerdict p = new PreviousVerdict(
                            rs.getLong(2),
                            VerdictRows.parse(rs.getString(3)),
                            rs.getString(4),
                            Optional.ofNullable(rs.getString(5)).orElse(""));
                    if (p.boundingDiscsJson() == null) {
                        migrated.add(p);
                        serialOf.put(p.id(), rs.getString(1));
                    } else {
                        out.put(rs.getString(1), p);
                    }
                }
            }
        }
        if (migrated.isEmpty()) {
            return;
        }
        // Rows written before chip_verdicts kept the discs: read them from the verdict's evidence.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, evidence_json FROM verdicts WHERE id IN (" + Sql.placeholders(migrated.size()) + ")")) {
            for (int i = 0; i < migrated.size(); i++) {
                ps.setLong(i + 1, migrated.get(i).id());
            }
            Map<Long, PreviousVerdict> byId = new HashMap<>();
            migrated.forEach(p -> byId.put(p.id(), p));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PreviousVerdict p = byId.get(rs.getLong(1));
                    out.put(
                            serialOf.get(p.id()),
                            new PreviousVerdict(
                                    p.id(),
                                    p.verdicts(),
                                    PreviousVerdict.fromEvidence(json, p.id(), rs.getString(2)),
                                    p.windowKey()));
                }
            }
        }
    }
}
