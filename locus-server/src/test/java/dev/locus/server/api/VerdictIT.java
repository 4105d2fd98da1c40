package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import dev.locus.server.alerts.Alert;
import dev.locus.server.ingest.ReceiptJson;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Receipts in, verdicts with evidence and verdict-driven alerts out, over HTTP. */
@SuppressWarnings("try") // a test's server is only closed, at its end
class VerdictIT extends ServerPerTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private final IssuedReceipts keys = new IssuedReceipts(29);

    private Map<String, Object> receipt(String landmark, String chip, double rttMs) {
        long nanos = Math.round(rttMs * 1e6);
        return ReceiptJson.toJson(keys.sign(landmark, chip, List.of(nanos + 20_000, nanos), Instant.now()));
    }

    private void setUp(ApiClient api, String admin) {
        Registrations registry = new Registrations(api, admin);
        registry.licensedSingaporeSite("SG", 100);
        for (String serial : List.of("HONEST", "DIVERTED", "BEIJING")) {
            registry.chip(serial, keys.deviceKey(serial).toBase64());
        }
        Map<String, double[]> positions = Map.of(
                "lm-sg", new double[] {1.35, 103.82},
                "lm-kl", new double[] {3.14, 101.69},
                "lm-hk", new double[] {22.32, 114.17},
                "lm-bj", new double[] {39.90, 116.40});
        positions.forEach((id, p) -> registry.landmark(
                id, id, p[0], p[1], keys.landmark(id, p[0], p[1]).toBase64()));
    }

    /**
     * Submits, as one batch, HONEST's receipts (0.3 ms from lm-sg, 3.0 ms from lm-kl) and then
     * {@code others}; asserts that all were accepted, and assesses the chips.
     */
    @SafeVarargs
    private void submitWithHonest(LocalServer server, Map<String, Object>... others) {
        List<Map<String, Object>> batch =
                new ArrayList<>(List.of(receipt("lm-sg", "HONEST", 0.3), receipt("lm-kl", "HONEST", 3.0)));
        batch.addAll(List.of(others));
        ApiClient.Response r = server.api().postJson("/api/v1/receipts", server.admin(), batch);
        assertThat(r.body().get("accepted").asInt()).as(r.text()).isEqualTo(batch.size());
        server.cp().assessPending();
    }

    /** A server assuming every landmark honest (F = 0: one landmark per chip in these fixtures), registry set up. */
    @Override
    LocalServer start(String engine, UnaryOperator<ServerConfig> config) {
        LocalServer server = super.start(engine, c -> config.apply(c.withToleratedLiars(0)));
        setUp(api, admin);
        return server;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void honestChipVerifies_divertedChipsRaiseProvenDiversionAlerts(String engine) throws Exception {
        try (LocalServer server = start(engine, c -> c)) {
            // Honest: 0.3 ms from the Singapore landmark bounds it within 45 km of it.
            // Diverted: 0.2 ms from Hong Kong, 2,500 km from the Singapore site.
            // Beijing: 0.1 ms from a Beijing landmark, deep inside CN.
            submitWithHonest(server, receipt("lm-hk", "DIVERTED", 0.2), receipt("lm-bj", "BEIJING", 0.1));

            JsonNode honest = api.get("/api/v1/chips/HONEST/verdicts", Optional.of(admin))
                    .body()
                    .get("items");
            JsonNode latest = honest.get(honest.size() - 1);
            assertThat(latest.get("verdicts").toString()).contains("IN_ZONE").contains("EXCLUDES_RESTRICTED");
            assertThat(latest.get("proven").asBoolean()).isTrue();
            JsonNode evidence =
                    ApiClient.JSON.readTree(latest.get("evidence_json").asText());
            assertThat(evidence.get("measurements")).hasSize(2);
            assertThat(evidence.get("bounding_discs").get(0).get("landmark_id").asText())
                    .isEqualTo("lm-sg");

            JsonNode diverted = api.get("/api/v1/chips/DIVERTED/verdicts", Optional.of(admin))
                    .body()
                    .get("items");
            assertThat(diverted.get(0).get("verdicts").toString()).contains("OUTSIDE_ZONE");
            JsonNode beijing = api.get("/api/v1/chips/BEIJING/verdicts", Optional.of(admin))
                    .body()
                    .get("items");
            assertThat(beijing.get(0).get("verdicts").toString()).contains("IN_RESTRICTED");

            JsonNode alerts =
                    api.get("/api/v1/alerts", Optional.of(admin)).body().get("items");
            List<String> raised = StreamSupport.stream(alerts.spliterator(), false)
                    .map(a -> a.get("subject_id").asText() + ":" + a.get("rule").asText())
                    .toList();
            assertThat(raised)
                    .contains("DIVERTED:OUTSIDE_ZONE", "BEIJING:IN_RESTRICTED", "BEIJING:OUTSIDE_ZONE")
                    .noneMatch(s -> s.startsWith("HONEST:"));

            ApiClient.Response report = api.get("/api/v1/chips/DIVERTED/report", Optional.of(admin));
            assertThat(report.body().get("latest_verdict").get("verdicts").toString())
                    .contains("OUTSIDE_ZONE");
            assertThat(report.body().get("last_verified").isNull()).isTrue();
            assertThat(report.body().get("alerts").get(0).get("rule").asText()).isEqualTo("OUTSIDE_ZONE");
            String csv = api.get("/api/v1/chips/DIVERTED/report?format=csv", Optional.of(admin))
                    .text();
            assertThat(csv).startsWith("section,item,field,value\n").contains("alerts,0,rule,OUTSIDE_ZONE");
            ApiClient.Response html = api.get("/api/v1/chips/HONEST/report?format=html", Optional.of(admin));
            assertThat(html.raw().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/html");
            assertThat(html.text())
                    .contains("Last proven compliant")
                    .contains("lm-sg")
                    .doesNotContain("<script");

            JsonNode licence =
                    api.get("/api/v1/licences/LIC-1/report", Optional.of(admin)).body();
            assertThat(licence.get("chips_registered").asInt()).isEqualTo(3);
            assertThat(licence.get("chips_licensed").asInt()).isEqualTo(10);
            Map<String, JsonNode> rows = new java.util.HashMap<>();
            licence.get("chips").forEach(c -> rows.put(c.get("serial").asText(), c));
            assertThat(rows.get("HONEST").get("unresolved_alerts")).isEmpty();
            assertThat(rows.get("HONEST").get("last_proven_at").isNull()).isFalse();
            assertThat(rows.get("DIVERTED").get("latest_verdicts").toString()).contains("OUTSIDE_ZONE");
            assertThat(rows.get("DIVERTED").get("last_proven_at").isNull()).isTrue();
            assertThat(rows.get("DIVERTED").get("unresolved_alerts").toString()).contains("OUTSIDE_ZONE");
            String licenceCsv = api.get("/api/v1/licences/LIC-1/report?format=csv", Optional.of(admin))
                    .text();
            assertThat(licenceCsv.lines().toList()).hasSize(4);
            assertThat(licenceCsv).startsWith("licence_id,serial,");
            long seqBefore = api.get("/api/v1/audit/head", Optional.of(admin))
                    .body()
                    .path("seq")
                    .asLong();
            HttpResponse<byte[]> licencePdf = api.bytes("/api/v1/licences/LIC-1/report?format=pdf", admin);
            assertThat(licencePdf.statusCode()).isEqualTo(200);
            assertThat(licencePdf.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/pdf");
            Files.createDirectories(Path.of("target/reports"));
            Files.write(Path.of("target/reports/licence-report-LIC-1-" + engine + ".pdf"), licencePdf.body());
            String licenceHtml = api.get("/api/v1/licences/LIC-1/report?format=html", Optional.of(admin))
                    .text();
            String licenceText;
            try (PDDocument doc = Loader.loadPDF(licencePdf.body())) {
                licenceText = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            for (String rendered : List.of(licenceText, licenceHtml)) {
                assertThat(rendered)
                        .contains("Licence LIC-1: 1 of 3 chips proven at the licensed site")
                        .contains("3 registered of 10 licensed")
                        .contains("HONEST", "DIVERTED", "BEIJING")
                        .contains("In licensed zone", "Outside licensed zone", "Outside zone alert #")
                        .doesNotContain("IN_ZONE")
                        .doesNotContain("OUTSIDE_ZONE")
                        .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d")
                        .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
                RecordedAuditHead.assertNamedIn(api, admin, rendered, seqBefore);
            }
            assertThat(licenceHtml).contains("<title>Licence LIC-1: 1 of 3 chips proven at the licensed site</title>");
            Files.writeString(Path.of("target/reports/licence-report-LIC-1-" + engine + ".html"), licenceHtml);
            assertThat(api.get("/api/v1/licences/NOPE/report", Optional.of(admin))
                            .status())
                    .isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void suspectLandmark_raisesAnAlertAndStopsCountingTowardsVerdicts(String engine) throws Exception {
        try (LocalServer server = start(engine, c -> c)) {
            api.postJson("/api/v1/receipts", admin, List.of(receipt("lm-sg", "HONEST", 0.3)));
            ApiClient.Response marked = api.postJson(
                    "/api/v1/landmarks/lm-sg/status",
                    admin,
                    Map.of("status", "SUSPECT", "reason", "mesh audit: faster than light to lm-kl"));
            assertThat(marked.status()).as(marked.text()).isEqualTo(200);
            JsonNode alerts =
                    api.get("/api/v1/alerts", Optional.of(admin)).body().get("items");
            assertThat(alerts.get(0).get("rule").asText()).isEqualTo("SUSPECT_LANDMARK");
            assertThat(alerts.get(0).get("subject_id").asText()).isEqualTo("lm-sg");
            ApiClient.Response assess =
                    api.post("/api/v1/chips/HONEST/assess", Optional.of(admin), "application/json", "");
            assertThat(assess.status()).isEqualTo(409);
            assertThat(assess.code()).isEqualTo("CONFLICT");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void configuredRestrictedList_drivesVerdictsTheBasemapAndThePolicyEndpoint(String engine) throws Exception {
        try (LocalServer server = start(engine, c -> c.withRestrictedJurisdictions(List.of("SG")))) {
            ControlPlane cp = server.cp();
            // HONEST is within 45 km of the Singapore landmark: its region now touches a restricted
            // jurisdiction. BEIJING is within 15 km of Beijing, which is no longer restricted.
            submitWithHonest(server, receipt("lm-bj", "BEIJING", 0.1));

            String honest = latestVerdicts(api, admin, "HONEST");
            assertThat(honest).contains("IN_ZONE").doesNotContain("RESTRICTED");
            String beijing = latestVerdicts(api, admin, "BEIJING");
            assertThat(beijing).contains("EXCLUDES_RESTRICTED", "OUTSIDE_ZONE").doesNotContain("IN_RESTRICTED");

            JsonNode policy = api.get("/api/v1/policy", Optional.of(admin)).body();
            assertThat(policy.get("restricted_jurisdictions").toString()).isEqualTo("[\"SG\"]");
            assertThat(policy.get("measurement_window").asText()).isEqualTo("PT24H");

            java.net.http.HttpResponse<byte[]> basemap = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                            "http://127.0.0.1:" + cp.port() + "/api/v1/dashboard/basemap.geojson"))
                                    .header("Authorization", "Bearer " + admin)
                                    .header("Accept-Encoding", "gzip")
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            JsonNode geo = ApiClient.JSON.readTree(
                    new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(basemap.body())));
            List<String> shaded = StreamSupport.stream(geo.get("features").spliterator(), false)
                    .filter(f -> f.get("properties").get("restricted").asBoolean())
                    .map(f -> f.get("properties").get("iso_a2").asText())
                    .toList();
            assertThat(shaded).containsExactly("SG");
        }
    }

    /**
     * The chip's latest verdicts. Waits for the first to be stored: the control plane's own 250 ms
     * assessment run may hold the chip when the test's {@code assessPending()} finds the queue empty.
     */
    private static String latestVerdicts(ApiClient api, String token, String serial) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        JsonNode items = api.get("/api/v1/chips/" + serial + "/verdicts", Optional.of(token))
                .body()
                .get("items");
        while (items.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            items = api.get("/api/v1/chips/" + serial + "/verdicts", Optional.of(token))
                    .body()
                    .get("items");
        }
        assertThat(items.size()).as("verdicts of %s", serial).isPositive();
        return items.get(items.size() - 1).get("verdicts").toString();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void chipReport_isTitledByItsConclusion_andReadsTheSameInHtmlPdfJsonAndCsv(String engine) throws Exception {
        try (LocalServer server = start(engine, c -> c)) {
            submitWithHonest(server, receipt("lm-hk", "DIVERTED", 0.77), receipt("lm-sg", "DIVERTED", 40.0));
            JsonNode headBefore =
                    api.get("/api/v1/audit/head", Optional.of(admin)).body();
            assertThat(headBefore.path("hash").asText()).hasSize(64);

            HttpResponse<byte[]> pdf = api.bytes("/api/v1/chips/DIVERTED/report?format=pdf", admin);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            Files.createDirectories(Path.of("target/reports"));
            Files.write(Path.of("target/reports/chip-report-DIVERTED-" + engine + ".pdf"), pdf.body());
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(doc.getDocumentInformation().getTitle())
                        .isEqualTo("Chip DIVERTED is outside its licensed zone");
            }
            assertThat(text)
                    .contains("Chip DIVERTED is outside its licensed zone")
                    .contains("Chip DIVERTED is not at its licensed site Singapore 1: it answered landmark lm-hk in"
                            + " 0.77 ms, so it is within 116 km of landmark lm-hk, at least 2,460 km from its licensed"
                            + " site Singapore 1.")
                    .contains("lm-hk", "lm-sg", "round trip (ms)", "0.77 ms", "40.0 ms")
                    .contains("OUTSIDE_ZONE")
                    .contains("Verdict history", "period of equal verdicts")
                    .contains("Round trip: 0.770 ms", "Proves compliance: no")
                    .doesNotContain("{\"")
                    .doesNotContain("rtt_nanos")
                    .doesNotContain("landmark_id")
                    .doesNotContain("bounding_discs");
            assertThat(text.replaceAll(".*Alerts ", ""))
                    .as("the alert says in words what the landmark proves, then its numbers")
                    .contains("It answered landmark lm-hk in 0.77 ms, so it is within 116 km of landmark lm-hk")
                    .contains("Max distance from site:");
            RecordedAuditHead.assertNamedIn(
                    api, admin, text, headBefore.path("seq").asLong());

            String html = api.get("/api/v1/chips/HONEST/report?format=html", Optional.of(admin))
                    .text();
            assertThat(html)
                    .contains("<title>Chip HONEST is at its licensed site</title>")
                    .contains("Chip HONEST is inside its licensed zone (100 km around Singapore 1)")
                    .contains("<svg")
                    .contains("lm-sg")
                    .contains("<path class=\"land\"")
                    .contains("Natural Earth")
                    .doesNotContain("Diversion report")
                    .doesNotContain("<script")
                    .contains("Verdict history")
                    .doesNotContain("{&quot;")
                    .doesNotContain("rtt_nanos");
            Files.write(
                    Path.of("target/reports/chip-report-HONEST-" + engine + ".pdf"),
                    api.bytes("/api/v1/chips/HONEST/report?format=pdf", admin).body());
            Files.writeString(Path.of("target/reports/chip-report-HONEST-" + engine + ".html"), html);
            JsonNode json =
                    api.get("/api/v1/chips/HONEST/report", Optional.of(admin)).body();
            assertThat(json.get("title").asText()).isEqualTo("Chip HONEST is at its licensed site");
            assertThat(json.get("conclusion").asText()).startsWith("Chip HONEST is inside its licensed zone");
            assertThat(api.get("/api/v1/chips/HONEST/report?format=csv", Optional.of(admin))
                            .text())
                    .contains("title,,,Chip HONEST is at its licensed site");
            ApiClient.Response bad = api.get("/api/v1/chips/HONEST/report?format=docx", Optional.of(admin));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.text()).contains("format").contains("docx").contains("pdf");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void chipReport_saysHowLongASilentChipHasBeenSilentNow_notWhenTheAlertOpened(String engine) throws Exception {
        try (LocalServer server = start(engine, c -> c)) {
            submitWithHonest(server);
            // opened after 16 s of silence, its last attestation now 3 hours ago
            server.cp()
                    .alerts()
                    .raise(
                            Alert.Rule.SILENT,
                            Alert.Severity.WARNING,
                            Alert.SubjectType.CHIP,
                            "HONEST",
                            "Chip HONEST has not attested for 16 s",
                            Map.of(
                                    "last_attestation_at",
                                    Instant.now().minus(Duration.ofHours(3)).toString(),
                                    "policy_seconds",
                                    15))
                    .orElseThrow();
            String pdfText;
            try (PDDocument doc = Loader.loadPDF(
                    api.bytes("/api/v1/chips/HONEST/report?format=pdf", admin).body())) {
                pdfText = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            String html = api.get("/api/v1/chips/HONEST/report?format=html", Optional.of(admin))
                    .text();
            for (String rendered : List.of(pdfText, html)) {
                assertThat(rendered)
                        .contains("Chip HONEST has not attested for 3 h (allowed: 15 s)")
                        .doesNotContain("has not attested for 16 s");
            }
        }
    }
}
