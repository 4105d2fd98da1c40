package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.locus.server.ControlPlane;
import dev.locus.server.Fixtures;
import dev.locus.server.MutableClock;
import dev.locus.server.ServerConfig;
import dev.locus.server.alerts.Alert;
import dev.locus.server.notify.NotificationSettings;
import dev.locus.server.notify.Ports;
import dev.locus.server.notify.RetryPolicy;
import dev.locus.server.notify.SmtpSettings;
import dev.locus.server.notify.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert reaches a real webhook receiver (checking the HMAC) and a real SMTP server exactly once
 * although both are down when it is raised and the control plane is restarted with the deliveries
 * still pending; the subscriptions are made through the API, which never returns a secret.
 */
class NotificationRestartIT {
    private static final String SECRET = "restart-test-webhook-secret-0123456789abcdef";

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Fixtures.NOW);

    @Test
    void anAlert_reachesWebhookAndMailboxExactlyOnce_acrossAnOutageAndARestart() throws Exception {
        int hookPort = Ports.free();
        int smtpPort = Ports.free();
        ServerConfig config = ServerConfig.builder(dataDir)
                .port(0)
                .notifications(NotificationSettings.defaults()
                        .withSmtp(
                                SmtpSettings.of("127.0.0.1", smtpPort, "locus@example.test", SmtpSettings.StartTls.OFF))
                        .withDashboardUrl(URI.create("https://locus.example.test/"))
                        .withRetry(new RetryPolicy(
                                Duration.ofSeconds(10), Duration.ofMinutes(5), 10, Duration.ofMinutes(2)))
                        .withPollInterval(Duration.ofMillis(50)))
                .build();
        List<Long> deliveries = new ArrayList<>();
        try (ControlPlane cp = ControlPlane.start(config, clock)) {
            ApiClient api = new ApiClient(cp.port());
            String admin = adminToken();
            ApiClient.Response hook = api.postJson(
                    "/api/v1/notifications/subscriptions",
                    admin,
                    Map.of(
                            "name", "SOC webhook",
                            "channel", "WEBHOOK",
                            "target", "http://127.0.0.1:" + hookPort + "/hook",
                            "rules", "OUTSIDE_ZONE,IN_RESTRICTED",
                            "min_severity", "CRITICAL",
                            "secret", SECRET));
            assertThat(hook.status()).as(hook.text()).isEqualTo(201);
            ApiClient.Response mail = api.postJson(
                    "/api/v1/notifications/subscriptions",
                    admin,
                    Map.of("name", "officer", "channel", "EMAIL", "target", "officer@example.test"));
            assertThat(mail.status()).as(mail.text()).isEqualTo(201);
            ApiClient.Response other = api.postJson(
                    "/api/v1/notifications/subscriptions",
                    admin,
                    Map.of(
                            "name",
                            "landmarks",
                            "channel",
                            "EMAIL",
                            "target",
                            "ops@example.test",
                            "rules",
                            "SUSPECT_LANDMARK"));
            assertThat(other.status()).isEqualTo(201);

            Alert alert = cp.alerts()
                    .raise(
                            Alert.Rule.OUTSIDE_ZONE,
                            Alert.Severity.CRITICAL,
                            Alert.SubjectType.CHIP,
                            "GPU-1",
                            "chip GPU-1 was proven outside its licensed zone",
                            Map.of())
                    .orElseThrow();
            JsonNode rows = deliveries(api, admin, alert.id());
            assertThat(rows).as("one delivery per matching subscription").hasSize(2);
            rows.forEach(d -> deliveries.add(d.path("id").asLong()));

            waitUntil("both receivers refused once", () -> allAttempted(api, admin, alert.id(), 1));
            clock.advance(Duration.ofSeconds(10));
            waitUntil("both receivers refused twice", () -> allAttempted(api, admin, alert.id(), 2));
            for (JsonNode d : deliveries(api, admin, alert.id())) {
                assertThat(d.path("status").asText()).isEqualTo("PENDING");
                assertThat(d.path("next_attempt_at").asText())
                        .as("backoff doubled")
                        .isEqualTo(Fixtures.NOW.plusSeconds(10 + 20).toString());
            }
        }

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (WebhookReceiver receiver = WebhookReceiver.start(hookPort, SECRET, clock);
                ControlPlane cp = ControlPlane.start(config, clock)) {
            ApiClient api = new ApiClient(cp.port());
            String admin = adminToken();
            clock.advance(Duration.ofSeconds(20));
            waitUntil("both delivered after the restart", () -> {
                JsonNode ds = deliveries(api, admin, 1);
                return ds.size() == 2 && allMatch(ds, "status", "DELIVERED");
            });
            clock.advance(Duration.ofHours(2));
            cp.notifications().deliverDue();

            long hookDelivery = deliveries.get(0);
            long mailDelivery = deliveries.get(1);
            assertThat(receiver.arrivals(hookDelivery)).as("webhook arrivals").isOne();
            assertThat(receiver.received).hasSize(1);
            assertThat(receiver.badSignatures.get()).isZero();
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).as("e-mails").hasSize(1);
            assertThat(mails[0].getMessageID()).isEqualTo("<locus-delivery-" + mailDelivery + "@example.test>");
            assertThat(GreenMailUtil.getBody(mails[0])).contains("chip GPU-1 was proven outside its licensed zone");

            JsonNode log = api.get("/api/v1/notifications/deliveries/" + hookDelivery, Optional.of(admin))
                    .body();
            assertThat(log.path("attempts").findValuesAsText("outcome"))
                    .containsExactly("FAILED", "FAILED", "DELIVERED");
            assertThat(log.path("attempts").get(0).path("detail").asText()).startsWith("cannot reach the receiver");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void subscriptions_areForAdminsOnly_strict_andNeverReturnTheSecret() throws Exception {
        try (ControlPlane cp =
                ControlPlane.start(ServerConfig.builder(dataDir).port(0).build(), clock)) {
            ApiClient api = new ApiClient(cp.port());
            String admin = adminToken();
            String officer = api.postJson(
                            "/api/v1/tokens", admin, Map.of("name", "officer", "role", "COMPLIANCE_OFFICER"))
                    .body()
                    .path("token")
                    .asText();
            Map<String, String> good = Map.of(
                    "name", "hook", "channel", "WEBHOOK", "target", "https://soc.example.test/locus", "secret", SECRET);
            assertThat(api.postJson("/api/v1/notifications/subscriptions", officer, good)
                            .status())
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/notifications/deliveries", Optional.of(officer))
                            .status())
                    .isEqualTo(403);

            ApiClient.Response created = api.postJson("/api/v1/notifications/subscriptions", admin, good);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text()).doesNotContain(SECRET).doesNotContain("secret");
            assertThat(api.get("/api/v1/notifications/subscriptions", Optional.of(admin))
                            .text())
                    .contains("soc.example.test")
                    .doesNotContain(SECRET);
            assertThat(api.get("/api/v1/audit?limit=1000", Optional.of(admin)).text())
                    .contains("notification.subscribed")
                    .doesNotContain(SECRET);

            String shortSecret = "too-short-secret";
            ApiClient.Response bad = api.postJson(
                    "/api/v1/notifications/subscriptions",
                    admin,
                    Map.of(
                            "name", "bad",
                            "channel", "WEBHOOK",
                            "target", "ftp://x",
                            "rules", "OUTSIDE_ZONE,NOT_A_RULE",
                            "secret", shortSecret,
                            "colour", "red"));
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.text())
                    .contains("target", "rules", "NOT_A_RULE", "secret", "colour")
                    .doesNotContain(shortSecret);
            ApiClient.Response mail = api.postJson(
                    "/api/v1/notifications/subscriptions",
                    admin,
                    Map.of("name", "m", "channel", "EMAIL", "target", "officer@example.test"));
            assertThat(mail.status()).isEqualTo(422);
            assertThat(mail.text()).contains("no SMTP server configured");

            long id = created.body().path("id").asLong();
            assertThat(api.delete("/api/v1/notifications/subscriptions/" + id, admin)
                            .status())
                    .isEqualTo(200);
            assertThat(api.delete("/api/v1/notifications/subscriptions/" + id, admin)
                            .status())
                    .isEqualTo(404);
        }
    }

    private String adminToken() throws java.io.IOException {
        return Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE)).strip();
    }

    private static JsonNode deliveries(ApiClient api, String admin, long alertId) {
        ApiClient.Response r = api.get("/api/v1/notifications/deliveries?alert_id=" + alertId, Optional.of(admin));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().path("items");
    }

    /** Whether both deliveries have {@code attempts} attempts in the delivery log. */
    private static boolean allAttempted(ApiClient api, String admin, long alertId, int attempts) {
        JsonNode ds = deliveries(api, admin, alertId);
        for (JsonNode d : ds) {
            JsonNode log = api.get(
                            "/api/v1/notifications/deliveries/" + d.path("id").asLong(), Optional.of(admin))
                    .body();
            if (log.path("attempts").size() < attempts) {
                return false;
            }
        }
        return ds.size() == 2;
    }

    private static boolean allMatch(JsonNode rows, String field, String value) {
        for (JsonNode d : rows) {
            if (!d.path(field).asText().equals(value)) {
                return false;
            }
        }
        return true;
    }

    /** Polls {@code condition} until it holds; fails after a minute (a generous bound, not a timing). */
    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
