package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.Fixtures;
import dev.locus.server.MutableClock;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import dev.locus.server.alerts.Alert;
import dev.locus.server.registry.RegistryService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert handling at scale over the real API: filters by site, licence, organisation, severity,
 * assignee, time and text; groups; assignment; bulk acknowledgement in one transaction with one
 * audit entry per alert; saved views per person.
 */
class AlertHandlingIT {
    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private ControlPlane cp;
    private ApiClient api;
    private String admin;
    private long outsideGpu1;
    private long silentGpu1;
    private long silentGpu2;
    private long suspectLandmark;

    @BeforeEach
    void start() throws Exception {
        cp = ControlPlane.start(
                ServerConfig.builder(dataDir)
                        .port(0)
                        // PostgreSQL when configured (the browser test runs the same filters on H2)
                        .database(TestDatabases.freshConfig(TestDatabases.engines()
                                .get(TestDatabases.engines().size() - 1)))
                        .build(),
                clock);
        api = new ApiClient(cp.port());
        admin = Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE)).strip();
        RegistryService r = cp.registry();
        Fixtures.populate(r, Fixtures.ed25519());
        Fixtures.populateKualaLumpur(r);
        r.createChip(
                Map.of("serial", "GPU-2", "model", "H100", "licence_id", "LIC-2", "declared_site_id", "kl-1"), "t");
        outsideGpu1 = raise(Alert.Rule.OUTSIDE_ZONE, Alert.Severity.CRITICAL, Alert.SubjectType.CHIP, "GPU-1");
        clock.advance(Duration.ofHours(1));
        silentGpu1 = raise(Alert.Rule.SILENT, Alert.Severity.WARNING, Alert.SubjectType.CHIP, "GPU-1");
        clock.advance(Duration.ofHours(1));
        silentGpu2 = raise(Alert.Rule.SILENT, Alert.Severity.WARNING, Alert.SubjectType.CHIP, "GPU-2");
        suspectLandmark =
                raise(Alert.Rule.SUSPECT_LANDMARK, Alert.Severity.WARNING, Alert.SubjectType.LANDMARK, "lm-sg");
    }

    @AfterEach
    void stop() {
        cp.close();
    }

    private long raise(Alert.Rule rule, Alert.Severity severity, Alert.SubjectType type, String subject) {
        return cp.alerts()
                .raise(
                        rule,
                        severity,
                        type,
                        subject,
                        subject + " " + rule.name().toLowerCase(),
                        Map.of())
                .orElseThrow()
                .id();
    }

    private List<Long> ids(String query) {
        ApiClient.Response r = api.get("/api/v1/alerts?" + query, Optional.of(admin));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        r.body().path("items").forEach(a -> out.add(a.path("id").asLong()));
        return out;
    }

    @Test
    void filters_narrowBySiteLicenceOrganisationSeverityTimeAndText() {
        assertThat(ids("site=sg-1")).containsExactly(outsideGpu1, silentGpu1);
        assertThat(ids("licence=LIC-2")).containsExactly(silentGpu2);
        assertThat(ids("organisation=kldc")).as("end user and operator").containsExactly(silentGpu2);
        assertThat(ids("organisation=nvx")).as("exporter").containsExactly(outsideGpu1, silentGpu1, silentGpu2);
        assertThat(ids("severity=critical")).containsExactly(outsideGpu1);
        assertThat(ids("rule=SILENT&status=OPEN,ACKNOWLEDGED")).containsExactly(silentGpu1, silentGpu2);
        assertThat(ids("opened_from=" + Fixtures.NOW.plusSeconds(1800) + "&opened_to="
                        + Fixtures.NOW.plusSeconds(5400)))
                .containsExactly(silentGpu1);
        assertThat(ids("q=gpu-2")).containsExactly(silentGpu2);
        assertThat(ids("q=LM-SG")).containsExactly(suspectLandmark);
        assertThat(ids("q=%25")).as("% is a character, not a wildcard").isEmpty();
        assertThat(ids("limit=2")).hasSize(2);

        ApiClient.Response bad = api.get("/api/v1/alerts?opened_from=yesterday&severity=HUGE", Optional.of(admin));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text()).contains("opened_from", "severity", "HUGE");
    }

    @Test
    void groups_countBySite_mostCriticalFirst() {
        JsonNode g = api.get("/api/v1/alert-groups?by=site", Optional.of(admin))
                .body()
                .path("groups");
        assertThat(g.findValuesAsText("key")).containsExactly("sg-1", "kl-1", "none");
        assertThat(g.get(0).path("alerts").asInt()).isEqualTo(2);
        assertThat(g.get(0).path("critical").asInt()).isEqualTo(1);
        JsonNode byOrg = api.get("/api/v1/alert-groups?by=organisation&severity=WARNING", Optional.of(admin))
                .body()
                .path("groups");
        assertThat(byOrg.findValuesAsText("key")).containsExactlyInAnyOrder("sgdc", "kldc", "none");
        assertThat(api.get("/api/v1/alert-groups?by=colour", Optional.of(admin)).status())
                .isEqualTo(422);
    }

    @Test
    void assignment_isStored_filterable_andAudited() {
        ApiClient.Response r =
                api.postJson("/api/v1/alerts/" + silentGpu2 + "/assign", admin, Map.of("assignee", "alice"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().path("assignee").asText()).isEqualTo("alice");
        assertThat(ids("assignee=alice")).containsExactly(silentGpu2);
        assertThat(api.postJson("/api/v1/alerts/" + silentGpu2 + "/assign", admin, Map.of("assignee", ""))
                        .body()
                        .path("assignee")
                        .isNull())
                .isTrue();
        String audit = api.get("/api/v1/audit?limit=1000", Optional.of(admin)).text();
        assertThat(audit).contains("alert.assigned", "alert.unassigned", "alice");
    }

    @Test
    void bulkAcknowledge_isOneTransaction_withOneAuditEntryPerAlert_andNamesWhatItSkipped() {
        long before = auditCount("alert.acknowledged");
        ApiClient.Response r = api.postJson(
                "/api/v1/alerts/acknowledge",
                admin,
                Map.of(
                        "ids",
                        List.of(silentGpu1, silentGpu2, outsideGpu1, 999_999),
                        "note",
                        "triaged on the morning call"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().path("acknowledged").findValuesAsText("status"))
                .containsOnly("ACKNOWLEDGED")
                .hasSize(3);
        assertThat(r.body().path("skipped").get(0).path("id").asLong()).isEqualTo(999_999);
        assertThat(auditCount("alert.acknowledged") - before).isEqualTo(3);
        assertThat(ids("status=OPEN")).containsExactly(suspectLandmark);

        ApiClient.Response again =
                api.postJson("/api/v1/alerts/acknowledge", admin, Map.of("ids", List.of(silentGpu1), "note", "again"));
        assertThat(again.body().path("skipped").get(0).path("reason").asText()).contains("ACKNOWLEDGED");
        assertThat(api.postJson(
                                "/api/v1/alerts/acknowledge",
                                admin,
                                Map.of("ids", List.of(suspectLandmark), "note", ""))
                        .status())
                .isEqualTo(422);
        assertThat(api.postJson("/api/v1/alerts/acknowledge", admin, Map.of("ids", "1,2", "note", "x"))
                        .status())
                .isEqualTo(422);
        List<Long> tooMany = new ArrayList<>();
        for (long i = 1; i <= 501; i++) {
            tooMany.add(i);
        }
        assertThat(api.postJson("/api/v1/alerts/acknowledge", admin, Map.of("ids", tooMany, "note", "x"))
                        .status())
                .isIn(413, 422);
        assertThat(ids("status=OPEN")).as("nothing half-done").containsExactly(suspectLandmark);
    }

    @Test
    void savedViews_arePerPerson_checked_andAudited() {
        String officer = api.postJson("/api/v1/tokens", admin, Map.of("name", "officer", "role", "COMPLIANCE_OFFICER"))
                .body()
                .path("token")
                .asText();
        ApiClient.Response saved = api.postJson(
                "/api/v1/alert-views", officer, Map.of("name", "KL silent", "query", "site=kl-1&rule=silent"));
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        assertThat(saved.body().path("query").asText()).isEqualTo("rule=SILENT&site=kl-1");
        JsonNode mine =
                api.get("/api/v1/alert-views", Optional.of(officer)).body().path("items");
        assertThat(mine.findValuesAsText("name")).containsExactly("KL silent");
        assertThat(api.get("/api/v1/alert-views", Optional.of(admin)).body().path("items"))
                .isEmpty();
        assertThat(ids(mine.get(0).path("query").asText())).containsExactly(silentGpu2);

        assertThat(api.postJson("/api/v1/alert-views", officer, Map.of("name", "bad", "query", "severity=HUGE"))
                        .status())
                .isEqualTo(422);
        long id = saved.body().path("id").asLong();
        assertThat(api.delete("/api/v1/alert-views/" + id, admin).status())
                .as("not the admin's")
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/alert-views/" + id, officer).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/audit?limit=1000", Optional.of(admin)).text())
                .contains("alert_view.saved", "alert_view.deleted");
    }

    private long auditCount(String action) {
        JsonNode items =
                api.get("/api/v1/audit?limit=1000", Optional.of(admin)).body().path("items");
        long n = 0;
        for (JsonNode e : items) {
            if (e.path("action").asText().equals(action)) {
                n++;
            }
        }
        return n;
    }
}
