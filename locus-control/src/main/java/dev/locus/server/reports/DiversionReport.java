package dev.locus.server.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.Json;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.common.Page;
import dev.locus.server.registry.Chip;
import dev.locus.server.registry.RegistryService;
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
 * The regulator's report on one chip as data (JSON and CSV): registry facts, the last verified
 * region with the receipts that bound it, the latest verdict, custody and the full alert history.
 * The document a person reads (HTML, PDF) is {@link ChipReport}'s.
 */
public record DiversionReport(
        RegistryService registry, VerdictEngine verdicts, AlertService alerts, InstantSource clock, ObjectMapper json) {
    /** The report as a JSON-ready tree, or empty when the chip is unknown. */
    public Optional<Map<String, Object>> forChip(String serial) {
        Optional<Chip> chip = registry.chip(serial);
        if (chip.isEmpty()) {
            return Optional.empty();
        }
        Chip c = chip.get();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("generated_at", clock.instant().toString());
        r.put("chip", c);
        r.put("licence", c.licenceId().flatMap(registry::licence).orElse(null));
        r.put("declared_site", registry.site(c.declaredSiteId()).orElse(null));
        r.put("custody_events", registry.custodyEvents(serial));
        r.put(
                "last_verified",
                verdicts.latest(serial, true).map(this::verdictView).orElse(null));
        r.put(
                "latest_verdict",
                verdicts.latest(serial, false).map(this::verdictView).orElse(null));
        List<Map<String, Object>> history = new ArrayList<>();
        long after = 0;
        while (true) {
            Page<Alert> p = alerts.page(Optional.empty(), Optional.of(serial), after, 1000);
            for (Alert a : p.items()) {
                history.add(alertView(a));
            }
            if (p.nextCursor().isEmpty()) {
                break;
            }
            after = Long.parseLong(p.nextCursor().get());
        }
        r.put("alerts", history);
        return Optional.of(r);
    }

    private Map<String, Object> verdictView(StoredVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict_id", v.id());
        m.put("verdicts", v.verdicts().stream().map(Enum::name).sorted().toList());
        m.put("proven", v.proven());
        m.put("assessed_at", v.assessedAt().toString());
        m.put("window_start", v.windowStart().toString());
        m.put("window_end", v.windowEnd().toString());
        m.put("evidence", parse(v.evidenceJson()));
        return m;
    }

    private static Map<String, Object> alertView(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("rule", a.rule().name());
        m.put("severity", a.severity().name());
        m.put("status", a.status().name());
        m.put("summary", a.summary());
        m.put("opened_at", a.openedAt().toString());
        m.put("acknowledged_at", a.acknowledgedAt().map(Instant::toString).orElse(null));
        m.put("acknowledged_by", a.acknowledgedBy().orElse(null));
        m.put("acknowledge_note", a.acknowledgeNote().orElse(null));
        m.put("resolved_at", a.resolvedAt().map(Instant::toString).orElse(null));
        m.put("resolved_by", a.resolvedBy().orElse(null));
        m.put("resolution_note", a.resolutionNote().orElse(null));
        return m;
    }

    private JsonNode parse(String text) {
        return Json.readStored(json, text, "evidence");
    }

    /**
     * The report flattened to CSV rows {@code section,item,field,value}: one row per leaf of the
     * JSON tree, so no information is lost and spreadsheets can filter by section.
     */
    public String toCsv(Map<String, Object> report) {
        JsonNode tree = json.valueToTree(report);
        StringBuilder sb = new StringBuilder("section,item,field,value\n");
        tree.properties().forEach(e -> flatten(sb, e.getKey(), "", "", e.getValue()));
        return sb.toString();
    }

    private static void flatten(StringBuilder sb, String section, String item, String field, JsonNode n) {
        if (n.isObject()) {
            n.properties()
                    .forEach(e -> flatten(
                            sb, section, item, field.isEmpty() ? e.getKey() : field + "." + e.getKey(), e.getValue()));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                if (field.isEmpty()) {
                    flatten(sb, section, item.isEmpty() ? Integer.toString(i) : item + "." + i, field, n.get(i));
                } else {
                    flatten(sb, section, item, field + "[" + i + "]", n.get(i));
                }
            }
        } else {
            sb.append(csv(section))
                    .append(',')
                    .append(csv(item))
                    .append(',')
                    .append(csv(field))
                    .append(',')
                    .append(csv(n.isNull() ? "" : n.asText()))
                    .append('\n');
        }
    }

    static String csv(String s) {
        String safe = s;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+(E-?[0-9]+)?")) {
            safe = "'" + s; // no formula injection into spreadsheets
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
