package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.auth.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 9: JSON bodies are strict (content type, trailing data, duplicate keys), errors
 * carry stable codes and messages without internal class names, and every API response says
 * {@code nosniff} and {@code no-store}.
 */
class StrictInputIT {
    @TempDir
    static Path dataDir;

    private static RoleFleet fleet;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        fleet = new RoleFleet(dataDir, "h2");
        api = fleet.api;
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static ApiClient.Response post(String path, String contentType, String body) {
        return api.post(path, Optional.of(fleet.admin), contentType, body);
    }

    /** A 400 whose error message says each of {@code says}. */
    private static void assertRefused400(ApiClient.Response r, String... says) {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("error").path("message").asText()).contains(says);
    }

    private static final String ORG = "{\"id\":\"acme\",\"name\":\"ACME\",\"kind\":\"EXPORTER\",\"country\":\"US\"}";

    @Test
    void trailingData_isRefused400_namingWhere() {
        ApiClient.Response r = post("/api/v1/organisations", "application/json", ORG + " {\"id\":\"x\"}");

        assertRefused400(r, "unexpected data after the JSON value", "line 1, column");
        assertThat(r.code()).isEqualTo("BAD_REQUEST");
        assertThat(api.get("/api/v1/organisations/acme", Optional.of(fleet.admin))
                        .status())
                .as("nothing was stored")
                .isEqualTo(404);
    }

    @Test
    void trailingGarbageAfterABatch_isRefused400() {
        ApiClient.Response r = api.post(
                "/api/v1/receipts",
                Optional.of(fleet.tokens.get(Role.AGENT)),
                "application/json",
                "[{\"a\":1}]]]garbage");

        assertRefused400(r, "unexpected data after the JSON value");
    }

    @Test
    void duplicateKeys_areRefused400_namingTheField() {
        ApiClient.Response r = post(
                "/api/v1/organisations",
                "application/json",
                "{\"id\":\"dup\",\"name\":\"A\",\"name\":\"B\",\"kind\":\"EXPORTER\",\"country\":\"US\"}");

        assertRefused400(r, "Duplicate field 'name'");
    }

    @Test
    void aWrongOrMissingContentType_isRefused415_onEveryJsonRoute() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "")) {
            ApiClient.Response r = post("/api/v1/organisations", type, ORG);
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(post("/api/v1/organisations", "application/json; charset=ISO-8859-1", ORG)
                        .status())
                .isEqualTo(415);
        assertThat(api.post("/api/v1/receipts", Optional.of(fleet.tokens.get(Role.AGENT)), "text/plain", "[]")
                        .status())
                .isEqualTo(415);
        assertThat(post("/api/v1/imports/organisations", "text/plain", "id,name\n")
                        .status())
                .isEqualTo(415);
        assertThat(post(
                                "/api/v1/organisations",
                                "application/json; charset=utf-8",
                                "{\"id\":\"utf\",\"name\":\"UTF\",\"kind\":\"EXPORTER\",\"country\":\"US\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void errorMessages_neverNameInternalClasses() {
        List<ApiClient.Response> replies = new ArrayList<>();
        replies.add(post("/api/v1/organisations", "application/json", "{'id':1}"));
        replies.add(post("/api/v1/organisations", "application/json", "{\"id\":"));
        replies.add(post("/api/v1/organisations", "application/json", "{\"id\":tru}"));
        replies.add(post("/api/v1/organisations", "application/json", "[1,2]"));
        replies.add(post("/api/v1/organisations", "application/json", "\"text\""));
        replies.add(post("/api/v1/organisations", "application/json", "{\"id\":1e999999999999999999999999999999}"));
        replies.add(post("/api/v1/organisations", "application/json", "{\"id\":" + "9".repeat(5000) + "}"));
        replies.add(post("/api/v1/organisations", "application/json", "\u00ff\u00fe{}"));
        replies.add(post("/api/v1/imports/chips", "application/json", "{\"a\":[[[[1]]]]}"));
        replies.add(post("/api/v1/imports/chips", "text/csv", "serial,\"model\nGPU-9,\"H1\"00\n"));
        replies.add(post("/api/v1/receipts", "application/json", "{\"nonce\":\"!!\"}"));
        replies.add(api.get("/api/v1/nowhere", Optional.of(fleet.admin)));
        replies.add(api.get("/api/v1/receipts?limit=x", Optional.of(fleet.admin)));
        for (ApiClient.Response r : replies) {
            assertThat(r.status()).as(r.text()).isBetween(400, 499);
            assertThat(r.code()).as(r.text()).isNotBlank();
            assertThat(r.text())
                    .doesNotContainPattern("\\b(java|javax|com|org|io|dev)\\.[a-z]+\\.")
                    .doesNotContain("Exception")
                    .doesNotContain("`");
        }
    }

    @Test
    void everyResponse_saysNosniffAndNoStore() {
        List<ApiClient.Response> replies = List.of(
                api.get("/health", Optional.of(fleet.tokens.get(Role.AGENT))),
                api.get("/api/v1/chips", Optional.of(fleet.admin)),
                api.get("/api/v1/openapi.json", Optional.of(fleet.admin)),
                api.get("/api/v1/chips", Optional.empty()),
                api.get("/api/v1/tokens", Optional.of(fleet.tokens.get(Role.AUDITOR))),
                api.get("/api/v1/chips/NOPE", Optional.of(fleet.admin)),
                post("/api/v1/organisations", "text/plain", ORG),
                post("/api/v1/organisations", "application/json", "{"),
                post(
                        "/api/v1/organisations",
                        "application/json",
                        "{\"id\":\"hdr\",\"name\":\"H\",\"kind\":\"EXPORTER\",\"country\":\"US\"}"));
        assertThat(replies.stream().map(ApiClient.Response::status)).contains(200, 201, 400, 401, 403, 404, 415);
        for (ApiClient.Response r : replies) {
            assertThat(r.raw().headers().firstValue("X-Content-Type-Options"))
                    .as("%d %s", r.status(), r.raw().uri())
                    .contains("nosniff");
            assertThat(r.raw().headers().firstValue("Cache-Control"))
                    .as("%d %s", r.status(), r.raw().uri())
                    .contains("no-store");
        }
    }
}
