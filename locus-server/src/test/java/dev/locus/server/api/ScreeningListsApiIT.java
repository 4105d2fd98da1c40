package dev.locus.server.api;

import static dev.locus.server.api.PartyApiIT.party;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server screening against a folder of list files ({@code --screening-lists DIR}) and reloading it
 * ({@code POST /api/v1/screening/lists/reload}), over real HTTP on H2 and (when configured) PostgreSQL.
 */
class ScreeningListsApiIT {
    private static final String HEADER =
            "_id,source,entity_number,type,programs,name,addresses,alt_names,citizenships,dates_of_birth,nationalities,ids";
    private static final String EL = "Entity List (EL) - Bureau of Industry and Security";

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @TempDir
    Path dataDir;

    @TempDir
    Path listDir;

    private static String row(String id, String name, String country) {
        return String.join(
                ",", List.of(id, "\"" + EL + "\"", "", "Entity", "", "\"" + name + "\"", country, "", "", "", "", ""));
    }

    /** The folder's only CSL file becomes {@code name} with these rows. */
    private void csl(String name, String... rows) throws Exception {
        try (var old = Files.list(listDir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(listDir.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private static JsonNode listStatus(ApiClient api, String token) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            ApiClient.Response r = api.get("/api/v1/screening/lists", Optional.of(token));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            String state = r.body().path("state").asText();
            assertThat(state).isIn("LOADING", "READY");
            if (state.equals("READY") && !r.body().path("items").isEmpty()) {
                return r.body();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the lists never became ready: " + r.text());
            }
            Thread.sleep(20);
        }
    }

    private static List<String> changes(JsonNode hits) {
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.path("what").asText() + " "
                + h.path("party_id").asText() + " " + h.path("subject_key").asText()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void reload_storesTheChangedList_rescreens_isIdempotent_refusesABadFile_andNeedsAdmin(String engine)
            throws Exception {
        csl(
                "csl-2025-12-01.csv",
                row("el-1", "Atlas Sanatgaran", "AM"),
                row("el-2", "Zephyr Quantum Microsystems Limited", "HK"));
        ServerConfig config = ServerConfig.builder(dataDir)
                .port(0)
                .database(TestDatabases.freshConfig(engine))
                .rateLimits(1000, 1000)
                .screeningLists(listDir)
                .build();
        try (ControlPlane cp = ControlPlane.start(config, InstantSource.system())) {
            ApiClient api = new ApiClient(cp.port());
            String admin = Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();
            JsonNode ready = listStatus(api, admin);
            assertThat(ready.path("source").asText())
                    .isEqualTo(listDir.toAbsolutePath().normalize().toString());
            assertThat(ready.path("lists").asInt()).isEqualTo(1);
            assertThat(ready.path("entries").asInt()).isEqualTo(2);
            for (Map<String, Object> p : List.of(
                    party("atlas", "COMPANY", List.of("Atlas Sanatgaran"), "AM"),
                    party("orchid", "CONSIGNEE", List.of("Orchid Harbour Trading Private Limited"), "SG"))) {
                assertThat(api.postJson("/api/v1/parties", admin, p).status()).isEqualTo(201);
            }
            String officer = api.postJson("/api/v1/tokens", admin, Map.of("name", "off", "role", "COMPLIANCE_OFFICER"))
                    .body()
                    .path("token")
                    .asText();
            assertThat(api.postJson("/api/v1/screening/lists/reload", officer, Map.of())
                            .status())
                    .isEqualTo(403);

            csl(
                    "csl-2025-12-05.csv",
                    row("el-2", "Zephyr Quantum Microsystems Limited", "HK"),
                    row("el-3", "Orchid Harbour Trading Pte. Ltd.", "SG"));
            ApiClient.Response r = api.postJson("/api/v1/screening/lists/reload", admin, Map.of());
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.body().path("changed").asBoolean()).isTrue();
            JsonNode list = r.body().path("lists").get(0);
            assertThat(list.path("source").asText()).isEqualTo("CSL");
            assertThat(list.path("published_on").asText()).isEqualTo("2025-12-05");
            assertThat(list.path("sha256").asText()).hasSize(64);
            assertThat(list.path("entry_count").asInt()).isEqualTo(2);
            assertThat(list.path("added").asInt()).isEqualTo(1);
            assertThat(list.path("removed").asInt()).isEqualTo(1);
            assertThat(changes(r.body().path("hits")))
                    .containsExactlyInAnyOrder("RAISED orchid CSL:EL/el-3", "GONE atlas CSL:EL/el-1");
            JsonNode versions = api.get("/api/v1/screening/lists", Optional.of(admin))
                    .body()
                    .path("items");
            assertThat(versions.get(0).path("published_on").asText()).isEqualTo("2025-12-05");
            assertThat(versions.get(0).path("removed").asInt()).isEqualTo(1);

            ApiClient.Response same = api.postJson("/api/v1/screening/lists/reload", admin, Map.of());
            assertThat(same.status()).as(same.text()).isEqualTo(200);
            assertThat(same.body().path("changed").asBoolean()).isFalse();
            assertThat(same.body().path("hits")).isEmpty();

            csl("csl-2025-12-09.csv", row("el-3", "Orchid Harbour Trading Pte. Ltd.", "SG"), "el-4,oops");
            ApiClient.Response bad = api.postJson("/api/v1/screening/lists/reload", admin, Map.of());
            assertThat(bad.status()).as(bad.text()).isEqualTo(422);
            assertThat(bad.body().path("error").path("message").asText())
                    .contains("csl-2025-12-09.csv:3:", "expected 12 fields", "nothing changed");
            JsonNode after =
                    api.get("/api/v1/screening/lists", Optional.of(admin)).body();
            assertThat(after.path("items").size()).isEqualTo(versions.size());
            assertThat(after.path("state").asText()).isEqualTo("READY");

            JsonNode audit = api.get("/api/v1/audit?limit=1000", Optional.of(admin))
                    .body()
                    .path("items");
            assertThat(audit.findValuesAsText("action"))
                    .contains("screening.lists.updated", "screening.lists.unchanged");
        }
    }
}
