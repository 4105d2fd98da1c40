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

    /** Posts a JSON array to {@code /api/v1/imports/{kind}} with the admin token and answers the HTTP status. */
    public interface Importer {
        int post(String kind, String jsonArray);
    }

    /** Two licences (one end user with a comma and quotes in its name), four chips, one unlicensed. */
    public static void register(Importer api) {
        String lic = "\"exporter_id\": \"nvx\", \"site_id\": \"sg-1\", \"chip_count\": 10, \"conditions\": \"none\","
                + " \"valid_from\": \"2026-01-01\", \"valid_until\": \"2027-12-31\"";
        Map<String, String> imports = new java.util.LinkedHashMap<>();
        imports.put("organisations", """
                [{"id": "nvx", "name": "NVX", "kind": "EXPORTER", "country": "US"},
                 {"id": "acme", "name": "Acme, \\"Quoted\\" Compute", "kind": "END_USER", "country": "SG"},
                 {"id": "sgdc", "name": "SG Cloud", "kind": "CLOUD_OPERATOR", "country": "SG"}]""");
        imports.put("sites", """
                [{"id": "sg-1", "name": "Singapore 1", "operator_id": "sgdc", "country": "SG",
                  "latitude_deg": 1.29, "longitude_deg": 103.85, "zone_radius_km": 100}]""");
        imports.put(
                "licences",
                "[{\"id\": \"LIC-1\", \"end_user_id\": \"acme\", " + lic + "},"
                        + " {\"id\": \"LIC-2\", \"end_user_id\": \"sgdc\", " + lic + "}]");
        imports.put("chips", """
                [{"serial": "A-1", "model": "H100", "declared_site_id": "sg-1", "licence_id": "LIC-1"},
                 {"serial": "A-2", "model": "H100", "declared_site_id": "sg-1", "licence_id": "LIC-1"},
                 {"serial": "B-1", "model": "H100", "declared_site_id": "sg-1", "licence_id": "LIC-2"},
                 {"serial": "C-1", "model": "H100", "declared_site_id": "sg-1"}]""");
        imports.forEach(
                (kind, json) -> assertThat(api.post(kind, json)).as(kind).isEqualTo(201));
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
            register((kind, json) -> api.post("/api/v1/imports/" + kind, Optional.of(admin), "application/json", json)
                    .status());

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
