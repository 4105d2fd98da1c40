package dev.locus.server.alerts;

import dev.locus.geo.bound.ClonePhysics;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.position.GeoPosition;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.Receipt;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.ingest.ReceiptIngestor.Sighting;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.Landmark;
import dev.locus.server.registry.RegistryService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raises {@link Alert.Rule#CLONED_IDENTITY} when one chip answered two landmarks from places that
 * no travel between the two measurement times explains, by the geo core's {@link ClonePhysics}
 * (the same model as {@code ./locus verify}): the landmarks are farther apart in a straight line
 * than the two light-speed reaches plus {@link ClonePhysics#DEFAULT_MAX_TRAVEL_KM_PER_HOUR} times
 * the time between them. Each committed batch's sightings are compared, per chip, (1) pairwise in time order starting
 * from the chip's latest sighting before the batch, and (2) each with the chip's window minima, the
 * shortest round trip per landmark that ingestion keeps (read after commit, so they include
 * batches committed concurrently). (2) catches a clone whose answers are separated by a loose
 * measurement, or that answered in a concurrent batch. Thread-safe.
 */
public final class ClonedIdentityRule implements ReceiptIngestor.IngestListener {
    private static final ClonePhysics PHYSICS = ClonePhysics.standard();

    private final Database db;
    private final AlertService alerts;
    private final Map<String, Optional<GeoPosition>> positions = new ConcurrentHashMap<>();

    public ClonedIdentityRule(Database db, AlertService alerts) {
        this.db = db;
        this.alerts = alerts;
    }

    @Override
    public void ingested(ReceiptIngestor.IngestBatch batch) {
        Map<String, List<Sighting>> perChip = new TreeMap<>();
        for (int i = 0; i < batch.results().size(); i++) {
            if (batch.results().get(i) instanceof IngestResult.Accepted accepted) {
                Receipt r = batch.submissions().get(i).receipt();
                perChip.computeIfAbsent(r.chipSerial(), k -> new ArrayList<>())
                        .add(new Sighting(accepted.receiptId(), r.landmarkId(), r.rttMinNanos(), r.measuredAt()));
            }
        }
        if (perChip.isEmpty()) {
            return;
        }
        Map<String, List<Sighting>> minima = db.read(c -> windowMinima(c, List.copyOf(perChip.keySet())));
        for (Map.Entry<String, List<Sighting>> e : perChip.entrySet()) {
            List<Sighting> seq = new ArrayList<>();
            Optional.ofNullable(batch.previous().get(e.getKey())).ifPresent(seq::add);
            List<Sighting> fresh = new ArrayList<>(e.getValue());
            fresh.sort(Comparator.comparing(Sighting::measuredAt));
            seq.addAll(fresh);
            boolean raised = false;
            for (int i = 1; i < seq.size() && !raised; i++) {
                raised = check(e.getKey(), seq.get(i - 1), seq.get(i));
            }
            for (Sighting s : fresh) {
                for (Sighting m : minima.getOrDefault(e.getKey(), List.of())) {
                    if (raised) {
                        break;
                    }
                    raised = m.receiptId() != s.receiptId() && check(e.getKey(), m, s);
                }
            }
        }
    }

    /** The chips' window minima (shortest round trip per landmark) as sightings, 500 chips per query. */
    private static Map<String, List<Sighting>> windowMinima(Connection c, List<String> serials) throws SQLException {
        Map<String, List<Sighting>> out = new HashMap<>();
        for (int from = 0; from < serials.size(); from += 500) {
            List<String> chunk = serials.subList(from, Math.min(serials.size(), from + 500));
            String marks = Sql.placeholders(chunk.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT chip_serial, receipt_id, landmark_id,"
                    + " rtt_min_nanos, measured_at FROM chip_window WHERE chip_serial IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Sighting(
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getLong(4),
                                        Sql.getInstant(rs, "measured_at")));
                    }
                }
            }
        }
        return out;
    }

    /** Compares two sightings of one chip; raises and returns true when no single device explains both. */
    boolean check(String chip, Sighting a, Sighting b) {
        if (a.landmarkId().equals(b.landmarkId())) {
            return false;
        }
        Optional<GeoPosition> pa = position(a.landmarkId());
        Optional<GeoPosition> pb = position(b.landmarkId());
        if (pa.isEmpty() || pb.isEmpty()) {
            return false;
        }
        ClonePhysics.Comparison cmp = PHYSICS.compare(
                new ClonePhysics.Sighting(pa.get(), RoundTrip.ofNanos(a.rttMinNanos()), a.measuredAt()),
                new ClonePhysics.Sighting(pb.get(), RoundTrip.ofNanos(b.rttMinNanos()), b.measuredAt()));
        if (!cmp.impossible()) {
            return false;
        }
        double distanceKm = cmp.landmarkChordKm();
        double reachKm = cmp.maxReachKm();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("receipt_ids", List.of(a.receiptId(), b.receiptId()));
        evidence.put("landmarks", List.of(a.landmarkId(), b.landmarkId()));
        evidence.put("rtt_min_nanos", List.of(a.rttMinNanos(), b.rttMinNanos()));
        evidence.put(
                "measured_at", List.of(a.measuredAt().toString(), b.measuredAt().toString()));
        evidence.put("landmark_distance_km", Math.round(distanceKm * 10) / 10.0);
        evidence.put("max_reach_km", Math.round(reachKm * 10) / 10.0);
        evidence.put("max_travel_km_per_hour", PHYSICS.maxTravelKmPerHour());
        evidence.put("distance", "straight line between the landmarks (WGS84), light in vacuum");
        alerts.raise(
                Alert.Rule.CLONED_IDENTITY,
                Alert.Severity.CRITICAL,
                Alert.SubjectType.CHIP,
                chip,
                String.format(
                        java.util.Locale.ROOT,
                        "chip %s answered landmarks %s and %s, %.0f km apart, within reach of at most %.0f km",
                        chip,
                        a.landmarkId(),
                        b.landmarkId(),
                        distanceKm,
                        reachKm),
                evidence);
        return true;
    }

    private Optional<GeoPosition> position(String landmarkId) {
        return positions.computeIfAbsent(
                landmarkId, id -> db.read(c -> RegistryService.landmark(c, id)).map(Landmark::position));
    }
}
