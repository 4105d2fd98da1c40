package dev.locus.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.geometry.S2Cap;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import dev.locus.server.Json;
import dev.locus.server.LocusServerException;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.alerts.AlertText;
import dev.locus.server.audit.AuditHead;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.common.Page;
import dev.locus.server.identity.DeviceCertificate;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.Chip;
import dev.locus.server.registry.CustodyEvent;
import dev.locus.server.registry.Licence;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.registry.Site;
import dev.locus.server.verdicts.PlainFindings;
import dev.locus.server.verdicts.RegionGeometry;
import dev.locus.server.verdicts.StoredVerdict;
import dev.locus.server.verdicts.VerdictEngine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The regulator's report on one chip as a {@link ReportDocument}: titled by what the latest verdict
 * concludes, the conclusion in plain language ({@link PlainFindings}), the map of the discs, the
 * region and the licensed zone, the evidence with units, the certificate, the alerts (at most
 * {@link #ALERTS_SHOWN}, newest first) and custody, and the audit head. Thread-safe.
 */
public record ChipReport(
        Database db,
        RegistryService registry,
        VerdictEngine verdicts,
        AlertService alerts,
        InstantSource clock,
        ObjectMapper json) {
    /** Most alerts listed; the report says how many more there are. */
    static final int ALERTS_SHOWN = 200;

    /** Most verdict periods listed; the report says how many there are. */
    static final int PERIODS_SHOWN = 50;

    /** The plain-language finding of the chip's latest verdict, or empty when the chip is unknown. */
    public Optional<PlainFindings.Finding> finding(String serial) {
        return registry.chip(serial).map(c -> finding(c, site(c), verdicts.latest(serial, false)));
    }

    /** The report, or empty when no chip has this serial. */
    public Optional<ReportDocument> forChip(String serial) {
        Optional<Chip> found = registry.chip(serial);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Chip chip = found.get();
        Site site = site(chip);
        Optional<StoredVerdict> latest = verdicts.latest(serial, false);
        JsonNode evidence = latest.map(v -> parse(v.evidenceJson())).orElse(MissingNode.getInstance());
        PlainFindings.Finding finding = finding(chip, site, latest);
        List<Alert> alertList = alerts(serial);
        List<Alert> open = alertList.stream()
                .filter(a -> a.status() != Alert.Status.RESOLVED)
                .toList();
        String conclusion = finding.conclusion();
        if (!open.isEmpty()) {
            conclusion += " " + PlainFindings.count(open.size(), "alert") + " still open: "
                    + String.join(
                            ", ",
                            open.stream().map(a -> a.rule().name()).distinct().toList()) + ".";
        }
        AuditHead head = db.read(AuditLog::head);
        ReportDocument.Builder doc = ReportDocument.builder(finding.title(), conclusion, head, clock.instant());
        doc.fact("Chip", chip.serial() + " (" + chip.model() + "), registry status " + chip.status());
        doc.fact(
                "Licensed site",
                site.name() + " (" + site.id() + "), " + site.country() + ", " + position(site.position())
                        + ", zone radius " + PlainFindings.kmUp(site.zoneRadiusKm()));
        Optional<Licence> licence = chip.licenceId().flatMap(registry::licence);
        doc.fact(
                "Licence",
                licence.map(l -> l.id() + ": exporter " + l.exporterId() + ", end user " + l.endUserId() + ", valid "
                                + l.validFrom() + " to " + l.validUntil()
                                + (l.conditions().isBlank() ? "" : ", conditions: " + l.conditions()))
                        .orElse("none registered"));
        doc.fact(
                "Latest verdict",
                latest.map(v -> String.join(
                                        ", ",
                                        v.verdicts().stream()
                                                .map(Enum::name)
                                                .sorted()
                                                .toList())
                                + ", assessed " + PlainEvidence.time(v.assessedAt()) + " from answers "
                                + PlainEvidence.time(v.windowStart()) + " to "
                                + PlainEvidence.time(v.windowEnd()))
                        .orElse("none yet"));
        doc.fact(
                "Last proven compliant",
                verdicts.latest(serial, true)
                        .map(v -> PlainEvidence.time(v.assessedAt()))
                        .orElse("never"));
        JsonNode f = evidence.path("policy").path("tolerated_liars_meaning");
        if (f.isTextual()) {
            doc.fact("Assumes", f.asText());
        }
        latest.ifPresent(v -> map(site, evidence).ifPresent(doc::map));
        if (!finding.landmarks().isEmpty()) {
            doc.section(
                    "What each landmark proves",
                    finding.landmarks().stream()
                            .map(s -> (ReportDocument.Block) new ReportDocument.Paragraph(capitalise(s)))
                            .toArray(ReportDocument.Block[]::new));
        }
        doc.section(
                "Evidence",
                new ReportDocument.Paragraph("Signed receipts of the latest verdict's window. A round trip bounds"
                        + " the distance to the landmark: light in vacuum covers at most "
                        + String.format(Locale.ROOT, "%.1f", SpeedBound.C_KM_PER_MS / 2)
                        + " km away and back per millisecond."),
                evidenceTable(evidence, site));
        doc.section("Identity", identity(chip));
        Map<String, String> names = new HashMap<>();
        PlainFindings.SiteRef siteRef = siteRef(site);
        doc.section("Verdict history", periods(chip, siteRef, names));
        Optional<String> latestSet = latest.map(
                v -> String.join(",", v.verdicts().stream().map(Enum::name).toList()));
        List<List<String>> alertRows = new ArrayList<>();
        for (Alert a : alertList.subList(0, Math.min(ALERTS_SHOWN, alertList.size()))) {
            JsonNode ev = parse(a.evidenceJson());
            alertRows.add(List.of(
                    PlainEvidence.time(a.openedAt()),
                    (a.rule().name() + "\n" + a.severity().name() + ", "
                                    + a.status().name() + "\n"
                                    + handled(
                                            "Acknowledged", a.acknowledgedBy(), a.acknowledgedAt(), a.acknowledgeNote())
                                    + handled("Resolved", a.resolvedBy(), a.resolvedAt(), a.resolutionNote()))
                            .strip(),
                    alertFinding(chip, a, ev, latestSet, siteRef, names),
                    PlainEvidence.of(ev)));
        }
        ReportDocument.Table alertTable = new ReportDocument.Table(
                List.of("opened", "alert and handling", "finding", "numbers"), alertRows, "No alerts.");
        if (alertList.isEmpty()) {
            doc.section("Alerts", alertTable);
        } else {
            doc.section(
                    "Alerts",
                    new ReportDocument.Paragraph(
                            alertList.size() > ALERTS_SHOWN
                                    ? "The newest " + ALERTS_SHOWN + " of " + alertList.size() + " alerts."
                                    : PlainFindings.count(alertList.size(), "alert") + ", newest first."),
                    alertTable);
        }
        List<List<String>> custody = new ArrayList<>();
        for (CustodyEvent e : registry.custodyEvents(serial)) {
            custody.add(List.of(
                    PlainEvidence.time(e.occurredAt()),
                    e.kind().name(),
                    e.siteId().orElse(""),
                    e.recordedBy(),
                    e.note()));
        }
        doc.section(
                "Custody",
                new ReportDocument.Table(
                        List.of("when", "event", "site", "recorded by", "note"),
                        custody,
                        "No custody events recorded."));
        return Optional.of(doc.build());
    }

    private PlainFindings.Finding finding(Chip chip, Site site, Optional<StoredVerdict> latest) {
        Map<String, String> names = new HashMap<>();
        return PlainFindings.of(
                chip.serial(),
                latest.map(v -> String.join(
                                ",",
                                v.verdicts().stream().map(Enum::name).sorted().toList()))
                        .orElse(""),
                latest.map(v -> parse(v.evidenceJson())).orElse(MissingNode.getInstance()),
                siteRef(site),
                id -> names.computeIfAbsent(id, this::landmarkName));
    }

    private static PlainFindings.SiteRef siteRef(Site site) {
        return new PlainFindings.SiteRef(site.name(), site.position(), site.zoneRadiusKm());
    }

    /**
     * The newest {@link #PERIODS_SHOWN} verdict periods (equal consecutive verdicts collapsed),
     * newest first: when, the period's latest verdict in words ({@link PlainFindings}), then its
     * numbers ({@link PlainEvidence}).
     */
    private ReportDocument.Block[] periods(Chip chip, PlainFindings.SiteRef site, Map<String, String> names) {
        List<List<String>> rows = new ArrayList<>();
        long[] totals = new long[2];
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), COALESCE(SUM(assessments), 0) FROM verdict_periods WHERE chip_serial = ?")) {
                ps.setString(1, chip.serial());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    totals[0] = rs.getLong(1);
                    totals[1] = rs.getLong(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT p.first_seen, p.last_confirmed, p.assessments,"
                    + " p.proven, v.verdicts, v.evidence_json FROM verdict_periods p"
                    + " JOIN verdicts v ON v.id = p.last_verdict_id"
                    + " WHERE p.chip_serial = ? ORDER BY p.id DESC LIMIT ?")) {
                ps.setString(1, chip.serial());
                ps.setInt(2, PERIODS_SHOWN);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(period(chip, site, names, rs));
                    }
                }
            }
            return null;
        });
        String intro = totals[0] > PERIODS_SHOWN
                ? "The newest " + PERIODS_SHOWN + " of " + PlainFindings.count(totals[0], "period")
                : PlainFindings.count(totals[0], "period");
        return new ReportDocument.Block[] {
            new ReportDocument.Paragraph(intro + " of equal verdicts (" + PlainFindings.count(totals[1], "assessment")
                    + "), newest first; each in words from its latest verdict, then the numbers."),
            new ReportDocument.Table(
                    List.of("period", "finding", "numbers"), rows, "No verdicts: the chip has not been assessed.")
        };
    }

    private List<String> period(Chip chip, PlainFindings.SiteRef site, Map<String, String> names, ResultSet rs)
            throws SQLException {
        String stored = rs.getString("verdicts");
        JsonNode evidence = parse(rs.getString("evidence_json"));
        PlainFindings.Finding f = PlainFindings.of(
                chip.serial(), stored, evidence, site, id -> names.computeIfAbsent(id, this::landmarkName));
        ObjectNode numbers = json.createObjectNode();
        ArrayNode verdictNames = numbers.putArray("verdicts");
        for (String v : stored.split(",")) {
            verdictNames.add(v);
        }
        numbers.put("proves_compliance", rs.getBoolean("proven"));
        numbers.put("assessments", rs.getLong("assessments"));
        if (evidence.has("max_distance_from_site_km")) {
            numbers.put(
                    "max_distance_from_site_km",
                    evidence.path("max_distance_from_site_km").asDouble());
        }
        ArrayNode discs = numbers.putArray("landmarks");
        for (JsonNode d : evidence.path("bounding_discs")) {
            discs.addObject()
                    .put("landmark_id", d.path("landmark_id").asText())
                    .put("rtt_nanos", d.path("rtt_nanos").asLong())
                    .put("within_km", d.path("max_distance_km").asDouble());
        }
        return List.of(
                PlainEvidence.time(Sql.getInstant(rs, "first_seen")) + "\nto "
                        + PlainEvidence.time(Sql.getInstant(rs, "last_confirmed")),
                f.conclusion(),
                PlainEvidence.of(numbers));
    }

    /**
     * An alert in words: as the dashboard words it at the report's time ({@link AlertText}: a
     * silence's age grows, an UNVERIFIED alert agrees with the latest verdict), then, where it rests on a verdict's discs, what the most
     * telling landmark proves ({@link PlainFindings}).
     */
    private String alertFinding(
            Chip chip,
            Alert a,
            JsonNode evidence,
            Optional<String> latestSet,
            PlainFindings.SiteRef site,
            Map<String, String> names) {
        String text =
                AlertText.describe(a.rule().name(), chip.serial(), a.summary(), evidence, clock.instant(), latestSet);
        String summary = capitalise(text.endsWith(".") ? text : text + ".");
        if (!evidence.path("bounding_discs").isArray()
                || evidence.path("bounding_discs").isEmpty()) {
            return summary;
        }
        List<String> verdictNames = new ArrayList<>();
        evidence.path("verdicts").forEach(v -> verdictNames.add(v.asText()));
        PlainFindings.Finding f = PlainFindings.of(
                chip.serial(),
                String.join(",", verdictNames.stream().sorted().toList()),
                evidence,
                site,
                id -> names.computeIfAbsent(id, this::landmarkName));
        return f.landmarks().isEmpty()
                ? summary
                : summary + " " + capitalise(f.landmarks().getFirst());
    }

    private String landmarkName(String id) {
        return PlainFindings.landmarkLabel(id, registry.landmark(id).map(l -> l.name()));
    }

    private Site site(Chip c) {
        return registry.site(c.declaredSiteId())
                .orElseThrow(() -> new LocusServerException("chip " + c.serial() + " names a missing site"));
    }

    private List<Alert> alerts(String serial) {
        List<Alert> all = new ArrayList<>();
        long after = 0;
        while (true) {
            Page<Alert> p = alerts.page(Optional.empty(), Optional.of(serial), after, 1000);
            all.addAll(p.items());
            if (p.nextCursor().isEmpty()) {
                break;
            }
            after = Long.parseLong(p.nextCursor().get());
        }
        return all.reversed();
    }

    private ReportDocument.Table evidenceTable(JsonNode evidence, Site site) {
        Map<String, Double> bounds = new HashMap<>();
        evidence.path("bounding_discs")
                .forEach(d -> bounds.put(
                        d.path("landmark_id").asText(),
                        d.path("max_distance_km").asDouble()));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode m : evidence.path("measurements")) {
            GeoPosition p = GeoPosition.ofDegrees(
                    m.path("latitude_deg").asDouble(), m.path("longitude_deg").asDouble());
            String id = m.path("landmark_id").asText();
            Double bound = bounds.get(id);
            rows.add(List.of(
                    id + " (" + m.path("operator").asText(id) + ")",
                    position(p),
                    PlainFindings.ms(m.path("rtt_min_nanos").asLong()),
                    bound == null ? "not binding" : PlainFindings.kmUp(bound),
                    PlainFindings.kmDown(p.geodesicDistanceTo(site.position()).km()),
                    PlainEvidence.time(Instant.parse(m.path("measured_at").asText())),
                    m.path("receipt_id").asText()));
        }
        return new ReportDocument.Table(
                List.of(
                        "landmark (operator)",
                        "landmark position",
                        "round trip (ms)",
                        "chip within (km)",
                        "landmark to site (km)",
                        "measured",
                        "receipt"),
                rows,
                "No measurements: the chip has not been assessed.");
    }

    private static ReportDocument.Block identity(Chip chip) {
        Optional<DeviceCertificate> cert = chip.deviceCertificate();
        if (cert.isPresent()) {
            DeviceCertificate c = cert.get();
            return new ReportDocument.Table(
                    List.of("certificate", "value"),
                    List.of(
                            List.of("subject", c.subject()),
                            List.of("issuer", c.issuer()),
                            List.of("serial number", c.serialNumber()),
                            List.of(
                                    "valid",
                                    PlainEvidence.time(c.notBefore()) + " to " + PlainEvidence.time(c.notAfter())),
                            List.of("SHA-256 fingerprint", c.sha256()),
                            List.of("issuing CA SHA-256", c.caSha256())),
                    "");
        }
        return new ReportDocument.Paragraph(chip.devicePublicKey()
                .map(k -> "No device certificate registered; the chip's identity is its registered Ed25519 key.")
                .orElse("No device certificate or key registered."));
    }

    private Optional<ReportMap> map(Site site, JsonNode evidence) {
        List<ReportMap.Area> areas = new ArrayList<>();
        List<ReportMap.Marker> markers = new ArrayList<>();
        List<S2Cap> caps = new ArrayList<>();
        for (Disc disc : RegionGeometry.boundingDiscs(evidence)) {
            if (disc.angle().radians() >= Math.PI / 2) {
                continue; // wider than a hemisphere: draws as nothing useful
            }
            caps.add(disc.cap());
            areas.add(ReportMap.Area.of(
                    ReportMap.Kind.DISC, "disc of " + disc.landmarkId(), RegionGeometry.circle(disc.cap())));
        }
        areas.add(ReportMap.Area.of(ReportMap.Kind.LICENSED_ZONE, "licensed zone", RegionGeometry.licensedZone(site)));
        RegionGeometry.intersection(caps)
                .ifPresent(ring -> areas.add(ReportMap.Area.of(ReportMap.Kind.REGION, "feasible region", ring)));
        markers.add(ReportMap.Marker.of(ReportMap.Kind.SITE, site.name(), site.position()));
        for (JsonNode m : evidence.path("measurements")) {
            markers.add(ReportMap.Marker.of(
                    ReportMap.Kind.LANDMARK,
                    m.path("landmark_id").asText(),
                    GeoPosition.ofDegrees(
                            m.path("latitude_deg").asDouble(),
                            m.path("longitude_deg").asDouble())));
        }
        return Optional.of(new ReportMap(
                "Where the chip can be: each landmark's disc holds every place light allows from its round trip;"
                        + " the chip is where they all overlap. Drawn on a sphere for reading; the verdict was decided"
                        + " exactly from the discs.",
                areas,
                markers));
    }

    private static String handled(String what, Optional<String> by, Optional<Instant> at, Optional<String> note) {
        if (by.isEmpty()) {
            return "";
        }
        return what + " by " + by.get()
                + at.map(t -> " " + PlainEvidence.time(t)).orElse("")
                + note.map(n -> ": " + n).orElse("") + "\n";
    }

    private static String position(GeoPosition p) {
        double lat = p.latitudeDegrees();
        double lon = p.longitudeDegrees();
        return String.format(
                Locale.ROOT,
                "%.3f° %s, %.3f° %s",
                Math.abs(lat),
                lat >= 0 ? "N" : "S",
                Math.abs(lon),
                lon >= 0 ? "E" : "W");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private JsonNode parse(String text) {
        return Json.readStored(json, text, "evidence");
    }
}
