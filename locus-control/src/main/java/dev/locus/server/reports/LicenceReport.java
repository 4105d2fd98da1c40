package dev.locus.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.common.Page;
import dev.locus.server.registry.Chip;
import dev.locus.server.registry.Licence;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.verdicts.StoredVerdict;
import dev.locus.server.verdicts.VerdictEngine;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regulator's report on one export licence: the licence, its site, and per chip the latest
 * verdict, when it was last proven where it should be, and its unresolved alerts. Costs a few
 * queries per chip; meant for licences of up to tens of thousands of chips.
 */
public record LicenceReport(
        RegistryService registry, VerdictEngine verdicts, AlertService alerts, InstantSource clock, ObjectMapper json) {
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

    private static final String STYLE = "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            + "td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left}th{background:#eee}"
            + ".alert{color:#a00;font-weight:bold}";

    /** The header to serve {@link #toHtml} with: no script, no inline style but the page's own. */
    public static final String CONTENT_SECURITY_POLICY = ReportPolicy.forStyle(STYLE);

    /** A self-contained HTML page (no scripts, every value escaped). */
    public String toHtml(Map<String, Object> report) {
        JsonNode tree = json.valueToTree(report);
        JsonNode l = tree.path("licence");
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Locus licence report: ")
                .append(HtmlReport.esc(l.path("id").asText()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        sb.append("<h1>Licence ")
                .append(HtmlReport.esc(l.path("id").asText()))
                .append("</h1><p>")
                .append("Exporter ")
                .append(HtmlReport.esc(l.path("exporter_id").asText()))
                .append(", end user ")
                .append(HtmlReport.esc(l.path("end_user_id").asText()))
                .append(", site ")
                .append(HtmlReport.esc(l.path("site_id").asText()))
                .append(", valid ")
                .append(HtmlReport.esc(l.path("valid_from").asText()))
                .append(" to ")
                .append(HtmlReport.esc(l.path("valid_until").asText()))
                .append(". ")
                .append(tree.path("chips_registered").asInt())
                .append(" of ")
                .append(tree.path("chips_licensed").asInt())
                .append(" licensed chips registered; ")
                .append(tree.path("unresolved_alerts").asInt())
                .append(" unresolved alerts. Verdicts: ")
                .append(HtmlReport.esc(tree.path("tolerated_liars_meaning").asText()))
                .append(". Generated ")
                .append(HtmlReport.esc(tree.path("generated_at").asText()))
                .append(".</p>");
        sb.append("<table><tr><th>serial</th><th>model</th><th>status</th><th>latest verdicts</th>"
                + "<th>assessed</th><th>last proven</th><th>unresolved alerts</th></tr>");
        for (JsonNode c : tree.path("chips")) {
            List<String> cells = cells(c);
            String alertsText = cells.getLast();
            sb.append("<tr>");
            for (String cell : cells.subList(0, cells.size() - 1)) {
                sb.append("<td>").append(HtmlReport.esc(cell)).append("</td>");
            }
            sb.append("<td")
                    .append(alertsText.isEmpty() ? "" : " class=\"alert\"")
                    .append(">")
                    .append(HtmlReport.esc(alertsText))
                    .append("</td></tr>");
        }
        sb.append("</table></body></html>\n");
        return sb.toString();
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
