package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parties and ownership over real HTTP against the embedded database (and PostgreSQL when configured). */
@SuppressWarnings("try") // a test's server is only closed, at its end
class PartyApiIT extends ServerPerTest {
    static Map<String, Object> party(String id, String kind, List<String> names, String country) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("kind", kind);
        p.put("names", names);
        p.put("country_of_incorporation", country);
        return p;
    }

    private static void created(ApiClient.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private static void link(ApiClient api, String token, String owned, String owner, double percent) {
        created(api.postJson(
                "/api/v1/parties/" + owned + "/owners",
                token,
                Map.of("owner_id", owner, "percent", percent, "valid_from", "2024-03-01")));
    }

    @ParameterizedTest
    @MethodSource("dev.locus.server.TestDatabases#engines")
    void ownership_throughTwoHoldings_isAggregatedWithItsPath(String engine) throws Exception {
        try (LocalServer server = start(engine)) {
            Map<String, Object> buyer = party("sg-buyer", "CONSIGNEE", List.of("Lion Gate Compute Pte. Ltd."), "SG");
            buyer.put("incorporated_on", "2024-02-14");
            buyer.put("registration_numbers", List.of("UEN 202405123K", "LEI:5493001KJTIIGC8Y1R12"));
            created(api.postJson("/api/v1/parties", admin, buyer));
            created(api.postJson(
                    "/api/v1/parties",
                    admin,
                    party("hold-hk", "COMPANY", List.of("Harbour Crest Holdings Limited", "港峰控股有限公司"), "HK")));
            created(api.postJson(
                    "/api/v1/parties", admin, party("hold-vg", "COMPANY", List.of("Bright Isle Ventures Ltd."), "VG")));
            created(api.postJson(
                    "/api/v1/parties",
                    admin,
                    party(
                            "parent-cn",
                            "COMPANY",
                            List.of("武汉三江进出口有限公司", "Wuhan Sanjiang Import and Export Co. Ltd"),
                            "CN")));
            link(api, admin, "hold-vg", "parent-cn", 100);
            link(api, admin, "hold-hk", "hold-vg", 100);
            link(api, admin, "sg-buyer", "hold-hk", 60);

            ApiClient.Response report = api.get("/api/v1/parties/sg-buyer/ownership?on=2025-01-01", Optional.of(admin));
            assertThat(report.status()).as(report.text()).isEqualTo(200);
            JsonNode owners = report.body().path("owners");
            assertThat(owners).hasSize(3);
            JsonNode parent = byId(owners, "parent-cn");
            assertThat(parent.path("aggregate_percent").asDouble())
                    .isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(parent.path("paths").get(0).path("parties").toString())
                    .isEqualTo("[\"parent-cn\",\"hold-vg\",\"hold-hk\",\"sg-buyer\"]");
            assertThat(report.body().path("disclosed_percent").asDouble()).isEqualTo(60.0);
            assertThat(report.body().path("findings").findValuesAsText("type")).contains("OWNERSHIP_UNKNOWN");
            assertThat(report.body().path("links")).hasSize(3);
            // before the links were valid, nobody owns the buyer
            JsonNode before = api.get("/api/v1/parties/sg-buyer/ownership?on=2024-01-01", Optional.of(admin))
                    .body();
            assertThat(before.path("owners")).isEmpty();
        }
    }

    private static JsonNode byId(JsonNode items, String id) {
        for (JsonNode n : items) {
            if (n.path("party_id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + items);
    }

    @ParameterizedTest
    @MethodSource("dev.locus.server.TestDatabases#engines")
    void changes_areValidatedAuditedAndGuarded(String engine) throws Exception {
        try (LocalServer server = start(engine)) {
            created(api.postJson("/api/v1/parties", admin, party("a", "DISTRIBUTOR", List.of("Alpha Trading"), "MY")));
            created(api.postJson("/api/v1/parties", admin, party("b", "COMPANY", List.of("Beta Holdings"), "MY")));
            created(api.postJson("/api/v1/parties", admin, party("c", "PERSON", List.of("Chen Wei", "陈伟"), "CN")));

            assertThat(api.postJson("/api/v1/parties", admin, party("a", "DISTRIBUTOR", List.of("Again"), "MY"))
                            .status())
                    .isEqualTo(409);
            Map<String, Object> bad = party("d", "SMUGGLER", List.of(), "Malaysia");
            bad.put("colour", "red");
            ApiClient.Response invalid = api.postJson("/api/v1/parties", admin, bad);
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.body().path("error").path("problems").findValuesAsText("field"))
                    .contains("kind", "names", "country_of_incorporation", "colour");
            ApiClient.Response nested = api.post(
                    "/api/v1/parties", Optional.of(admin), "application/json", "{\"id\":\"e\",\"names\":[[\"x\"]]}");
            assertThat(nested.status()).isIn(400, 422);

            link(api, admin, "a", "b", 70);
            ApiClient.Response tooMuch = api.postJson(
                    "/api/v1/parties/a/owners",
                    admin,
                    Map.of("owner_id", "c", "percent", 40, "valid_from", "2024-01-01"));
            assertThat(tooMuch.status()).as(tooMuch.text()).isEqualTo(409);
            assertThat(tooMuch.text()).contains("110.0000 %");
            ApiClient.Response unknownOwner =
                    api.postJson("/api/v1/parties/a/owners", admin, Map.of("owner_id", "nobody", "percent", 10));
            assertThat(unknownOwner.status()).isEqualTo(422);
            link(api, admin, "a", "c", 30);

            Map<String, Object> renamed = party("a", "DISTRIBUTOR", List.of("Alpha Trading Sdn. Bhd."), "MY");
            renamed.put("revision", 1);
            ApiClient.Response updated = api.putJson("/api/v1/parties/a", admin, renamed);
            assertThat(updated.status()).as(updated.text()).isEqualTo(200);
            assertThat(updated.body().path("revision").asInt()).isEqualTo(2);
            assertThat(api.putJson("/api/v1/parties/a", admin, renamed).status())
                    .as("a stale revision")
                    .isEqualTo(409);
            assertThat(api.get("/api/v1/parties/a", Optional.of(admin))
                            .body()
                            .path("names")
                            .get(0)
                            .asText())
                    .isEqualTo("Alpha Trading Sdn. Bhd.");

            assertThat(api.delete("/api/v1/parties/b", admin).status())
                    .as("b owns a")
                    .isEqualTo(409);
            String linkId = api.get("/api/v1/parties/a/owners", Optional.of(admin))
                    .body()
                    .path("items")
                    .get(0)
                    .path("id")
                    .asText();
            assertThat(api.delete("/api/v1/parties/a/owners/" + linkId, admin).status())
                    .isEqualTo(204);
            assertThat(api.delete("/api/v1/parties/b", admin).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/parties/b", Optional.of(admin)).status())
                    .isEqualTo(404);

            ApiClient.Response page = api.get("/api/v1/parties?limit=1", Optional.of(admin));
            assertThat(page.body().path("items")).hasSize(1);
            assertThat(page.body().path("next_cursor").asText()).isEqualTo("a");

            JsonNode audit = api.get("/api/v1/audit?limit=1000", Optional.of(admin))
                    .body()
                    .path("items");
            assertThat(audit.findValuesAsText("action"))
                    .contains("party.create", "party.update", "party.delete", "ownership.link", "ownership.unlink");

            String auditor = api.postJson("/api/v1/tokens", admin, Map.of("name", "aud", "role", "AUDITOR"))
                    .body()
                    .path("token")
                    .asText();
            assertThat(api.postJson("/api/v1/parties", auditor, party("z", "COMPANY", List.of("Z"), "SG"))
                            .status())
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/parties/a/ownership", Optional.of(auditor))
                            .status())
                    .isEqualTo(200);
        }
    }
}
