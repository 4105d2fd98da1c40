package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import dev.locus.server.dashboard.InventoryExport;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fleet inventory export (§4(c)) over HTTP: CSV and JSON, a licence filter, authentication. */
public class InventoryIT {
    public static final String ACME = "Acme, \"Quoted\" Compute";

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @TempDir
    Path dataDir;

    /** Posts a JSON body to a path with the admin token and answers the HTTP status. */
    public interface Poster {
        int post(String path, Map<String, Object> body);
    }

    /** Two licences (one end user with a comma and quotes in its name), four chips, one unlicensed. */
    public static void register(Poster api) {
        for (Map<String, Object> org : List.of(
                Map.<String, Object>of("id", "nvx", "name", "NVX", "kind", "EXPORTER", "country", "US"),
                Map.<String, Object>of("id", "acme", "name", ACME, "kind", "END_USER", "country", "SG"),
                Map.<String, Object>of("id", "sgdc", "name", "SG Cloud", "kind", "CLOUD_OPERATOR", "country", "SG"))) {
            assertThat(api.post("/api/v1/organisations", org)).isEqualTo(201);
        }
        assertThat(api.post(
                        "/api/v1/sites",
                        Map.of(
                                "id",
                                "sg-1",
                                "name",
                                "Singapore 1",
                                "operator_id",
                                "sgdc",
                                "country",
                                "SG",
                                "latitude_deg",
                                1.29,
                                "longitude_deg",
                                103.85,
                                "zone_radius_km",
                                100)))
                .isEqualTo(201);
        for (String[] l : List.of(new String[] {"LIC-1", "acme"}, new String[] {"LIC-2", "sgdc"})) {
            assertThat(api.post(
                            "/api/v1/licences",
                            Map.of(
                                    "id",
                                    l[0],
                                    "exporter_id",
                                    "nvx",
                                    "end_user_id",
                                    l[1],
                                    "site_id",
                                    "sg-1",
                                    "chip_count",
                                    10,
                                    "valid_from",
                                    "2026-01-01",
                                    "valid_until",
                                    "2027-12-31")))
                    .isEqualTo(201);
        }
        for (String[] c : List.of(
                new String[] {"A-1", "LIC-1"},
                new String[] {"A-2", "LIC-1"},
                new String[] {"B-1", "LIC-2"},
                new String[] {"C-1", null})) {
            Map<String, Object> chip =
                    new java.util.HashMap<>(Map.of("serial", c[0], "model", "H100", "declared_site_id", "sg-1"));
            if (c[1] != null) {
                chip.put("licence_id", c[1]);
            }
            assertThat(api.post("/api/v1/chips", chip)).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void inventory_listsEveryChipWithItsEndUser_quotesNames_filtersByLicence_andNeedsAToken(String engine)
            throws Exception {
        try (ControlPlane cp = ControlPlane.start(
                ServerConfig.defaults(dataDir)
                        .withPort(0)
                        .withDatabase(TestDatabases.freshConfig(engine))
                        .withRateLimits(1000, 1000),
                InstantSource.system())) {
            ApiClient api = new ApiClient(cp.port());
            String admin = Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();
            register((path, body) -> api.postJson(path, admin, body).status());

            ApiClient.Response csv = api.get("/api/v1/inventory?format=csv", Optional.of(admin));
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.raw().headers().firstValue("content-type").orElse(""))
                    .startsWith("text/csv");
            assertThat(csv.raw().headers().firstValue("content-disposition").orElse(""))
                    .contains("attachment")
                    .contains("locus-inventory.csv");
            // RFC 4180: a field with a comma or quote is quoted, its quotes doubled; lines end in CRLF
            assertThat(csv.text()).contains("\"Acme, \"\"Quoted\"\" Compute\"").contains("\r\n");
            List<CSVRecord> rows = parse(csv.text());
            assertThat(rows.get(0).toList()).isEqualTo(InventoryExport.COLUMNS);
            assertThat(rows.subList(1, rows.size()))
                    .extracting(r -> r.get(0))
                    .containsExactly("A-1", "A-2", "B-1", "C-1");
            CSVRecord a1 = rows.get(1);
            assertThat(a1.get(InventoryExport.COLUMNS.indexOf("end_user"))).isEqualTo(ACME);
            assertThat(a1.get(InventoryExport.COLUMNS.indexOf("licence"))).isEqualTo("LIC-1");
            assertThat(a1.get(InventoryExport.COLUMNS.indexOf("organisation"))).isEqualTo("SG Cloud");
            assertThat(a1.get(InventoryExport.COLUMNS.indexOf("licensed_site"))).isEqualTo("Singapore 1 (sg-1)");
            assertThat(a1.get(InventoryExport.COLUMNS.indexOf("licensed_country")))
                    .isEqualTo("SG");
            assertThat(a1.get(InventoryExport.COLUMNS.indexOf("status"))).isEqualTo("NO_VERDICT");
            assertThat(a1.get(InventoryExport.COLUMNS.indexOf("proven_region"))).isEqualTo("not proven");
            JsonNode head = api.get("/api/v1/audit/head", Optional.of(admin)).body();
            assertThat(a1.get(InventoryExport.COLUMNS.indexOf("audit_head")))
                    .isEqualTo(
                            head.path("seq").asLong() + ":" + head.path("hash").asText());
            assertThat(rows.get(4).get(InventoryExport.COLUMNS.indexOf("end_user")))
                    .isEmpty();

            List<CSVRecord> lic1 = parse(api.get("/api/v1/inventory?format=csv&licence=LIC-1", Optional.of(admin))
                    .text());
            assertThat(lic1.subList(1, lic1.size())).extracting(r -> r.get(0)).containsExactly("A-1", "A-2");

            JsonNode json = api.get("/api/v1/inventory?format=json&licence=LIC-2", Optional.of(admin))
                    .body();
            assertThat(json.path("count").asInt()).isEqualTo(1);
            assertThat(json.path("chips").get(0).path("serial").asText()).isEqualTo("B-1");
            assertThat(json.path("chips").get(0).path("end_user").asText()).isEqualTo("SG Cloud");
            assertThat(json.path("audit_head").path("hash").asText()).hasSize(64);

            assertThat(api.get("/api/v1/inventory?format=csv", Optional.empty()).status())
                    .isEqualTo(401);
            ApiClient.Response unknown = api.get("/api/v1/inventory?licence=NOPE", Optional.of(admin));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.text()).contains("NOPE");
            ApiClient.Response bad = api.get("/api/v1/inventory?format=xml", Optional.of(admin));
            assertThat(bad.status()).isBetween(400, 422);
            assertThat(bad.text()).contains("format").contains("csv");
        }
    }

    static List<CSVRecord> parse(String csv) throws java.io.IOException {
        try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            return p.getRecords();
        }
    }
}
