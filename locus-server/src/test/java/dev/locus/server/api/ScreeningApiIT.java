package dev.locus.server.api;

import static dev.locus.server.api.PartyApiIT.party;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.compliance.ComplianceModule;
import dev.locus.compliance.screening.HitChange;
import dev.locus.screening.list.EntryType;
import dev.locus.screening.list.ListEntry;
import dev.locus.screening.list.ListVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Screening in the control plane over real HTTP, on H2 and (when configured) PostgreSQL. */
@SuppressWarnings("try") // a test's server is only closed, at its end
class ScreeningApiIT extends ServerPerTest {
    private static JsonNode hits(ApiClient api, String token, String query) {
        ApiClient.Response r = api.get("/api/v1/screening/hits?" + query, Optional.of(token));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().path("items");
    }

    private static JsonNode only(JsonNode items, String kind) {
        List<JsonNode> out = new ArrayList<>();
        items.forEach(h -> {
            if (h.path("kind").asText().equals(kind)) {
                out.add(h);
            }
        });
        assertThat(out).as(kind + " in " + items).hasSize(1);
        return out.getFirst();
    }

    private static JsonNode byKey(JsonNode items, String subjectKey) {
        for (JsonNode h : items) {
            if (h.path("subject_key").asText().equals(subjectKey)) {
                return h;
            }
        }
        throw new AssertionError("no hit " + subjectKey + " in " + items);
    }

    /** Saves party {@code id} as {@code party}: the status of its one list-match hit then. */
    private static String listMatchStatusOnceSaved(ApiClient api, String admin, String id, Map<String, ?> party) {
        assertThat(api.putJson("/api/v1/parties/" + id, admin, party).status()).isEqualTo(200);
        return only(hits(api, admin, "party_id=" + id), "LIST_MATCH")
                .path("status")
                .asText();
    }

    private static ApiClient.Response decide(ApiClient api, String token, long id, String decision, String reason) {
        return api.postJson(
                "/api/v1/screening/hits/" + id + "/decision", token, Map.of("decision", decision, "reason", reason));
    }

    @ParameterizedTest
    @MethodSource("dev.locus.server.TestDatabases#engines")
    void match_answersABatchInTheShapeOfTheCli(String engine) throws Exception {
        try (LocalServer server = start(engine)) {
            ApiClient.Response r = api.postJson(
                    "/api/v1/screening/match",
                    admin,
                    List.of(
                            Map.of("name", "Wuhan Sanjiang Import & Export Company Limited", "country", "CN"),
                            Map.of("name", "Lion Gate Compute Pte. Ltd.", "country", "SG")));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            JsonNode first = r.body().path("results").get(0);
            assertThat(first.path("row").asInt()).isEqualTo(1);
            assertThat(first.path("query").path("country").asText()).isEqualTo("CN");
            JsonNode m = first.path("matches").get(0);
            assertThat(m.path("source").asText()).isEqualTo("OFAC-SDN");
            assertThat(m.path("entry_id").asText()).isEqualTo("23063");
            assertThat(m.path("decision").asText()).isEqualTo("MATCH");
            assertThat(m.path("explanation").findValuesAsText("feature")).contains("name", "country");
            assertThat(r.body().path("results").get(1).path("matches")).isEmpty();

            ApiClient.Response bad = api.postJson(
                    "/api/v1/screening/match", admin, List.of(Map.of("name", "x", "country", "Atlantis", "dob", "1")));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.body().path("error").path("problems").findValuesAsText("field"))
                    .contains("country", "dob");
            // the versions are recorded by the loading thread just after the lists are usable
            JsonNode lists = api.get("/api/v1/screening/lists", Optional.of(admin))
                    .body()
                    .path("items");
            for (long deadline = System.nanoTime() + 60_000_000_000L;
                    lists.isEmpty() && System.nanoTime() < deadline; ) {
                Thread.sleep(50);
                lists = api.get("/api/v1/screening/lists", Optional.of(admin))
                        .body()
                        .path("items");
            }
            assertThat(lists.findValuesAsText("source")).contains("UN", "OFAC-SDN", "CSL");
            assertThat(lists.findValuesAsText("sha256"))
                    .allSatisfy(h -> assertThat(h).hasSize(64));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.locus.server.TestDatabases#engines")
    void hits_haveALifecycle_andOwnershipHitsFollowTheListedOwner(String engine) throws Exception {
        try (LocalServer server = start(engine)) {
            Map<String, Object> parent =
                    party("parent-cn", "COMPANY", List.of("Wuhan Sanjiang Import and Export Co., Ltd."), "CN");
            assertThat(api.postJson("/api/v1/parties", admin, parent).status()).isEqualTo(201);
            for (String id : List.of("hold-1", "hold-2")) {
                assertThat(api.postJson("/api/v1/parties", admin, party(id, "COMPANY", List.of("Holding " + id), "HK"))
                                .status())
                        .isEqualTo(201);
            }
            Map<String, Object> buyer = party("buyer", "CONSIGNEE", List.of("Lion Gate Compute Pte. Ltd."), "SG");
            buyer.put("incorporated_on", "2024-02-14");
            assertThat(api.postJson("/api/v1/parties", admin, buyer).status()).isEqualTo(201);
            api.postJson("/api/v1/parties/hold-1/owners", admin, Map.of("owner_id", "parent-cn", "percent", 100));
            api.postJson("/api/v1/parties/hold-2/owners", admin, Map.of("owner_id", "hold-1", "percent", 100));
            api.postJson("/api/v1/parties/buyer/owners", admin, Map.of("owner_id", "hold-2", "percent", 60));

            JsonNode listHit = only(hits(api, admin, "party_id=parent-cn"), "LIST_MATCH");
            assertThat(listHit.path("subject_key").asText()).isEqualTo("OFAC-SDN/23063");
            assertThat(listHit.path("status").asText()).isEqualTo("OPEN");
            assertThat(listHit.path("explanation").path("features").findValuesAsText("feature"))
                    .contains("name");
            JsonNode owned = byKey(hits(api, admin, "party_id=buyer"), "OWNERSHIP:OFAC-50-PERCENT");
            assertThat(owned.path("score").asDouble()).isEqualTo(0.6);
            assertThat(owned.path("explanation")
                            .path("paths")
                            .get(0)
                            .path("parties")
                            .findValuesAsText("id"))
                    .containsExactly("parent-cn", "hold-1", "hold-2", "buyer");
            assertThat(hits(api, admin, "party_id=buyer&status=OPEN").findValuesAsText("kind"))
                    .containsOnly("OWNERSHIP");

            // dismissing the listed owner's hit withdraws the designation: the buyer's hit is gone
            long listId = listHit.path("id").asLong();
            assertThat(decide(api, admin, listId, "dismiss", "").status()).isEqualTo(422);
            ApiClient.Response dismissed =
                    decide(api, admin, listId, "dismiss", "different company: Wuhan, Hubei vs Wuhan Sanjiang in Hunan");
            assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);
            assertThat(dismissed.body().path("status").asText()).isEqualTo("DISMISSED");
            assertThat(dismissed.body().path("decided_by").asText()).isNotBlank();
            assertThat(decide(api, admin, listId, "dismiss", "again").status()).isEqualTo(409);
            assertThat(byKey(hits(api, admin, "party_id=buyer"), "OWNERSHIP:OFAC-50-PERCENT")
                            .path("status")
                            .asText())
                    .isEqualTo("GONE");
            // 40 % of the buyer's owners are not known: that is a finding of its own
            JsonNode unknown = byKey(hits(api, admin, "party_id=buyer"), "OWNERSHIP:UNKNOWN");
            assertThat(unknown.path("status").asText()).isEqualTo("OPEN");
            assertThat(unknown.path("explanation").path("undisclosed_percent").asDouble())
                    .isEqualTo(40.0);

            // saving the party unchanged does not raise the dismissed hit again; changing it does
            assertThat(listMatchStatusOnceSaved(api, admin, "parent-cn", parent))
                    .isEqualTo("DISMISSED");
            parent.put("aliases", List.of("WSIEC"));
            assertThat(listMatchStatusOnceSaved(api, admin, "parent-cn", parent))
                    .isEqualTo("OPEN");

            // confirming it makes the buyer's ownership hit open again
            assertThat(decide(api, admin, listId, "confirm", "same USCCC 91420112711981060J")
                            .status())
                    .isEqualTo(200);
            JsonNode back = byKey(hits(api, admin, "party_id=buyer"), "OWNERSHIP:OFAC-50-PERCENT");
            assertThat(back.path("status").asText()).isEqualTo("OPEN");
            assertThat(decide(api, admin, back.path("id").asLong(), "confirm", "ownership verified")
                            .status())
                    .isEqualTo(200);
            assertThat(decide(api, admin, 999_999, "confirm", "x").status()).isEqualTo(404);

            String auditor = api.postJson("/api/v1/tokens", admin, Map.of("name", "aud", "role", "AUDITOR"))
                    .body()
                    .path("token")
                    .asText();
            assertThat(decide(api, auditor, listId, "dismiss", "no").status()).isEqualTo(403);
            JsonNode audit = api.get("/api/v1/audit?limit=1000", Optional.of(admin))
                    .body()
                    .path("items");
            assertThat(audit.findValuesAsText("action"))
                    .contains(
                            "screening.hit.raised",
                            "screening.hit.dismissed",
                            "screening.hit.gone",
                            "screening.hit.reraised",
                            "screening.hit.confirmed");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.locus.server.TestDatabases#engines")
    void aListUpdate_rescreensEveryParty_andReportsOnlyWhatChanged(String engine) throws Exception {
        try (LocalServer server = start(engine)) {
            for (int i = 0; i < 30; i++) {
                api.postJson("/api/v1/parties", admin, party("p" + i, "END_USER", List.of("Quiet Trader " + i), "SG"));
            }
            assertThat(api.postJson(
                                    "/api/v1/parties",
                                    admin,
                                    party(
                                            "orchid",
                                            "CONSIGNEE",
                                            List.of("Orchid Harbour Trading Private Limited"),
                                            "SG"))
                            .status())
                    .isEqualTo(201);
            assertThat(hits(api, admin, "party_id=orchid").findValuesAsText("kind"))
                    .doesNotContain("LIST_MATCH");
            ComplianceModule compliance = server.cp().compliance();
            List<ListVersion> now = compliance.screening().lists().loaded().versions();
            List<ListVersion> updated = new ArrayList<>();
            for (ListVersion v : now) {
                if (!v.source().equals("UN")) {
                    updated.add(v);
                    continue;
                }
                List<ListEntry> entries = new ArrayList<>(v.entries());
                entries.add(ListEntry.named(
                        "UN",
                        "QDe.999",
                        EntryType.ENTITY,
                        "ORCHID HARBOUR TRADING PTE. LTD.",
                        Set.of("SG"),
                        List.of("QD")));
                updated.add(new ListVersion("UN", v.publishedOn(), "f".repeat(64), entries));
            }
            List<HitChange> changes = compliance.listUpdates().replace(updated, "test");
            assertThat(changes)
                    .extracting(HitChange::partyId, HitChange::subjectKey, HitChange::what)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("orchid", "UN/QDe.999", HitChange.What.RAISED));
            JsonNode versions = api.get("/api/v1/screening/lists", Optional.of(admin))
                    .body()
                    .path("items");
            assertThat(versions.get(0).path("source").asText()).isEqualTo("UN");
            assertThat(versions.get(0).path("added").asInt()).isEqualTo(1);
            assertThat(versions.get(0).path("removed").asInt()).isZero();
            assertThat(compliance.listUpdates().replace(updated, "test"))
                    .as("the same lists again")
                    .isEmpty();
        }
    }
}
