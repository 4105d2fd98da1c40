package dev.locus.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.geometry.S2Cap;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import dev.locus.server.LocusServerException;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.Chip;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.registry.Site;
import dev.locus.server.verdicts.Headline;
import dev.locus.server.verdicts.RegionGeometry;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard shows about one chip: registry record, declared site and licence, verdict
 * history with the receipts behind each verdict, custody and alerts, and the feasible region of a
 * verdict as GeoJSON. (The regulator report is the control plane's, at /api/v1/chips/{serial}/report.)
 * Thread-safe.
 */
final class ChipViews {
    /** Most verdicts returned in a chip's history (newest first). */
    static final int HISTORY_LIMIT = 500;

    private final Database db;
    private final RegistryService registry;
    private final AlertQueue alerts;
    private final ObjectMapper json;
    private final ChipStatusQuery status;

    ChipViews(Database db, RegistryService registry, AlertQueue alerts, ObjectMapper json, ChipStatusQuery status) {
        this.status = status;
        this.db = db;
        this.registry = registry;
        this.alerts = alerts;
        this.json = json;
    }

    /** A stored verdict with its evidence parsed. */
    record StoredRow(
            long id,
            String chipSerial,
            String windowStart,
            String windowEnd,
            String verdicts,
            String assessedAt,
            JsonNode evidence) {
        Headline headline() {
            return Headline.of(verdicts);
        }
    }

    /** The chip's detail, or empty when no chip has this serial. */
    Optional<Map<String, Object>> detail(String serial) {
        Optional<Chip> chip = registry.chip(serial);
        if (chip.isEmpty()) {
            return Optional.empty();
        }
        Chip c = chip.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chip", c);
        out.put("site", registry.site(c.declaredSiteId()).orElse(null));
        out.put("licence", c.licenceId().flatMap(registry::licence).orElse(null));
        List<StoredRow> history = history(serial, HISTORY_LIMIT);
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (StoredRow v : history) {
            Map<String, Object> m = summary(v);
            m.put("receipts", v.evidence().path("measurements"));
            verdicts.add(m);
        }
        out.put(
                "latest_headline",
                history.isEmpty()
                        ? Headline.NO_VERDICT.name()
                        : history.get(0).headline().name());
        status(serial, out);
        out.put("verdicts", verdicts);
        out.put("verdicts_shown_limit", HISTORY_LIMIT);
        out.put("custody", registry.custodyEvents(serial));
        out.put("alerts", alerts.forSubject("CHIP", serial));
        return Optional.of(out);
    }

    /** The chip's {@link ChipStatus}, read as every other view reads it, and its last attestation. */
    private void status(String serial, Map<String, Object> out) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ChipStatusQuery.COLUMNS + " FROM chips c"
                    + ChipStatusQuery.JOINS + " WHERE c.serial = ?")) {
                status.bindStaleBefore(ps, 1);
                ps.setString(2, serial);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean found = rs.next();
                    out.put("status", (found ? ChipStatusQuery.read(rs) : ChipStatus.NO_VERDICT).name());
                    out.put(
                            "last_attested_at",
                            found
                                    ? Sql.getOptionalInstant(rs, "last_attested_at")
                                            .map(Object::toString)
                                            .orElse(null)
                                    : null);
                }
            }
            return null;
        });
    }

    private static Map<String, Object> summary(StoredRow v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("window_start", v.windowStart());
        m.put("window_end", v.windowEnd());
        m.put("assessed_at", v.assessedAt());
        m.put(
                "verdicts",
                v.verdicts().isEmpty() ? List.of() : List.of(v.verdicts().split(",")));
        m.put("headline", v.headline().name());
        m.put("area_km2", v.evidence().path("area_km2"));
        m.put("max_distance_from_site_km", v.evidence().path("max_distance_from_site_km"));
        m.put("landmarks_measured", v.evidence().path("measurements").size());
        m.put("policy", v.evidence().path("policy"));
        m.put("tolerated_liars", v.evidence().path("tolerated_liars"));
        m.put("honest_only", v.evidence().path("honest_only"));
        m.put("tolerance_note", toleranceNote(v.evidence()));
        return m;
    }

    /**
     * What the verdict assumes about lying landmarks, in words: F, and any verdict that holds only
     * if every landmark is honest ("depends on one landmark" at F = 1), which is never shown as
     * proven. Empty for verdicts stored before F existed.
     */
    static String toleranceNote(JsonNode evidence) {
        JsonNode f = evidence.path("tolerated_liars");
        if (!f.isInt()) {
            return "";
        }
        StringBuilder b = new StringBuilder(dev.locus.geo.verdict.Policy.toleranceText(f.asInt()) + ".");
        JsonNode weak = evidence.path("honest_only");
        if (weak.isArray() && !weak.isEmpty()) {
            List<String> names = new ArrayList<>();
            weak.forEach(n -> names.add(n.asText()));
            b.append(" Not proven, ")
                    .append(evidence.path("honest_only_meaning").asText("holds only if every landmark is honest"))
                    .append(": ")
                    .append(String.join(", ", names))
                    .append('.');
        }
        return b.toString();
    }

    /** The chip's verdicts, newest first. */
    List<StoredRow> history(String serial, int limit) {
        return db.read(c -> {
            List<StoredRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, chip_serial, window_start, window_end, verdicts,"
                    + " evidence_json, assessed_at FROM verdicts WHERE chip_serial = ? ORDER BY id DESC LIMIT ?")) {
                ps.setString(1, serial);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredRow(
                                rs.getLong("id"),
                                rs.getString("chip_serial"),
                                Sql.getInstant(rs, "window_start").toString(),
                                Sql.getInstant(rs, "window_end").toString(),
                                rs.getString("verdicts"),
                                Sql.getInstant(rs, "assessed_at").toString(),
                                parse(rs.getString("evidence_json"))));
                    }
                }
            }
            return out;
        });
    }

    private Optional<StoredRow> verdict(String serial, Optional<Long> verdictId) {
        if (verdictId.isEmpty()) {
            return history(serial, 1).stream().findFirst();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, chip_serial, window_start, window_end, verdicts,"
                    + " evidence_json, assessed_at FROM verdicts WHERE chip_serial = ? AND id = ?")) {
                ps.setString(1, serial);
                ps.setLong(2, verdictId.get());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredRow(
                            rs.getLong("id"),
                            rs.getString("chip_serial"),
                            Sql.getInstant(rs, "window_start").toString(),
                            Sql.getInstant(rs, "window_end").toString(),
                            rs.getString("verdicts"),
                            Sql.getInstant(rs, "assessed_at").toString(),
                            parse(rs.getString("evidence_json"))));
                }
            }
        });
    }

    /**
     * The feasible region of one verdict (the latest when none is named) as a GeoJSON
     * FeatureCollection: the declared site (Point), its licensed zone (Polygon), every measuring
     * landmark (Point), each bounding disc (Polygon) and the region's outline (Polygon, absent when
     * it cannot be drawn). Every feature has a {@code role} property.
     *
     * @return empty when the chip is unknown or the named verdict is not the chip's
     */
    Optional<Map<String, Object>> region(String serial, Optional<Long> verdictId) {
        Optional<Chip> chip = registry.chip(serial);
        if (chip.isEmpty()) {
            return Optional.empty();
        }
        Site site = registry.site(chip.get().declaredSiteId())
                .orElseThrow(() -> new LocusServerException("chip " + serial + " names a missing site"));
        Optional<StoredRow> v = verdict(serial, verdictId);
        if (verdictId.isPresent() && v.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> features = new ArrayList<>();
        features.add(feature(
                point(site.position().longitudeDegrees(), site.position().latitudeDegrees()),
                props("declared_site", "id", site.id(), "name", site.name(), "zone_radius_km", site.zoneRadiusKm())));
        features.add(feature(
                polygon(RegionGeometry.circle(new RegionGeometry.DiscKm(
                        site.position().latitudeDegrees(), site.position().longitudeDegrees(), site.zoneRadiusKm()))),
                props("licensed_zone", "site_id", site.id(), "radius_km", site.zoneRadiusKm())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "FeatureCollection");
        if (v.isPresent()) {
            StoredRow row = v.get();
            for (JsonNode m : row.evidence().path("measurements")) {
                features.add(feature(
                        point(
                                m.path("longitude_deg").asDouble(),
                                m.path("latitude_deg").asDouble()),
                        props(
                                "landmark",
                                "id",
                                m.path("landmark_id").asText(),
                                "rtt_min_nanos",
                                m.path("rtt_min_nanos").asLong(),
                                "receipt_id",
                                m.path("receipt_id").asLong())));
            }
            SpeedBound speed = SpeedBound.ofKmPerMs(
                    row.evidence().path("policy").path("speed_km_per_ms").asDouble(SpeedBound.C_KM_PER_MS));
            List<S2Cap> caps = new ArrayList<>();
            for (JsonNode d : row.evidence().path("bounding_discs")) {
                Disc disc = Disc.of(
                        d.path("landmark_id").asText(),
                        GeoPosition.ofDegrees(
                                d.path("latitude_deg").asDouble(),
                                d.path("longitude_deg").asDouble()),
                        RoundTrip.ofNanos(d.path("rtt_nanos").asLong()),
                        speed);
                caps.add(disc.cap());
                features.add(feature(
                        polygon(RegionGeometry.circle(disc.cap())),
                        props(
                                "disc",
                                "landmark_id",
                                disc.landmarkId(),
                                "rtt_nanos",
                                disc.roundTrip().nanos(),
                                "max_distance_km",
                                disc.maxDistance().km())));
            }
            Optional<List<double[]>> outline = RegionGeometry.intersection(caps);
            outline.ifPresent(ring -> features.add(feature(
                    polygon(ring),
                    props(
                            "region",
                            "verdict_id",
                            row.id(),
                            "headline",
                            row.headline().name(),
                            "area_km2",
                            row.evidence().path("area_km2").asDouble()))));
            Map<String, Object> meta = summary(row);
            meta.put("region_drawn", outline.isPresent());
            meta.put(
                    "note",
                    "Outlines are drawn on a sphere for display; the verdict was decided exactly from the discs.");
            out.put("verdict", meta);
        } else {
            out.put("verdict", null);
        }
        out.put("features", features);
        return Optional.of(out);
    }

    private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", properties);
        return f;
    }

    private static Map<String, Object> point(double lon, double lat) {
        return Map.of("type", "Point", "coordinates", List.of(lon, lat));
    }

    private static Map<String, Object> polygon(List<double[]> ring) {
        List<List<Double>> coords = new ArrayList<>(ring.size());
        for (double[] p : ring) {
            coords.add(List.of(Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5));
        }
        return Map.of("type", "Polygon", "coordinates", List.of(coords));
    }

    private static Map<String, Object> props(String role, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new LocusServerException("stored verdict evidence is not JSON: " + e.getMessage(), e);
        }
    }
}
