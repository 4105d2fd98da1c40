package dev.locus.server.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.geometry.S2Cap;
import dev.locus.geo.region.Disc;
import dev.locus.server.Json;
import dev.locus.server.LocusServerException;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.Chip;
import dev.locus.server.registry.CustodyEvent;
import dev.locus.server.registry.Licence;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.registry.Site;
import dev.locus.server.verdicts.Headline;
import dev.locus.server.verdicts.PlainFindings;
import dev.locus.server.verdicts.RegionGeometry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard shows about one chip: registry record, declared site and licence, the latest
 * verdict in words, verdict history as periods of equal verdicts (paged) with the receipts behind
 * each period's latest verdict, custody and alerts, and the feasible region of a
 * verdict as GeoJSON. (The regulator report is the control plane's, at /api/v1/chips/{serial}/report.)
 * Thread-safe.
 */
record ChipViews(Database db, RegistryService registry, AlertQueue alerts, ObjectMapper json, ChipStatusQuery status) {

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

    /**
     * What the dashboard shows about one chip.
     *
     * @param site its declared site; null when the registry has none
     * @param licence its licence; null when it has none
     * @param finding its latest verdict in words; absent when it has no site
     * @param lastAttestedAt its last attestation; null when there is none
     * @param periods the first page of its verdict periods
     * @param alerts every alert about it, newest first
     */
    record ChipDetail(
            Chip chip,
            Site site,
            Licence licence,
            Headline latestHeadline,
            @JsonInclude(JsonInclude.Include.NON_NULL) Finding finding,
            ChipStatus status,
            Instant lastAttestedAt,
            Periods periods,
            List<CustodyEvent> custody,
            List<AlertQueue.QueuedAlert> alerts) {}

    /** A verdict in words ({@link PlainFindings.Finding}, less the headline shown beside it). */
    record Finding(String title, String conclusion, List<String> landmarks) {}

    /** The chip's detail, or empty when no chip has this serial. */
    Optional<ChipDetail> detail(String serial) {
        Optional<Chip> chip = registry.chip(serial);
        if (chip.isEmpty()) {
            return Optional.empty();
        }
        Chip c = chip.get();
        Optional<Site> site = registry.site(c.declaredSiteId());
        Optional<StoredRow> latest = latest(serial);
        Optional<Finding> finding = site.map(s -> finding(serial, s, latest));
        Current now = current(serial);
        return Optional.of(new ChipDetail(
                c,
                site.orElse(null),
                c.licenceId().flatMap(registry::licence).orElse(null),
                latest.map(StoredRow::headline).orElse(Headline.NO_VERDICT),
                finding.orElse(null),
                now.status(),
                now.lastAttestedAt(),
                periods(serial, Long.MAX_VALUE, PERIODS_PAGE),
                registry.custodyEvents(serial),
                // an open alert about where the chip is says it in words, as its latest verdict does
                alerts.forSubject("CHIP", serial).stream()
                        .map(a -> finding.isPresent() && !a.resolved() && PROVEN_LOCATION_RULES.contains(a.rule())
                                ? a.withFinding(finding.get().conclusion())
                                : a)
                        .toList()));
    }

    /** Whether a chip has this serial. */
    boolean exists(String serial) {
        return registry.chip(serial).isPresent();
    }

    /** Alerts raised by a verdict that proved where the chip is. */
    private static final java.util.Set<String> PROVEN_LOCATION_RULES =
            java.util.Set.of("OUTSIDE_ZONE", "IN_RESTRICTED");

    /** Periods shown with a chip's detail; more are fetched a page at a time. */
    static final int PERIODS_PAGE = 20;

    /**
     * A page of the chip's verdict periods (consecutive equal verdicts collapsed), newest first,
     * those with an id below {@code beforeId}: each with when it was first seen and last confirmed,
     * how many assessments found it, and the latest verdict's evidence summary and receipts. Also
     * the chip's total periods and assessments, and {@code next_before} when more remain. Reads at
     * most {@code limit} periods (and their latest verdicts) whatever the history's length.
     */
    Periods periods(String serial, long beforeId, int limit) {
        return db.read(c -> {
            long totalPeriods;
            long totalAssessments;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), COALESCE(SUM(assessments), 0) FROM verdict_periods WHERE chip_serial = ?")) {
                ps.setString(1, serial);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    totalPeriods = rs.getLong(1);
                    totalAssessments = rs.getLong(2);
                }
            }
            List<Period> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id AS period_id, p.first_verdict_id, p.first_seen,"
                    + " p.last_confirmed, p.assessments, v.id, v.chip_serial, v.window_start, v.window_end,"
                    + " v.verdicts, v.evidence_json, v.assessed_at FROM verdict_periods p"
                    + " JOIN verdicts v ON v.id = p.last_verdict_id"
                    + " WHERE p.chip_serial = ? AND p.id < ? ORDER BY p.id DESC LIMIT ?")) {
                ps.setString(1, serial);
                ps.setLong(2, beforeId);
                ps.setInt(3, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredRow latest = row(rs);
                        items.add(new Period(
                                VerdictSummary.of(latest),
                                rs.getLong("period_id"),
                                rs.getLong("first_verdict_id"),
                                Sql.getInstant(rs, "first_seen"),
                                Sql.getInstant(rs, "last_confirmed"),
                                rs.getLong("assessments"),
                                latest.evidence().path("measurements")));
                    }
                }
            }
            boolean more = items.size() > limit;
            List<Period> page = more ? items.subList(0, limit) : items;
            return new Periods(
                    totalPeriods,
                    totalAssessments,
                    page,
                    more ? String.valueOf(page.get(limit - 1).periodId()) : null);
        });
    }

    /**
     * A page of a chip's verdict periods (see {@link #periods}).
     *
     * @param nextBefore the period id to ask for the next page before; null at the end
     */
    record Periods(long totalPeriods, long totalAssessments, List<Period> items, String nextBefore) {}

    /**
     * A period of equal verdicts: its latest verdict's summary, flat beside when the period was
     * first seen and last confirmed, how many assessments found it, and the latest verdict's
     * receipts.
     */
    record Period(
            @JsonUnwrapped VerdictSummary latest,
            long periodId,
            long firstVerdictId,
            Instant firstSeen,
            Instant lastConfirmed,
            long assessments,
            JsonNode receipts) {}

    /**
     * A verdict as the chip page summarises it: its window, set and headline, and from its evidence
     * the region's area, the farthest point from the site, the landmarks measured, the policy and
     * what it assumes about lying landmarks (as stored, absent members null).
     */
    record VerdictSummary(
            long id,
            String windowStart,
            String windowEnd,
            String assessedAt,
            List<String> verdicts,
            Headline headline,
            JsonNode areaKm2,
            JsonNode maxDistanceFromSiteKm,
            int landmarksMeasured,
            JsonNode policy,
            JsonNode toleratedLiars,
            JsonNode honestOnly,
            String toleranceNote) {

        static VerdictSummary of(StoredRow v) {
            JsonNode e = v.evidence();
            return new VerdictSummary(
                    v.id(),
                    v.windowStart(),
                    v.windowEnd(),
                    v.assessedAt(),
                    v.verdicts().isEmpty() ? List.of() : List.of(v.verdicts().split(",")),
                    v.headline(),
                    e.path("area_km2"),
                    e.path("max_distance_from_site_km"),
                    e.path("measurements").size(),
                    e.path("policy"),
                    e.path("tolerated_liars"),
                    e.path("honest_only"),
                    ChipViews.toleranceNote(e));
        }
    }

    /**
     * The verdict whose region is drawn: its summary, flat beside whether the outline could be
     * drawn and a note on how it was drawn.
     */
    record RegionVerdict(@JsonUnwrapped VerdictSummary verdict, boolean regionDrawn, String note) {}

    /** The latest verdict in words ({@link PlainFindings}), landmarks named as registered. */
    private Finding finding(String serial, Site site, Optional<StoredRow> latest) {
        Map<String, String> names = new java.util.HashMap<>();
        PlainFindings.Finding f = PlainFindings.of(
                serial,
                latest.map(StoredRow::verdicts).orElse(""),
                latest.map(StoredRow::evidence).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance()),
                new PlainFindings.SiteRef(site.name(), site.position(), site.zoneRadiusKm()),
                id -> names.computeIfAbsent(id, this::landmarkName));
        return new Finding(f.title(), f.conclusion(), f.landmarks());
    }

    private String landmarkName(String id) {
        return PlainFindings.landmarkLabel(id, registry.landmark(id).map(l -> l.name()));
    }

    /**
     * A chip's {@link ChipStatus} and its last attestation (null when there is none).
     */
    private record Current(ChipStatus status, Instant lastAttestedAt) {}

    /** The chip's {@link ChipStatus}, read as every other view reads it, and its last attestation. */
    private Current current(String serial) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ChipStatusQuery.COLUMNS + " FROM chips c"
                    + ChipStatusQuery.JOINS + " WHERE c.serial = ?")) {
                status.bindStaleBefore(ps, 1);
                ps.setString(2, serial);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? new Current(
                                    ChipStatusQuery.read(rs),
                                    Sql.getOptionalInstant(rs, "last_attested_at")
                                            .orElse(null))
                            : new Current(ChipStatus.NO_VERDICT, null);
                }
            }
        });
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

    /**
     * The chip's latest verdict, found through {@code chip_verdicts} (one row per chip), so the cost
     * does not grow with the chip's history.
     */
    Optional<StoredRow> latest(String serial) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.chip_serial, v.window_start, v.window_end,"
                    + " v.verdicts, v.evidence_json, v.assessed_at FROM chip_verdicts cv"
                    + " JOIN verdicts v ON v.id = cv.verdict_id WHERE cv.chip_serial = ?")) {
                ps.setString(1, serial);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private Optional<StoredRow> verdict(String serial, Optional<Long> verdictId) {
        if (verdictId.isEmpty()) {
            return latest(serial);
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
                    return Optional.of(row(rs));
                }
            }
        });
    }

    private StoredRow row(ResultSet rs) throws SQLException {
        return new StoredRow(
                rs.getLong("id"),
                rs.getString("chip_serial"),
                Sql.getInstant(rs, "window_start").toString(),
                Sql.getInstant(rs, "window_end").toString(),
                rs.getString("verdicts"),
                Sql.getInstant(rs, "assessed_at").toString(),
                parse(rs.getString("evidence_json")));
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
                polygon(RegionGeometry.licensedZone(site)),
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
            List<S2Cap> caps = new ArrayList<>();
            for (Disc disc : RegionGeometry.boundingDiscs(row.evidence())) {
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
            out.put(
                    "verdict",
                    new RegionVerdict(
                            VerdictSummary.of(row),
                            outline.isPresent(),
                            "Outlines are drawn on a sphere for display; the verdict was decided exactly from"
                                    + " the discs."));
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
        return Json.readStored(json, text, "verdict evidence");
    }
}
