package dev.locus.compliance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.server.audit.AuditHead;
import dev.locus.server.reports.PlainEvidence;
import dev.locus.server.reports.ReportDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A case report (the JSON form {@link CaseReport} builds) as the shared report document, which
 * {@code HtmlReport} and {@code PdfReport} render: the conclusion and key facts first, then the
 * risk, the findings with their sources and evidence, the commercial record, the chips with their
 * licences and location proofs, and the notes.
 */
final class CaseReportDocument {
    private CaseReportDocument() {}

    static ReportDocument of(Map<String, Object> report, AuditHead head, Instant at, ObjectMapper json) {
        JsonNode r = json.valueToTree(report);
        JsonNode k = r.path("case");
        ReportDocument.Builder b = ReportDocument.builder(
                        r.path("title").asText(), r.path("conclusion").asText(), head, at)
                .fact("Case", k.path("id").asText() + ": " + k.path("title").asText())
                .fact(
                        "About",
                        k.path("subject_type").asText() + " "
                                + k.path("subject_id").asText())
                .fact("Status", k.path("status").asText())
                .fact("Owner", text(k.path("owner"), "nobody yet"))
                .fact("Decision", text(k.path("decision"), "none yet"))
                .fact("Risk", r.path("risk").path("score").asText());
        b.section(
                "Risk: which findings, which weights",
                new ReportDocument.Paragraph(
                        "The sum of the weights of the open findings: info 1, warning 3," + " critical 10."),
                table(
                        r.path("risk").path("contributions"),
                        List.of("Rule", "Severity", "Weight"),
                        c -> texts(c, "rule", "severity", "weight"),
                        "No open finding."));
        b.section(
                "Findings",
                table(
                        r.path("findings"),
                        List.of("Severity", "Rule", "Status", "Finding", "Source", "Evidence"),
                        f -> concat(
                                texts(f, "severity", "rule", "status", "summary", "source"),
                                PlainEvidence.of(f.path("evidence"))),
                        "No finding."));
        b.section(
                "Screening hits",
                table(
                        r.path("screening_hits"),
                        List.of("List", "Entry", "Listed name", "Score", "Decision", "Status"),
                        h -> texts(h, "source", "entry_id", "listed_name", "score", "decision", "status"),
                        "No open screening hit (or the subject is not a party)."));
        JsonNode record = r.path("commercial_record");
        List<JsonNode> orders = new ArrayList<>();
        List<JsonNode> shipments = new ArrayList<>();
        record.path("orders").forEach(o -> {
            orders.add(o.path("order"));
            o.path("shipments").forEach(shipments::add);
        });
        record.path("orders_for_site").forEach(orders::add);
        record.path("orders_billed").forEach(orders::add);
        b.section(
                "Commercial record",
                table(
                        orders,
                        List.of("Order", "Buyer", "Billed to", "Model", "Chips", "Value (USD)", "Ordered on"),
                        o -> concat(
                                texts(o, "id", "buyer_id", "billing_country", "model", "quantity"),
                                o.path("value_usd").decimalValue().toPlainString(),
                                o.path("ordered_on").asText()),
                        "No order."),
                table(
                        shipments,
                        List.of("Shipment", "Order", "Ship to", "Country", "Address kind", "Forwarder", "Chips"),
                        s -> concat(
                                texts(s, "id", "order_id", "ship_to_address", "ship_to_country", "address_kind"),
                                text(s.path("forwarder_id"), "—"),
                                s.path("chip_count").asText()),
                        "No shipment."),
                table(
                        record.path("allocations"),
                        List.of("Allocation", "Site", "Chips", "Purpose", "Users in", "Period"),
                        a -> concat(
                                texts(a, "id", "site_id", "chip_count", "purpose"),
                                list(a.path("user_countries")),
                                a.path("valid_from").asText() + " – "
                                        + a.path("valid_until").asText()),
                        "No allocation."));
        b.section(
                "Chips, licences and location proofs",
                table(
                        r.path("chips"),
                        List.of("Chip", "Model", "Status", "Licensed site", "Licence and end user"),
                        c -> List.of(
                                c.path("serial").asText(),
                                text(c.path("model"), "not registered"),
                                text(c.path("status"), "—"),
                                text(c.path("declared_site"), "—"),
                                c.path("licence").isObject()
                                        ? c.path("licence").path("id").asText() + ", end user "
                                                + c.path("licence")
                                                        .path("end_user_id")
                                                        .asText() + ": "
                                                + c.path("licence")
                                                        .path("conditions")
                                                        .asText()
                                        : "—"),
                        "No chip named by the record."),
                table(
                        perChip(r, "location_proofs", json),
                        List.of("Chip", "Verdict", "Window", "Verdicts", "Proven", "Evidence"),
                        p -> concat(
                                texts(p, "chip", "verdict_id", "window"),
                                list(p.path("verdicts")),
                                p.path("proven").asText(),
                                PlainEvidence.of(p.path("evidence"))),
                        "No location proof."));
        b.section(
                "Location alerts",
                table(
                        perChip(r, "location_alerts", json),
                        List.of("Chip", "Alert", "Rule", "Severity", "Status", "Summary", "Opened"),
                        a -> texts(a, "chip", "id", "rule", "severity", "status", "summary", "opened_at"),
                        "No unresolved location alert."));
        b.section(
                "Notes",
                table(
                        r.path("notes"),
                        List.of("Author", "Written", "Note"),
                        n -> texts(n, "author", "written_at", "text"),
                        "No note."));
        return b.build();
    }

    private static ReportDocument.Table table(
            Iterable<JsonNode> rows, List<String> columns, Function<JsonNode, List<String>> cells, String empty) {
        List<List<String>> out = new ArrayList<>();
        rows.forEach(n -> out.add(cells.apply(n)));
        return new ReportDocument.Table(columns, out, empty);
    }

    /** The rows of each chip's {@code field} list, each with the chip's serial as {@code chip}. */
    private static List<JsonNode> perChip(JsonNode report, String field, ObjectMapper json) {
        List<JsonNode> out = new ArrayList<>();
        report.path("chips")
                .forEach(c -> c.path(field)
                        .forEach(row -> out.add(json.createObjectNode()
                                .put("chip", c.path("serial").asText())
                                .setAll((ObjectNode) row))));
        return out;
    }

    /** The cells of {@code fields} of a row, each as its text. */
    private static List<String> texts(JsonNode row, String... fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            out.add(row.path(f).asText());
        }
        return out;
    }

    /** {@code cells} followed by {@code more}. */
    private static List<String> concat(List<String> cells, String... more) {
        List<String> out = new ArrayList<>(cells);
        out.addAll(Arrays.asList(more));
        return out;
    }

    private static String text(JsonNode n, String absent) {
        return n.isMissingNode() || n.isNull() || n.asText().isEmpty() ? absent : n.asText();
    }

    /** A JSON list of texts as "a, b"; "—" when empty. */
    private static String list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.isEmpty() ? "—" : String.join(", ", out);
    }
}
