package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end over real HTTP: parties registered, the commercial record imported in bulk, the
 * red-flag findings raised incrementally, a case opened by itself, changed by a person, and
 * reported (JSON and HTML) with the audit head; an honest buyer raises nothing.
 */
class CaseFlowIT {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    @TempDir
    Path dataDir;

    private static final String ORDERS = """
            id,seller_id,buyer_id,billing_country,model,quantity,value_usd,ordered_on,destination_site_id
            o-lion,nvx,lion-gate,SG,H100,2000,60000000,2025-03-01,lion-gate-dc
            o-honest,nvx,honest-dc,DE,H100,64,1920000,2025-03-02,honest-dc-fra
            """;
    private static final String SHIPMENTS = """
            id,order_id,consignee_id,ship_to_address,ship_to_country,address_kind,forwarder_id,declared_contents,chip_count,serials,shipped_on
            s-lion,o-lion,lion-gate,"Lot 7, Jalan Pelabuhan, Port Klang",MY,FORWARDER,swift-fwd,GPU servers,2000,LG-0001 LG-0002,2025-03-20
            s-honest,o-honest,honest-dc,"Hanauer Landstr. 300, Frankfurt",DE,COMMERCIAL,,GPU servers,64,,2025-03-25
            """;
    private static final String CAPACITY = """
            site_id,operator_id,country,power_mw,racks,declared_on
            lion-gate-dc,lion-gate,SG,0.25,10,2025-02-01
            honest-dc-fra,honest-dc,DE,20,800,2019-05-01
            """;

    private static Map<String, Object> party(String id, String kind, String name, String country, String incorporated) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("kind", kind);
        p.put("names", List.of(name));
        p.put("country_of_incorporation", country);
        p.put("headquarters_country", country);
        p.put("incorporated_on", incorporated);
        return p;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void bulkImport_raisesFindings_opensACase_andReportsIt(String engine) throws Exception {
        try (LocalServer server = LocalServer.start(dataDir, engine, c -> c.withRateLimits(1000, 1000))) {
            ControlPlane cp = server.cp();
            ApiClient api = server.api();
            String admin = server.admin();
            // the first party saved loads the bundled screening lists, which can take longer than the
            // client's 30 s on a loaded machine: load them first
            cp.compliance().screening().lists().loaded();
            for (Map<String, Object> p : List.of(
                    party("nvx", "EXPORTER", "NVX Corporation", "US", "1993-04-05"),
                    party("lion-gate", "CONSIGNEE", "Lion Gate Compute Pte. Ltd.", "SG", "2024-02-14"),
                    party("swift-fwd", "FREIGHT_FORWARDER", "Swift Freight Sdn. Bhd.", "MY", "2011-01-01"),
                    party("honest-dc", "CONSIGNEE", "Rhein Rechenzentrum GmbH", "DE", "2009-06-01"),
                    party("honest-parent", "COMPANY", "Rhein Holding AG", "DE", "1990-01-01"))) {
                assertThat(api.postJson("/api/v1/parties", admin, p).status()).isEqualTo(201);
            }
            assertThat(api.postJson(
                                    "/api/v1/parties/honest-dc/owners",
                                    admin,
                                    Map.of("owner_id", "honest-parent", "percent", 100, "valid_from", "2009-06-01"))
                            .status())
                    .isEqualTo(201);
            for (String[] imp :
                    List.of(new String[] {"orders", ORDERS}, new String[] {"shipments", SHIPMENTS}, new String[] {
                        "site-capacity", CAPACITY
                    })) {
                ApiClient.Response r =
                        api.post("/api/v1/" + imp[0] + "/import", Optional.of(admin), "text/csv", imp[1]);
                assertThat(r.status()).as(r.text()).isEqualTo(201);
            }
            cp.compliance().redFlags().awaitIdle();

            List<String> lion = rules(api, admin, "subject_type=PARTY&subject_id=lion-gate&status=OPEN");
            assertThat(lion)
                    .contains(
                            "COUNTRY_MISMATCH",
                            "SHIP_TO_FORWARDER_OR_RESIDENCE",
                            "FIRST_TIME_BUYER_LARGE_VOLUME",
                            "BUYER_FORMED_AFTER_CONTROLS",
                            "OWNERSHIP_UNKNOWN");
            assertThat(rules(api, admin, "subject_type=SITE&subject_id=lion-gate-dc"))
                    .containsExactly("SITE_LACKS_CAPACITY");
            assertThat(rules(api, admin, "subject_id=honest-dc&status=OPEN"))
                    .as("an honest buyer raises nothing")
                    .isEmpty();
            assertThat(rules(api, admin, "subject_id=honest-dc-fra&status=OPEN"))
                    .isEmpty();
            JsonNode oneFinding = api.get("/api/v1/findings?rule=SITE_LACKS_CAPACITY&status=OPEN", Optional.of(admin))
                    .body()
                    .path("items")
                    .get(0);
            assertThat(oneFinding.path("source").asText()).isEqualTo("BIS_2025_05_ADVANCED_IC");
            assertThat(oneFinding
                            .path("evidence")
                            .path("chips_the_site_can_power")
                            .asInt())
                    .isEqualTo(200);

            JsonNode risk =
                    api.get("/api/v1/risk/PARTY/lion-gate", Optional.of(admin)).body();
            assertThat(risk.path("score").asInt()).isGreaterThanOrEqualTo(10);
            assertThat(risk.path("contributions")).hasSizeGreaterThanOrEqualTo(5);

            JsonNode cases = api.get("/api/v1/cases?subject_id=lion-gate", Optional.of(admin))
                    .body()
                    .path("items");
            assertThat(cases).as("a case opens by itself at the risk threshold").hasSize(1);
            long caseId = cases.get(0).path("id").asLong();
            assertThat(api.get("/api/v1/cases?subject_id=honest-dc", Optional.of(admin))
                            .body()
                            .path("items"))
                    .isEmpty();

            ApiClient.Response changed = api.postJson(
                    "/api/v1/cases/" + caseId,
                    admin,
                    Map.of("owner", "analyst-1", "status", "INVESTIGATING", "due_on", "2026-01-15"));
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
            assertThat(api.postJson("/api/v1/cases/" + caseId, admin, Map.of("status", "CLOSED"))
                            .status())
                    .as("closing needs a decision")
                    .isEqualTo(409);
            assertThat(api.postJson(
                                    "/api/v1/cases/" + caseId + "/notes",
                                    admin,
                                    Map.of("text", "asked NVX for the end-user statement"))
                            .status())
                    .isEqualTo(201);
            JsonNode view =
                    api.get("/api/v1/cases/" + caseId, Optional.of(admin)).body();
            assertThat(view.path("details").path("owner").asText()).isEqualTo("analyst-1");
            assertThat(view.path("notes")).hasSize(1);

            long seqBefore = RecordedAuditHead.seqNow(api, admin);
            JsonNode report = api.get("/api/v1/cases/" + caseId + "/report", Optional.of(admin))
                    .body();
            RecordedAuditHead.assertRecorded(
                    api,
                    admin,
                    report.path("audit_head").path("seq").asLong(),
                    report.path("audit_head").path("hash").asText(),
                    seqBefore);
            assertThat(report.path("conclusion").asText()).contains("lion-gate").contains("open red flag");
            assertThat(report.path("commercial_record")
                            .path("orders")
                            .get(0)
                            .path("shipments")
                            .get(0)
                            .path("ship_to_country")
                            .asText())
                    .isEqualTo("MY");
            ApiClient.Response html = api.get("/api/v1/cases/" + caseId + "/report?format=html", Optional.of(admin));
            assertThat(html.raw().headers().firstValue("content-type").orElse(""))
                    .startsWith("text/html");
            assertThat(html.text())
                    .contains("class=\"conclusion\"")
                    .contains("Port Klang")
                    .contains("LG-0001")
                    .doesNotContain("{&quot;");
            RecordedAuditHead.assertNamedIn(api, admin, html.text(), seqBefore);
            assertThat(html.raw()
                            .headers()
                            .firstValue("content-security-policy")
                            .orElse(""))
                    .contains("default-src 'none'");
            HttpResponse<byte[]> pdf = api.bytes("/api/v1/cases/" + caseId + "/report?format=pdf", admin);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            Files.createDirectories(Path.of("target/reports"));
            Files.write(Path.of("target/reports/case-report-" + engine + ".pdf"), pdf.body());
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text)
                        .contains("open red flag(s) about party lion-gate")
                        .contains("LG-0001")
                        .doesNotContain("{\"");
                // table words come out whole, never broken across lines ("WARNIN G", "Statu s")
                assertThat(text.split(" ")).contains("Severity", "Status", "Evidence", "Rule");
                assertThat(text).containsPattern("\\b(WARNING|CRITICAL)\\b");
                RecordedAuditHead.assertNamedIn(api, admin, text, seqBefore);
            }
            assertThat(api.get("/api/v1/cases/" + caseId + "/report?format=docx", Optional.of(admin))
                            .status())
                    .isEqualTo(415);

            List<String> actions = new ArrayList<>();
            api.get("/api/v1/audit?limit=1000", Optional.of(admin))
                    .body()
                    .path("items")
                    .forEach(e -> actions.add(e.path("action").asText()));
            assertThat(actions)
                    .contains("orders.imported", "finding.opened", "case.opened", "case.updated", "case.noted");
        }
    }

    private static List<String> rules(ApiClient api, String token, String query) {
        List<String> out = new ArrayList<>();
        ApiClient.Response r = api.get("/api/v1/findings?limit=1000&" + query, Optional.of(token));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        r.body().path("items").forEach(f -> out.add(f.path("rule").asText()));
        return out;
    }
}
