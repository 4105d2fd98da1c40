package dev.locus.compliance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.audit.AuditHead;
import dev.locus.server.reports.PlainEvidence;
import dev.locus.server.reports.ReportDocument;
import java.time.Instant;
import java.util.ArrayList;
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
                        c -> List.of(
                                c.path("rule").asText(),
                                c.path("severity").asText(),
                                c.path("weight").asText()),
                        "No open finding."));
        b.section(
                "Findings",
                table(
                        r.path("findings"),
                        List.of("Severity", "Rule", "Status", "Finding", "Source", "Evidence"),
                        f -> List.of(
                                f.path("severity").asText(),
                                f.path("rule").asText(),
                                f.path("status").asText(),
                                f.path("summary").asText(),
                                f.path("source").asText(),
                                PlainEvidence.of(f.path("evidence"))),
                        "No finding."));
        b.section(
                "Screening hits",
                table(
                        r.path("screening_hits"),
                        List.of("List", "Entry", "Listed name", "Score", "Decision", "Status"),
                        h -> List.of(
                                h.path("source").asText(),
                                h.path("entry_id").asText(),
                                h.path("listed_name").asText(),
                                h.path("score").asText(),
                                h.path("decision").asText(),
                                h.path("status").asText()),
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
                        o -> List.of(
                                o.path("id").asText(),
                                o.path("buyer_id").asText(),
                                o.path("billing_country").asText(),
                                o.path("model").asText(),
                                o.path("quantity").asText(),
                                o.path("value_usd").decimalValue().toPlainString(),
                                o.path("ordered_on").asText()),
                        "No order."),
                table(
                        shipments,
                        List.of("Shipment", "Order", "Ship to", "Country", "Address kind", "Forwarder", "Chips"),
                        s -> List.of(
                                s.path("id").asText(),
                                s.path("order_id").asText(),
                                s.path("ship_to_address").asText(),
                                s.path("ship_to_country").asText(),
                                s.path("address_kind").asText(),
                                text(s.path("forwarder_id"), "—"),
                                s.path("chip_count").asText()),
                        "No shipment."),
                table(
                        record.path("allocations"),
                        List.of("Allocation", "Site", "Chips", "Purpose", "Users in", "Period"),
                        a -> List.of(
                                a.path("id").asText(),
                                a.path("site_id").asText(),
                                a.path("chip_count").asText(),
                                a.path("purpose").asText(),
                                list(a.path("user_countries")),
                                a.path("valid_from").asText() + " – "
                                        + a.path("valid_until").asText()),
                        "No allocation."));
        List<JsonNode> proofs = new ArrayList<>();
        r.path("chips")
                .forEach(c -> c.path("location_proofs")
                        .forEach(p -> proofs.add(json.createObjectNode()
                                .put("chip", c.path("serial").asText())
                                .setAll((com.fasterxml.jackson.databind.node.ObjectNode) p))));
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
                        proofs,
                        List.of("Chip", "Verdict", "Window", "Verdicts", "Proven", "Evidence"),
                        p -> List.of(
                                p.path("chip").asText(),
                                p.path("verdict_id").asText(),
                                p.path("window").asText(),
                                list(p.path("verdicts")),
                                p.path("proven").asText(),
                                PlainEvidence.of(p.path("evidence"))),
                        "No location proof."));
        List<JsonNode> alerts = new ArrayList<>();
        r.path("chips")
                .forEach(c -> c.path("location_alerts")
                        .forEach(a -> alerts.add(json.createObjectNode()
                                .put("chip", c.path("serial").asText())
                                .setAll((com.fasterxml.jackson.databind.node.ObjectNode) a))));
        b.section(
                "Location alerts",
                table(
                        alerts,
                        List.of("Chip", "Alert", "Rule", "Severity", "Status", "Summary", "Opened"),
                        a -> List.of(
                                a.path("chip").asText(),
                                a.path("id").asText(),
                                a.path("rule").asText(),
                                a.path("severity").asText(),
                                a.path("status").asText(),
                                a.path("summary").asText(),
                                a.path("opened_at").asText()),
                        "No unresolved location alert."));
        b.section(
                "Notes",
                table(
                        r.path("notes"),
                        List.of("Author", "Written", "Note"),
                        n -> List.of(
                                n.path("author").asText(),
                                n.path("written_at").asText(),
                                n.path("text").asText()),
                        "No note."));
        return b.build();
    }

    private static ReportDocument.Table table(
            Iterable<JsonNode> rows, List<String> columns, Function<JsonNode, List<String>> cells, String empty) {
        List<List<String>> out = new ArrayList<>();
        rows.forEach(n -> out.add(cells.apply(n)));
        return new ReportDocument.Table(columns, out, empty);
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
