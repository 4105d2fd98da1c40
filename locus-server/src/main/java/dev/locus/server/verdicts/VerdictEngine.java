package dev.locus.server.verdicts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import dev.locus.geo.verdict.Assessment;
import dev.locus.geo.verdict.Evidence;
import dev.locus.geo.verdict.LicensedZone;
import dev.locus.geo.verdict.Measurement;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verdict;
import dev.locus.geo.verdict.Verifier;
import dev.locus.server.LocusServerException;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a chip's measurement window (the minimum round trip per ACTIVE landmark over the last
 * {@code window} of accepted receipts) into verdicts with the geo core, stores them with evidence
 * that names every receipt used, and raises the verdict-driven alerts: OUTSIDE_ZONE, IN_RESTRICTED
 * and MOVED. Landmarks marked SUSPECT or RETIRED never contribute, so no stored verdict depends on
 * a suspect. Thread-safe.
 */
public final class VerdictEngine {
    private final Database db;
    private final Verifier verifier;
    private final AlertService alerts;
    private final InstantSource clock;
    private final Duration window;
    private final Set<String> restricted;
    private final ObjectMapper json;
    private final WindowCache cache;

    public VerdictEngine(
            Database db,
            Verifier verifier,
            AlertService alerts,
            InstantSource clock,
            Duration window,
            Set<String> restricted,
            ObjectMapper json) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("measurement window must be > 0, got " + window);
        }
        this.db = db;
        this.verifier = verifier;
        this.alerts = alerts;
        this.clock = clock;
        this.window = window;
        this.restricted = Set.copyOf(restricted);
        this.json = json;
        // Re-assess at least every hour, and several times per window, so proven verdicts stay fresh
        // for the UNVERIFIED rule even when no receipt changes the region.
        Duration quarter = window.dividedBy(4);
        this.cache =
                new WindowCache(200_000, quarter.compareTo(Duration.ofHours(1)) < 0 ? quarter : Duration.ofHours(1));
    }

    /** The chip's declared site: where its licensed zone is. */
    private record DeclaredSite(String id, GeoPosition position, double zoneRadiusKm) {}

    /** Everything one assessment reads, in one connection: site, window, and the previous verdict. */
    private record Input(
            DeclaredSite site,
            List<WindowMeasurement> window,
            Map<String, GeoPosition> positions,
            Optional<StoredVerdict> previous) {}

    /**
     * Assesses a chip on its current window and stores the verdict.
     *
     * @return the stored verdict, or empty when the chip is unknown or nothing was measured in the window
     */
    public Optional<StoredVerdict> assess(String chipSerial) {
        Instant end = Sql.micros(clock.instant());
        Instant start = end.minus(window);
        Optional<Input> input = db.read(c -> load(c, chipSerial, start, end));
        if (input.isEmpty() || input.get().window().isEmpty()) {
            return Optional.empty();
        }
        Input in = input.get();
        List<Measurement> measurements = new ArrayList<>();
        for (WindowMeasurement m : in.window()) {
            measurements.add(new Measurement(
                    new dev.locus.geo.verdict.Landmark(
                            m.landmarkId(), m.landmarkId(), in.positions().get(m.landmarkId())),
                    RoundTrip.ofNanos(m.rttMinNanos())));
        }
        Policy policy = Policy.DEFAULT
                .withRestricted(restricted)
                .withZone(LicensedZone.withinKm(in.site().zoneRadiusKm()));
        Assessment a = verifier.assess(in.site().position(), measurements, policy);
        Set<Verdict> verdicts =
                a.verdictSet().isEmpty() ? EnumSet.noneOf(Verdict.class) : EnumSet.copyOf(a.verdictSet());
        boolean proven = provesCompliance(verdicts);
        String evidence = evidenceJson(in, policy, a.evidence(), start, end);
        StoredVerdict stored = db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO verdicts (chip_serial, window_start, window_end, verdicts, proven, evidence_json,"
                            + " assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setString(1, chipSerial);
                Sql.setInstant(ps, 2, start);
                Sql.setInstant(ps, 3, end);
                ps.setString(4, verdicts.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                ps.setBoolean(5, proven);
                ps.setString(6, evidence);
                Sql.setInstant(ps, 7, end);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return new StoredVerdict(id, chipSerial, start, end, verdicts, proven, evidence, end);
        });
        Map<String, Long> mins = new TreeMap<>();
        in.window().forEach(m -> mins.put(m.landmarkId(), m.rttMinNanos()));
        Instant firstExpiry = in.window().stream()
                .map(m -> m.measuredAt().plus(window))
                .min(Instant::compareTo)
                .orElse(end);
        cache.put(chipSerial, end, firstExpiry, mins);
        raiseAlerts(stored, a, in.previous());
        return Optional.of(stored);
    }

    /**
     * Whether verdicts prove the chip where it may be: inside its licensed zone, or at least clear
     * of every restricted jurisdiction; never when it is proven outside its zone (a violation).
     */
    public static boolean provesCompliance(Set<Verdict> verdicts) {
        if (verdicts.contains(Verdict.OUTSIDE_ZONE) || verdicts.contains(Verdict.IN_RESTRICTED)) {
            return false;
        }
        return verdicts.contains(Verdict.IN_ZONE) || verdicts.contains(Verdict.EXCLUDES_RESTRICTED);
    }

    private Optional<Input> load(Connection c, String serial, Instant start, Instant end) throws SQLException {
        DeclaredSite site;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.latitude_deg, s.longitude_deg,"
                + " s.zone_radius_km FROM chips c JOIN sites s ON s.id = c.declared_site_id WHERE c.serial = ?")) {
            ps.setString(1, serial);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                site = new DeclaredSite(
                        rs.getString(1), GeoPosition.ofDegrees(rs.getDouble(2), rs.getDouble(3)), rs.getDouble(4));
            }
        }
        Optional<StoredVerdict> previous;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT * FROM verdicts WHERE chip_serial = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, serial);
            try (ResultSet rs = ps.executeQuery()) {
                previous = rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
        Map<String, WindowMeasurement> best = new TreeMap<>();
        Map<String, GeoPosition> positions = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.landmark_id, r.rtt_min_nanos, r.measured_at,"
                + " l.latitude_deg, l.longitude_deg FROM receipts r JOIN landmarks l ON l.id = r.landmark_id"
                + " WHERE r.chip_serial = ? AND r.status = 'ACCEPTED' AND r.measured_at >= ? AND r.measured_at <= ?"
                + " AND l.status = 'ACTIVE'")) {
            ps.setString(1, serial);
            Sql.setInstant(ps, 2, start);
            Sql.setInstant(ps, 3, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String lm = rs.getString("landmark_id");
                    positions.putIfAbsent(
                            lm, GeoPosition.ofDegrees(rs.getDouble("latitude_deg"), rs.getDouble("longitude_deg")));
                    WindowMeasurement m = new WindowMeasurement(
                            lm, rs.getLong("id"), rs.getLong("rtt_min_nanos"), Sql.getInstant(rs, "measured_at"), 1);
                    best.merge(lm, m, (x, y) -> {
                        WindowMeasurement keep = y.rttMinNanos() < x.rttMinNanos() ? y : x;
                        return new WindowMeasurement(
                                keep.landmarkId(),
                                keep.receiptId(),
                                keep.rttMinNanos(),
                                keep.measuredAt(),
                                x.receipts() + y.receipts());
                    });
                }
            }
        }
        return Optional.of(new Input(site, List.copyOf(best.values()), positions, previous));
    }

    private String evidenceJson(Input in, Policy policy, Evidence e, Instant start, Instant end) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "declared_site",
                Map.of(
                        "id", in.site().id(),
                        "latitude_deg", in.site().position().latitudeDegrees(),
                        "longitude_deg", in.site().position().longitudeDegrees(),
                        "zone_radius_km", in.site().zoneRadiusKm()));
        m.put(
                "policy",
                Map.of(
                        "restricted", policy.restricted(),
                        "speed_km_per_ms", policy.speed().kmPerMs(),
                        "speed_provable", policy.speed().provable(),
                        "border_margin_km", policy.borderMargin().km()));
        m.put("window", Map.of("start", start.toString(), "end", end.toString()));
        List<Map<String, Object>> ms = new ArrayList<>();
        for (WindowMeasurement w : in.window()) {
            GeoPosition p = in.positions().get(w.landmarkId());
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("landmark_id", w.landmarkId());
            x.put("latitude_deg", p.latitudeDegrees());
            x.put("longitude_deg", p.longitudeDegrees());
            x.put("receipt_id", w.receiptId());
            x.put("rtt_min_nanos", w.rttMinNanos());
            x.put("measured_at", w.measuredAt().toString());
            x.put("receipts_in_window", w.receipts());
            ms.add(x);
        }
        m.put("measurements", ms);
        m.put("bounding_discs", discs(e.boundingDiscs()));
        m.put("measurements_used", e.measurementsUsed());
        m.put("max_distance_from_site_km", e.maxDistanceFromSite().km());
        m.put("area_km2", e.areaKm2());
        m.put("undecided", e.undecided());
        m.put("cells_visited", e.cellsVisited());
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new LocusServerException("verdict evidence is not serialisable: " + ex.getMessage(), ex);
        }
    }

    private static List<Map<String, Object>> discs(List<Disc> discs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Disc d : discs) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("landmark_id", d.landmarkId());
            x.put("latitude_deg", d.center().latitudeDegrees());
            x.put("longitude_deg", d.center().longitudeDegrees());
            x.put("rtt_nanos", d.roundTrip().nanos());
            x.put("max_distance_km", d.maxDistance().km());
            out.add(x);
        }
        return out;
    }

    private void raiseAlerts(StoredVerdict v, Assessment a, Optional<StoredVerdict> previous) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("verdict_id", v.id());
        evidence.put("verdicts", v.verdicts());
        evidence.put("bounding_discs", discs(a.evidence().boundingDiscs()));
        evidence.put(
                "max_distance_from_site_km", a.evidence().maxDistanceFromSite().km());
        if (v.verdicts().contains(Verdict.IN_RESTRICTED)) {
            alerts.raise(
                    Alert.Rule.IN_RESTRICTED,
                    Alert.Severity.CRITICAL,
                    Alert.SubjectType.CHIP,
                    v.chipSerial(),
                    "chip " + v.chipSerial() + " is proven to be inside a restricted jurisdiction " + restricted,
                    evidence);
        }
        if (v.verdicts().contains(Verdict.OUTSIDE_ZONE)) {
            alerts.raise(
                    Alert.Rule.OUTSIDE_ZONE,
                    Alert.Severity.CRITICAL,
                    Alert.SubjectType.CHIP,
                    v.chipSerial(),
                    "chip " + v.chipSerial() + " is proven to be outside its licensed zone",
                    evidence);
        }
        previous.flatMap(prev -> disjoint(prev, v))
                .ifPresent(pair -> alerts.raise(
                        Alert.Rule.MOVED,
                        Alert.Severity.WARNING,
                        Alert.SubjectType.CHIP,
                        v.chipSerial(),
                        "chip " + v.chipSerial() + " moved: its region no longer overlaps the one of verdict "
                                + pair.get("previous_verdict_id"),
                        pair));
    }

    /**
     * Two regions are certainly disjoint when a bounding disc of one and of the other are farther
     * apart (geodesic) than their radii added: the ellipsoidal distance obeys the triangle inequality.
     */
    private Optional<Map<String, Object>> disjoint(StoredVerdict prev, StoredVerdict now) {
        try {
            JsonNode a = json.readTree(prev.evidenceJson()).path("bounding_discs");
            JsonNode b = json.readTree(now.evidenceJson()).path("bounding_discs");
            for (JsonNode x : a) {
                for (JsonNode y : b) {
                    GeoPosition px = GeoPosition.ofDegrees(
                            x.get("latitude_deg").asDouble(),
                            x.get("longitude_deg").asDouble());
                    GeoPosition py = GeoPosition.ofDegrees(
                            y.get("latitude_deg").asDouble(),
                            y.get("longitude_deg").asDouble());
                    double d = px.geodesicDistanceTo(py).km();
                    double reach = x.get("max_distance_km").asDouble()
                            + y.get("max_distance_km").asDouble();
                    if (d > reach) {
                        Map<String, Object> ev = new LinkedHashMap<>();
                        ev.put("previous_verdict_id", prev.id());
                        ev.put("verdict_id", now.id());
                        ev.put("previous_disc", x);
                        ev.put("current_disc", y);
                        ev.put("centre_distance_km", d);
                        return Optional.of(ev);
                    }
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new LocusServerException("stored verdict evidence is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Whether an accepted receipt can change the chip's verdict: false only when the chip's latest
     * verdict is younger than an hour and than a quarter of the window, none of its minimum receipts
     * has left the window since, and it already has a round trip at least as short from that landmark.
     */
    public boolean wouldChange(String chipSerial, String landmarkId, long rttNanos) {
        return cache.wouldChange(chipSerial, landmarkId, rttNanos, clock.instant());
    }

    /** Forgets what is known about current windows, e.g. after a landmark's status changed. */
    public void forgetWindows() {
        cache.clear();
    }

    /** Verdicts of a chip, oldest first, by id. */
    public Page<StoredVerdict> history(String chipSerial, long afterId, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT * FROM verdicts WHERE chip_serial = ? AND id > ? ORDER BY id LIMIT ?")) {
                ps.setString(1, chipSerial);
                ps.setLong(2, afterId);
                ps.setInt(3, limit + 1);
                List<StoredVerdict> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return Page.of(out, limit, v -> Long.toString(v.id()));
            }
        });
    }

    /** The chip's most recent verdict, or the most recent proven one. */
    public Optional<StoredVerdict> latest(String chipSerial, boolean provenOnly) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM verdicts WHERE chip_serial = ?"
                    + (provenOnly ? " AND proven = TRUE" : "") + " ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, chipSerial);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static StoredVerdict read(ResultSet rs) throws SQLException {
        String text = rs.getString("verdicts");
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        if (!text.isEmpty()) {
            Arrays.stream(text.split(",")).map(Verdict::valueOf).forEach(verdicts::add);
        }
        return new StoredVerdict(
                rs.getLong("id"),
                rs.getString("chip_serial"),
                Sql.getInstant(rs, "window_start"),
                Sql.getInstant(rs, "window_end"),
                verdicts,
                rs.getBoolean("proven"),
                rs.getString("evidence_json"),
                Sql.getInstant(rs, "assessed_at"));
    }
}
