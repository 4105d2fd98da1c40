package dev.locus.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.Chip;
import dev.locus.server.registry.Licence;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.verdicts.PlainFindings;
import dev.locus.server.verdicts.StoredVerdict;
import dev.locus.server.verdicts.VerdictEngine;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regulator's report on one export licence: the licence, its site, and per chip the latest
 * verdict, when it was last proven where it should be, and its unresolved alerts; as data
 * ({@link #forLicence}, {@link #toCsv}) or as a {@link ReportDocument} ({@link #document}). Costs a few
 * queries per chip; meant for licences of up to tens of thousands of chips.
 */
public record LicenceReport(
        Database db,
        RegistryService registry,
        VerdictEngine verdicts,
        AlertService alerts,
        LicenceReport.Statuses statuses,
        InstantSource clock,
        ObjectMapper json) {
    /** A chip's one status as the dashboard shows it: its name in the dashboard's JSON and its words. */
    public record Status(String key, String words) {
        /** True for the one status that proves the chip at its licensed site on a recent proof. */
        public boolean provenInZone() {
            return key.equals("IN_ZONE");
        }
    }

    /**
     * Where the statuses come from: the dashboard's rule (dashboard/ChipStatuses), passed in so that
     * the dashboard may depend on reports and not the other way round.
     */
    public interface Statuses {
        /** The status of each chip of licence {@code licenceId}, by serial. */
        Map<String, Status> ofLicence(String licenceId);
    }

    /** The report as a JSON-ready tree, or empty when no licence has that id. */
    public Optional<Map<String, Object>> forLicence(String licenceId) {
        Optional<Licence> licence = registry.licence(licenceId);
        if (licence.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("generated_at", clock.instant().toString());
        r.put("licence", licence.get());
        r.put("site", registry.site(licence.get().siteId()).orElse(null));
        r.put("tolerated_liars", verdicts.toleratedLiars());
        r.put("tolerated_liars_meaning", dev.locus.geo.verdict.Policy.toleranceText(verdicts.toleratedLiars()));
        List<Map<String, Object>> rows = new ArrayList<>();
        int unresolved = 0;
        String after = "";
        while (true) {
            Page<Chip> page = registry.chips(Optional.of(licenceId), after, 1000);
            for (Chip c : page.items()) {
                Map<String, Object> row = chipRow(c);
                unresolved += ((List<?>) row.get("unresolved_alerts")).size();
                rows.add(row);
            }
            if (page.nextCursor().isEmpty()) {
                break;
            }
            after = page.nextCursor().get();
        }
        r.put("chips_registered", rows.size());
        r.put("chips_licensed", licence.get().chipCount());
        r.put("unresolved_alerts", unresolved);
        r.put("chips", rows);
        return Optional.of(r);
    }

    private Map<String, Object> chipRow(Chip c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("serial", c.serial());
        row.put("model", c.model());
        row.put("status", c.status().name());
        Optional<StoredVerdict> latest = verdicts.latest(c.serial(), false);
        row.put(
                "latest_verdicts",
                latest.map(v -> v.verdicts().stream().map(Enum::name).sorted().toList())
                        .orElse(List.of()));
        row.put("latest_assessed_at", latest.map(v -> v.assessedAt().toString()).orElse(null));
        row.put(
                "last_proven_at",
                verdicts.latest(c.serial(), true)
                        .map(v -> v.assessedAt().toString())
                        .orElse(null));
        List<String> open = new ArrayList<>();
        for (Alert a :
                alerts.page(Optional.empty(), Optional.of(c.serial()), 0, 1000).items()) {
            if (a.status() != Alert.Status.RESOLVED) {
                open.add(a.rule().name() + " #" + a.id() + " (" + a.status() + ")");
            }
        }
        row.put("unresolved_alerts", open);
        return row;
    }

    /** One CSV row per chip, after a header; the licence's own fields are repeated on each row. */
    public String toCsv(Map<String, Object> report) {
        JsonNode tree = json.valueToTree(report);
        String licenceId = tree.path("licence").path("id").asText();
        StringBuilder sb = new StringBuilder(
                "licence_id,serial,model,status,latest_verdicts,latest_assessed_at,last_proven_at,unresolved_alerts\n");
        for (JsonNode c : tree.path("chips")) {
            sb.append(DiversionReport.csv(licenceId));
            for (String cell : cells(c)) {
                sb.append(',').append(DiversionReport.csv(cell));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The report a regulator reads ({@link HtmlReport}, {@link PdfReport}): titled by how many of
     * the licence's chips are proven at its site, each chip with the dashboard's one status in
     * words ({@link Statuses}), times in UTC to the second, and the audit head.
     *
     * @param report a tree from {@link #forLicence}
     */
    public ReportDocument document(Map<String, Object> report) {
        JsonNode tree = json.valueToTree(report);
        JsonNode l = tree.path("licence");
        String id = l.path("id").asText();
        Map<String, Status> status = statuses.ofLicence(id);
        int registered = tree.path("chips_registered").asInt();
        long proven = status.values().stream().filter(Status::provenInZone).count();
        Map<String, Long> others = new java.util.TreeMap<>();
        status.values().stream()
                .filter(st -> !st.provenInZone())
                .forEach(st -> others.merge(st.words().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        String site = l.path("site_id").asText();
        JsonNode siteNode = tree.path("site");
        String siteName = siteNode.path("name").asText(site) + " (" + site + ")";
        String conclusion = proven + " of " + PlainFindings.count(registered, "registered chip")
                + " under licence " + id + " " + (proven == 1 ? "is" : "are")
                + " proven inside the licensed zone of " + siteName + " on a recent proof"
                + (others.isEmpty()
                        ? "."
                        : "; the others: "
                                + String.join(
                                        ", ",
                                        others.entrySet().stream()
                                                .map(e -> e.getValue() + " " + e.getKey())
                                                .toList())
                                + ".")
                + " " + PlainFindings.count(tree.path("unresolved_alerts").asInt(), "unresolved alert") + ".";
        ReportDocument.Builder doc = ReportDocument.builder(
                "Licence " + id + ": " + proven + " of " + PlainFindings.count(registered, "chip")
                        + " proven at the licensed site",
                conclusion,
                db.read(AuditLog::head),
                clock.instant());
        doc.fact("Exporter", l.path("exporter_id").asText());
        doc.fact("End user", l.path("end_user_id").asText());
        doc.fact(
                "Licensed site",
                siteName
                        + (siteNode.path("country").isTextual()
                                ? ", " + siteNode.path("country").asText()
                                : "")
                        + (siteNode.path("zone_radius_km").isNumber()
                                ? ", zone radius "
                                        + PlainFindings.kmUp(
                                                siteNode.path("zone_radius_km").asDouble())
                                : ""));
        doc.fact(
                "Valid",
                l.path("valid_from").asText() + " to " + l.path("valid_until").asText());
        if (!l.path("conditions").asText().isBlank()) {
            doc.fact("Conditions", l.path("conditions").asText());
        }
        doc.fact(
                "Chips",
                registered + " registered of " + tree.path("chips_licensed").asInt() + " licensed");
        doc.fact("Assumes", tree.path("tolerated_liars_meaning").asText());
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode c : tree.path("chips")) {
            String serial = c.path("serial").asText();
            List<String> open = new ArrayList<>();
            c.path("unresolved_alerts").forEach(a -> open.add(alertWords(a.asText())));
            rows.add(List.of(
                    serial,
                    c.path("model").asText(),
                    Optional.ofNullable(status.get(serial)).map(Status::words).orElse("Unknown"),
                    time(c.path("latest_assessed_at"), "never assessed"),
                    time(c.path("last_proven_at"), "never"),
                    open.isEmpty() ? "none" : String.join("\n", open)));
        }
        doc.section(
                "Chips",
                new ReportDocument.Paragraph("Each chip's status is the dashboard's: its latest verdict, overruled by"
                        + " the age of its proof and by its open alerts."),
                new ReportDocument.Table(
                        List.of("chip", "model", "status", "last assessed", "last proven compliant", "open alerts"),
                        rows,
                        "No chips are registered under this licence."));
        return doc.build();
    }

    /** "OUTSIDE_ZONE #3 (OPEN)", as the data lists an alert, in words: "Outside zone alert #3, open". */
    private static String alertWords(String listed) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Z_]+) #(\\d+) \\(([A-Z_]+)\\)")
                .matcher(listed);
        if (!m.matches()) {
            return listed;
        }
        String rule = m.group(1).replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(rule.charAt(0)) + rule.substring(1) + " alert #" + m.group(2) + ", "
                + m.group(3).toLowerCase(java.util.Locale.ROOT);
    }

    private static String time(JsonNode iso, String none) {
        return iso.isTextual() ? PlainEvidence.time(Instant.parse(iso.asText())) : none;
    }

    /**
     * One chip's row as text, in column order: serial, model, status, latest verdicts, assessed,
     * last proven, unresolved alerts (the last always last).
     */
    private static List<String> cells(JsonNode chip) {
        return List.of(
                chip.path("serial").asText(),
                chip.path("model").asText(),
                chip.path("status").asText(),
                join(chip.path("latest_verdicts")),
                text(chip.path("latest_assessed_at")),
                text(chip.path("last_proven_at")),
                join(chip.path("unresolved_alerts")));
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return String.join(" ", parts);
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "" : n.asText();
    }
}
