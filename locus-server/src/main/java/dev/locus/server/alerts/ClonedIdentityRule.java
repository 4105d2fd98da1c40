package dev.locus.server.alerts;

import dev.locus.geo.position.GeoPosition;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.Receipt;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.ingest.Submission;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.Landmark;
import dev.locus.server.registry.RegistryService;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raises {@link Alert.Rule#CLONED_IDENTITY} when one chip answered two landmarks from places that
 * no travel between the two measurement times explains: the landmarks are farther apart (geodesic,
 * WGS84) than the two light-speed discs plus {@link #MAX_TRAVEL_KM_PER_HOUR} times the time between
 * them. Runs after each ingested batch, comparing each accepted receipt with the chip's recent
 * accepted receipts from other landmarks. Thread-safe.
 */
public final class ClonedIdentityRule implements ReceiptIngestor.IngestListener {
    /** Light in vacuum, km per nanosecond. */
    public static final double C_KM_PER_NANO = 299_792.458 / 1e9;
    /** Faster than any airliner, so a flight never looks like a clone. */
    public static final double MAX_TRAVEL_KM_PER_HOUR = 1_200;

    private static final Duration LOOKBACK = Duration.ofHours(24);
    private static final int MAX_COMPARED = 50;

    private final Database db;
    private final AlertService alerts;
    private final Map<String, Optional<GeoPosition>> positions = new ConcurrentHashMap<>();

    public ClonedIdentityRule(Database db, AlertService alerts) {
        this.db = db;
        this.alerts = alerts;
    }

    private record Seen(long receiptId, String landmarkId, long rttMinNanos, Instant measuredAt) {}

    @Override
    public void ingested(List<Submission> submissions, List<IngestResult> results) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof IngestResult.Accepted accepted) {
                check(submissions.get(i).receipt(), accepted.receiptId());
            }
        }
    }

    private void check(Receipt r, long receiptId) {
        Optional<GeoPosition> here = position(r.landmarkId());
        if (here.isEmpty()) {
            return;
        }
        List<Seen> recent = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, landmark_id, rtt_min_nanos, measured_at"
                    + " FROM receipts WHERE chip_serial = ? AND status = 'ACCEPTED' AND landmark_id <> ?"
                    + " AND measured_at BETWEEN ? AND ? ORDER BY measured_at DESC LIMIT ?")) {
                ps.setString(1, r.chipSerial());
                ps.setString(2, r.landmarkId());
                Sql.setInstant(ps, 3, r.measuredAt().minus(LOOKBACK));
                Sql.setInstant(ps, 4, r.measuredAt().plus(LOOKBACK));
                ps.setInt(5, MAX_COMPARED);
                List<Seen> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Seen(
                                rs.getLong(1), rs.getString(2), rs.getLong(3), Sql.getInstant(rs, "measured_at")));
                    }
                }
                return out;
            }
        });
        for (Seen s : recent) {
            Optional<GeoPosition> there = position(s.landmarkId());
            if (there.isEmpty()) {
                continue;
            }
            double distanceKm = here.get().geodesicDistanceTo(there.get()).km();
            double reachKm = C_KM_PER_NANO * r.rttMinNanos() / 2
                    + C_KM_PER_NANO * s.rttMinNanos() / 2
                    + MAX_TRAVEL_KM_PER_HOUR
                            * Duration.between(s.measuredAt(), r.measuredAt())
                                    .abs()
                                    .toNanos()
                            / 3.6e12;
            if (distanceKm > reachKm) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("receipt_ids", List.of(s.receiptId(), receiptId));
                evidence.put("landmarks", List.of(s.landmarkId(), r.landmarkId()));
                evidence.put("rtt_min_nanos", List.of(s.rttMinNanos(), r.rttMinNanos()));
                evidence.put(
                        "measured_at",
                        List.of(s.measuredAt().toString(), r.measuredAt().toString()));
                evidence.put("landmark_distance_km", Math.round(distanceKm * 10) / 10.0);
                evidence.put("max_reach_km", Math.round(reachKm * 10) / 10.0);
                evidence.put("max_travel_km_per_hour", MAX_TRAVEL_KM_PER_HOUR);
                alerts.raise(
                        Alert.Rule.CLONED_IDENTITY,
                        Alert.Severity.CRITICAL,
                        Alert.SubjectType.CHIP,
                        r.chipSerial(),
                        String.format(
                                java.util.Locale.ROOT,
                                "chip %s answered landmarks %s and %s, %.0f km apart, within reach of at most %.0f km",
                                r.chipSerial(),
                                s.landmarkId(),
                                r.landmarkId(),
                                distanceKm,
                                reachKm),
                        evidence);
                return;
            }
        }
    }

    private Optional<GeoPosition> position(String landmarkId) {
        return positions.computeIfAbsent(
                landmarkId, id -> db.read(c -> RegistryService.landmark(c, id)).map(Landmark::position));
    }
}
