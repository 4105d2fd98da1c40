package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard's files and views over real HTTP, without a browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiIT {
    private LiveServer server;
    private Http http;
    private String admin;
    private String auditor;
    private final HttpClient raw = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        server = LiveServer.start("locus-dashboard-api-it", c -> c.withToleratedLiars(0));
        http = server.http();
        admin = server.admin();
        DemoFleet fleet = server.demoFleet();
        auditor = fleet.token("auditor", "AUDITOR");
        // verdicts and their alerts are written by the assessment workers: wait for them
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (http.get("/api/v1/dashboard/summary", admin)
                                .json()
                                .get("fleet")
                                .get("by_status")
                                .get("NO_VERDICT")
                                .asInt()
                        != 2
                || !http.get("/api/v1/alerts?rule=IN_RESTRICTED", admin).text().contains(DemoFleet.IN_CHINA)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the demo fleet's verdicts and alerts did not appear within 60 s");
            }
            server.cp().assessPending();
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return raw.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void pageIsServedWithoutAToken_withAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<byte[]> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body())).contains("<script type=\"module\" src=\"js/main.js\">");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("connect-src 'self'");
        assertThat(get("/js/main.js").headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/javascript");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void statusTable_isServedFromTheEnum_asThePageImportsIt() throws Exception {
        HttpResponse<byte[]> table = get(Dashboard.STATUS_TABLE);
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        List<ChipStatus.Look> served = List.of(Http.JSON.readValue(table.body(), ChipStatus.Look[].class));
        assertThat(served).isEqualTo(ChipStatus.table());
        assertThat(served.stream().map(ChipStatus.Look::key))
                .containsExactly(
                        Arrays.stream(ChipStatus.values()).map(Enum::name).toArray(String[]::new));
        assertThat(new String(get("/js/verdicts.js").body())).contains("from './statuses.json'");
        String etag = table.headers().firstValue("ETag").orElseThrow();
        assertThat(get(Dashboard.STATUS_TABLE, "If-None-Match", etag).statusCode())
                .isEqualTo(304);
    }

    /**
     * Every view's JSON keeps its shape: member names in order, and each value's kind (text, whole
     * or decimal number, boolean, null), elements of an array merged. Pinned in {@code
     * view-shapes.txt}, so that a change of how a view is built (maps or records) cannot change what
     * clients read; a mismatch writes the actual shapes to {@code target/view-shapes.actual.txt}.
     */
    @Test
    void views_keepTheirJsonShape() throws Exception {
        StringBuilder actual = new StringBuilder();
        for (String view : List.of(
                "summary",
                "chips?limit=3",
                "chips/" + DemoFleet.DIVERTED,
                "chips/" + DemoFleet.DIVERTED + "/periods",
                "alerts?limit=5",
                "landmarks")) {
            JsonNode answer = http.get("/api/v1/dashboard/" + view, auditor).json();
            actual.append(view.replaceAll("/[A-Z0-9][A-Z0-9-]+", "/{serial}"))
                    .append('\n')
                    .append(shape(answer))
                    .append("\n\n");
        }
        // a region's features are GeoJSON; its verdict is the view's own
        actual.append("chips/{serial}/region: verdict\n")
                .append(shape(http.get("/api/v1/dashboard/chips/" + DemoFleet.DIVERTED + "/region", auditor)
                        .json()
                        .get("verdict")))
                .append("\n\n");
        String expected;
        try (var in = DashboardApiIT.class.getResourceAsStream("view-shapes.txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (!actual.toString().equals(expected)) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "view-shapes.actual.txt"), actual);
        }
        assertThat(actual.toString()).isEqualTo(expected);
    }

    /**
     * Members that pass stored JSON documents through as they were stored (verdict and alert
     * evidence): their insides are not the views' to shape.
     */
    private static final java.util.Set<String> STORED_JSON =
            java.util.Set.of("evidence", "policy", "receipts", "contradictions");

    /** Names and kinds of a JSON value (see {@link #views_keepTheirJsonShape}). */
    private static String shape(JsonNode n) {
        if (n.isObject()) {
            List<String> members = new ArrayList<>();
            n.properties()
                    .forEach(e -> members.add(
                            e.getKey() + ": " + (STORED_JSON.contains(e.getKey()) ? "stored" : shape(e.getValue()))));
            return "{" + String.join(", ", members) + "}";
        }
        if (n.isArray()) {
            java.util.Set<String> kinds = new java.util.TreeSet<>();
            n.forEach(e -> kinds.add(shape(e)));
            return "[" + String.join(" | ", kinds) + "]";
        }
        if (n.isTextual()) {
            return "text";
        }
        if (n.isIntegralNumber()) {
            return "int";
        }
        if (n.isNumber()) {
            return "decimal";
        }
        return n.isBoolean() ? "boolean" : "null";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/../pom.xml", "/.hidden", "/js/../../dev/locus/server/Json.class", "/nope.html", "/js/", "/nope"
            })
    void onlyFilesOfTheStaticFolderArePublic_anyOtherPathNeedsAToken(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as(path).isIn(400, 401);
        assertThat(new String(r.body())).doesNotContain("<project", "dev/locus");
        assertThat(http.get("/nope.html", admin).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/dashboard/summary", "/api/v1/dashboard/basemap.geojson", "/api/v1/dashboard/me"})
    void dashboardViewsNeedAToken(String path) {
        Http.Response r = http.get(path, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void summary_countsEveryChipOnceInEachGrouping() {
        JsonNode s = http.get("/api/v1/dashboard/summary", auditor).json();
        int total = s.get("fleet").get("total").asInt();
        assertThat(total).isEqualTo(DemoFleet.CHIPS);
        for (String grouping : List.of("sites", "licences", "organisations")) {
            int sum = 0;
            for (JsonNode row : s.get(grouping)) {
                int rowTotal = row.get("chips").get("total").asInt();
                int byVerdict = 0;
                for (JsonNode n : row.get("chips").get("by_status")) {
                    byVerdict += n.asInt();
                }
                assertThat(byVerdict).as(grouping + " " + row.get("id")).isEqualTo(rowTotal);
                sum += rowTotal;
            }
            assertThat(sum).as(grouping).isEqualTo(total);
        }
        JsonNode v = s.get("fleet").get("by_status");
        assertThat(v.get("IN_ZONE").asInt()).isEqualTo(DemoFleet.HONEST_SG.size() + DemoFleet.HONEST_KL.size());
        assertThat(v.get("OUTSIDE_ZONE").asInt()).isEqualTo(1);
        assertThat(v.get("IN_RESTRICTED").asInt()).isEqualTo(1);
        assertThat(v.get("NO_VERDICT").asInt()).isEqualTo(2);
        assertThat(s.get("landmarks")).hasSize(DemoFleet.LANDMARKS.size());
    }

    @Test
    void chipList_filtersByVerdictAndSerial_andPages() {
        JsonNode diverted = http.get("/api/v1/dashboard/chips?verdict=OUTSIDE_ZONE", auditor)
                .json();
        assertThat(diverted.get("items")).hasSize(1);
        assertThat(diverted.get("items").get(0).get("serial").asText()).isEqualTo(DemoFleet.DIVERTED);
        List<String> serials = new ArrayList<>();
        String after = "";
        do {
            JsonNode page = http.get("/api/v1/dashboard/chips?q=sg-&limit=2&after=" + after, auditor)
                    .json();
            page.get("items").forEach(c -> serials.add(c.get("serial").asText()));
            after = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asText();
        } while (after != null);
        assertThat(serials)
                .hasSize(DemoFleet.HONEST_SG.size() + 2)
                .allMatch(x -> x.startsWith("SG-"))
                .isSorted();
        // a bad parameter is VALIDATION_FAILED (422) naming it, as on every route of the API
        assertThat(http.get("/api/v1/dashboard/chips?limit=0", auditor).status())
                .isEqualTo(422);
        assertThat(http.get("/api/v1/dashboard/chips?verdict=MAYBE", auditor).status())
                .isEqualTo(422);
    }

    @Test
    void theDivertedChip_andItsOpenAlert_sayInWordsWhereItIs() {
        JsonNode d = http.get("/api/v1/dashboard/chips/" + DemoFleet.DIVERTED, auditor)
                .json();
        assertThat(d.get("finding").get("title").asText())
                .isEqualTo("Chip " + DemoFleet.DIVERTED + " is outside its licensed zone");
        String conclusion = d.get("finding").get("conclusion").asText();
        assertThat(conclusion)
                .startsWith(
                        "Chip " + DemoFleet.DIVERTED + " is not at its licensed site Singapore Jurong DC: it answered")
                .containsPattern(
                        "in 0\\.30 ms, so it is within 45 km of .*, at least [0-9,]+ km from its licensed site");
        List<String> findings = new ArrayList<>();
        d.get("alerts").forEach(a -> {
            if (a.get("rule").asText().equals("OUTSIDE_ZONE")) {
                findings.add(a.path("finding").asText());
            }
        });
        assertThat(findings).containsExactly(conclusion);
        JsonNode periods = d.get("periods");
        assertThat(periods.get("total_assessments").asLong()).isPositive();
        assertThat(periods.get("items").get(0).get("headline").asText()).isEqualTo("OUTSIDE_ZONE");
    }

    @Test
    void region_ofTheDivertedChip_hasSiteZoneDiscsAndOutline() {
        JsonNode geo = http.get("/api/v1/dashboard/chips/" + DemoFleet.DIVERTED + "/region", auditor)
                .json();
        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        List<String> roles = new ArrayList<>();
        geo.get("features")
                .forEach(f -> roles.add(f.get("properties").get("role").asText()));
        assertThat(roles).contains("declared_site", "licensed_zone", "disc", "landmark", "region");
        assertThat(geo.get("verdict").get("headline").asText()).isEqualTo("OUTSIDE_ZONE");
        assertThat(geo.get("verdict").get("region_drawn").asBoolean()).isTrue();
        long verdictId = geo.get("verdict").get("id").asLong();
        assertThat(http.get("/api/v1/dashboard/chips/" + DemoFleet.DIVERTED + "/region?verdict=" + verdictId, auditor)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/dashboard/chips/" + DemoFleet.IN_CHINA + "/region?verdict=" + verdictId, auditor)
                        .status())
                .as("another chip's verdict")
                .isEqualTo(404);
        assertThat(http.get("/api/v1/dashboard/chips/NO-SUCH-CHIP/region", auditor)
                        .status())
                .isEqualTo(404);
        JsonNode never = http.get("/api/v1/dashboard/chips/" + DemoFleet.NEVER_MEASURED + "/region", auditor)
                .json();
        assertThat(never.get("verdict").isNull()).isTrue();
        assertThat(never.get("features")).hasSize(2);
    }

    @Test
    void alertQueue_sortsBySeverityOrAge_andFilters() {
        JsonNode bySeverity =
                http.get("/api/v1/dashboard/alerts?sort=severity", auditor).json();
        assertThat(bySeverity.get("items").get(0).get("severity").asText()).isEqualTo("CRITICAL");
        JsonNode restricted =
                http.get("/api/v1/dashboard/alerts?rule=IN_RESTRICTED", auditor).json();
        assertThat(restricted.get("matching").asInt()).isEqualTo(1);
        assertThat(restricted.get("items").get(0).get("subject_id").asText()).isEqualTo(DemoFleet.IN_CHINA);
        assertThat(http.get("/api/v1/dashboard/alerts?status=CLOSED", auditor).status())
                .isEqualTo(422);
    }

    @Test
    void basemap_isGzippedNaturalEarth_withRestrictedJurisdictionsMarked() throws Exception {
        HttpResponse<byte[]> r = get(
                "/api/v1/dashboard/basemap.geojson", "Authorization", "Bearer " + auditor, "Accept-Encoding", "gzip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        JsonNode geo = Http.JSON.readTree(new GZIPInputStream(new java.io.ByteArrayInputStream(r.body())));
        List<String> restricted = new ArrayList<>();
        geo.get("features").forEach(f -> {
            if (f.get("properties").get("restricted").asBoolean()) {
                restricted.add(f.get("properties").get("iso_a2").asText());
            }
        });
        assertThat(restricted).containsExactlyInAnyOrder("CN", "HK", "MO");
        assertThat(geo.get("features").size()).isGreaterThan(200);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/api/v1/dashboard/basemap.geojson", "Authorization", "Bearer " + auditor, "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void me_tellsTheRoleAndItsPermissions() {
        JsonNode me = http.get("/api/v1/dashboard/me", auditor).json();
        assertThat(me.get("role").asText()).isEqualTo("AUDITOR");
        List<String> permissions = new ArrayList<>();
        me.get("permissions").forEach(p -> permissions.add(p.asText()));
        assertThat(permissions).contains("READ").doesNotContain("MANAGE_ALERTS", "WRITE_REGISTRY");
    }
}
