package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.TestDatabases;
import dev.locus.server.ingest.Receipt;
import dev.locus.server.ingest.ReceiptJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The control plane over real HTTP on a loopback port, against each test database. */
@SuppressWarnings("try") // a test's server is only closed, at its end
class ApiIT extends ServerPerTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private final IssuedReceipts keys = new IssuedReceipts(23);

    /** A server letting a person make {@code humanRps} requests a second. */
    private LocalServer start(String engine, double humanRps) {
        return start(engine, c -> c.withRateLimits(humanRps, 1000));
    }

    /** A server at 100 requests a second with the fixture records registered. */
    private LocalServer populated(String engine) {
        LocalServer server = start(engine, 100);
        populate(api, admin);
        return server;
    }

    private void populate(ApiClient api, String admin) {
        Registrations registry = new Registrations(api, admin);
        registry.licensedSingaporeSite("SG DC", 50);
        registry.chip("GPU-1", keys.deviceKey("GPU-1").toBase64());
        registry.landmark(
                "lm-sg",
                "Singapore",
                1.35,
                103.82,
                keys.landmark("lm-sg", 1.35, 103.82).toBase64());
        registry.landmark(
                "lm-fra",
                "Frankfurt",
                50.11,
                8.68,
                keys.landmark("lm-fra", 50.11, 8.68).toBase64());
    }

    private Map<String, Object> receipt(String landmark, String chip, long rttNanos) {
        Receipt r = keys.sign(landmark, chip, List.of(rttNanos + 1000, rttNanos), Instant.now());
        return ReceiptJson.toJson(r);
    }

    private String issue(ApiClient api, String admin, String name, String role, Optional<String> bound) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "role", role));
        bound.ifPresent(b -> body.put("bound_subject", b));
        ApiClient.Response r = api.postJson("/api/v1/tokens", admin, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("token").asText();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyEndpoint_refusesRequestsWithoutAValidToken(String engine) {
        try (LocalServer server = start(engine, 100)) {
            for (String path : List.of("/health", "/metrics", "/api/v1/openapi.json", "/api/v1/chips", "/nope")) {
                ApiClient.Response r = api.get(path, Optional.empty());
                assertThat(r.status()).as(path).isEqualTo(401);
                assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
            }
            ApiClient.Response forged = api.get("/api/v1/chips", Optional.of("lct_aaaaaaaaaaaa_" + "A".repeat(43)));
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.text()).doesNotContain("Exception");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void registry_createsListsPagesAndRejectsBadImportsWithLineAndField(String engine) throws Exception {
        try (LocalServer server = populated(engine)) {
            String csv = "serial,model,licence_id,declared_site_id\nA-1,H100,LIC-1,sg-1\nA-2,H100,LIC-1,mars\n";
            ApiClient.Response bad = api.post("/api/v1/imports/chips", Optional.of(admin), "text/csv", csv);
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.code()).isEqualTo("IMPORT_REJECTED");
            JsonNode problem = bad.body().path("error").path("problems").get(0);
            assertThat(problem.path("line").asInt()).isEqualTo(3);
            assertThat(problem.path("field").asText()).isEqualTo("declared_site_id");
            assertThat(problem.path("value").asText()).isEqualTo("mars");
            assertThat(api.get("/api/v1/chips/A-1", Optional.of(admin)).status())
                    .isEqualTo(404);

            String good = "serial,model,licence_id,declared_site_id\nA-1,H100,LIC-1,sg-1\nA-2,H100,LIC-1,sg-1\n";
            ApiClient.Response ok = api.post("/api/v1/imports/chips", Optional.of(admin), "text/csv", good);
            assertThat(ok.status()).as(ok.text()).isEqualTo(201);
            assertThat(ok.body().get("imported").asInt()).isEqualTo(2);

            ApiClient.Response p1 = api.get("/api/v1/chips?limit=2", Optional.of(admin));
            assertThat(p1.body().get("items")).hasSize(2);
            String next = p1.body().get("next_cursor").asText();
            ApiClient.Response p2 = api.get("/api/v1/chips?limit=2&after=" + next, Optional.of(admin));
            assertThat(p2.body().get("items")).hasSize(1);
            assertThat(p2.body().get("items").get(0).get("serial").asText()).isEqualTo("GPU-1");
            assertThat(p2.body().get("next_cursor").isNull()).isTrue();

            ApiClient.Response invalid = api.postJson("/api/v1/sites", admin, Map.of("id", "x", "latitude_deg", 123));
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(invalid.text()).contains("latitude_deg").contains("[-90, 90]");

            ApiClient.Response audit = api.get("/api/v1/audit/verify", Optional.of(admin));
            assertThat(audit.body().get("intact").asBoolean()).isTrue();
            assertThat(audit.body().get("entries").asLong()).isGreaterThan(5);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void roles_limitWhatEachTokenMayDo(String engine) throws Exception {
        try (LocalServer server = populated(engine)) {
            String auditor = issue(api, admin, "aud", "AUDITOR", Optional.empty());
            String landmark = issue(api, admin, "lm-sg", "LANDMARK", Optional.of("lm-sg"));

            assertThat(api.get("/api/v1/chips", Optional.of(auditor)).status()).isEqualTo(200);
            ApiClient.Response denied = api.postJson("/api/v1/chips", auditor, Map.of("serial", "Z"));
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.code()).isEqualTo("FORBIDDEN");
            assertThat(api.get("/api/v1/chips", Optional.of(landmark)).status()).isEqualTo(403);

            ApiClient.Response own = api.postJson("/api/v1/receipts", landmark, receipt("lm-sg", "GPU-1", 1_000_000));
            assertThat(own.status()).as(own.text()).isEqualTo(201);
            assertThat(own.body().get("status").asText()).isEqualTo("ACCEPTED");
            ApiClient.Response foreign =
                    api.postJson("/api/v1/receipts", landmark, receipt("lm-fra", "GPU-1", 1_000_000));
            assertThat(foreign.status()).isEqualTo(422);
            assertThat(foreign.code()).isEqualTo("RECEIPT_REJECTED");
            assertThat(foreign.text()).contains("NOT_AUTHORISED");

            ApiClient.Response stored = api.get("/api/v1/receipts?status=REJECTED", Optional.of(auditor));
            assertThat(stored.body().get("items")).hasSize(1);
            assertThat(stored.body().get("items").get(0).get("rejection_reason").asText())
                    .isEqualTo("NOT_AUTHORISED");

            String tokenId = api.get("/api/v1/tokens", Optional.of(admin)).body().get("items").findValues("id").stream()
                    .map(JsonNode::asText)
                    .filter(id -> auditor.contains(id))
                    .findFirst()
                    .orElseThrow();
            assertThat(api.delete("/api/v1/tokens/" + tokenId, admin).status()).isEqualTo(204);
            assertThat(api.get("/api/v1/chips", Optional.of(auditor)).status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void clonedIdentity_raisesAnAlertThatMovesThroughItsLifecycle(String engine) throws Exception {
        try (LocalServer server = populated(engine)) {
            List<Map<String, Object>> batch = new ArrayList<>();
            batch.add(receipt("lm-sg", "GPU-1", 500_000)); // within 75 km of Singapore
            batch.add(receipt("lm-fra", "GPU-1", 800_000)); // within 120 km of Frankfurt, seconds later
            ApiClient.Response r = api.postJson("/api/v1/receipts", admin, batch);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.body().get("accepted").asInt()).isEqualTo(2);

            ApiClient.Response alerts = api.get("/api/v1/alerts?status=OPEN", Optional.of(admin));
            JsonNode alert = alerts.body().get("items").get(0);
            assertThat(alert.get("rule").asText()).isEqualTo("CLONED_IDENTITY");
            assertThat(alert.get("subject_id").asText()).isEqualTo("GPU-1");
            long id = alert.get("id").asLong();

            ApiClient.Response ack =
                    api.postJson("/api/v1/alerts/" + id + "/acknowledge", admin, Map.of("note", "investigating"));
            assertThat(ack.body().get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(ack.body().get("acknowledged_by").asText()).contains("bootstrap-admin");
            ApiClient.Response again =
                    api.postJson("/api/v1/alerts/" + id + "/acknowledge", admin, Map.of("note", "twice"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("CONFLICT");
            ApiClient.Response resolved =
                    api.postJson("/api/v1/alerts/" + id + "/resolve", admin, Map.of("note", "decoy seized"));
            assertThat(resolved.body().get("status").asText()).isEqualTo("RESOLVED");
            assertThat(resolved.body().get("resolution_note").asText()).isEqualTo("decoy seized");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void openApiMetricsAndHealth_describeWhatIsServed(String engine) throws Exception {
        try (LocalServer server = start(engine, 100)) {
            // OpenApiIT checks the document against the route table in both directions.
            JsonNode doc = api.get("/api/v1/openapi.json", Optional.of(admin)).body();
            assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
            assertThat(api.get("/health", Optional.of(admin))
                            .body()
                            .get("status")
                            .asText())
                    .isEqualTo("UP");
            ApiClient.Response metrics = api.get("/metrics", Optional.of(admin));
            assertThat(metrics.text())
                    .contains("locus_http_requests_seconds_count")
                    .contains("jvm_memory_used_bytes");
            ApiClient.Response missing = api.get("/api/v1/nothing-here", Optional.of(admin));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.code()).isEqualTo("NOT_FOUND");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void burstAboveTheRateLimit_isAnswered429WithRetryAfter(String engine) throws Exception {
        // one request per 100 s with a burst of one: the ten requests below outrun the refill however slowly
        // a loaded machine serves them (at 2 a second, a machine serving one request per 0.5 s refilled the bucket)
        try (LocalServer server = start(engine, 0.01)) {
            int limited = 0;
            String retryAfter = "";
            for (int i = 0; i < 10; i++) {
                ApiClient.Response r = api.get("/api/v1/chips", Optional.of(admin));
                if (r.status() == 429) {
                    limited++;
                    assertThat(r.code()).isEqualTo("RATE_LIMITED");
                    retryAfter = r.raw().headers().firstValue("Retry-After").orElse("");
                }
            }
            assertThat(limited).isGreaterThanOrEqualTo(8);
            assertThat(retryAfter).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void olderReceipts_areStaleLive_butCanBeBackFilledByACompliantRole(String engine) throws Exception {
        try (LocalServer server = populated(engine)) {
            String landmark = issue(api, admin, "lm-sg", "LANDMARK", Optional.of("lm-sg"));
            Map<String, Object> old = ReceiptJson.toJson(
                    keys.sign("lm-sg", "GPU-1", List.of(900_000L), Instant.now().minus(java.time.Duration.ofHours(2))));
            ApiClient.Response live = api.postJson("/api/v1/receipts", admin, old);
            assertThat(live.status()).isEqualTo(422);
            assertThat(live.text()).contains("STALE");
            assertThat(api.postJson("/api/v1/receipts/import?max_age_hours=3", landmark, old)
                            .status())
                    .isEqualTo(403);
            ApiClient.Response bad = api.postJson("/api/v1/receipts/import?max_age_hours=9999", admin, old);
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.text()).contains("max_age_hours");
            ApiClient.Response backfilled = api.postJson("/api/v1/receipts/import?max_age_hours=3", admin, old);
            assertThat(backfilled.status()).as(backfilled.text()).isEqualTo(201);
            ApiClient.Response replay = api.postJson("/api/v1/receipts/import?max_age_hours=3", admin, old);
            assertThat(replay.text()).contains("DUPLICATE");
        }
    }
}
