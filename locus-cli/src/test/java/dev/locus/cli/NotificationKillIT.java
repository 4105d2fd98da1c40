package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.locus.server.Json;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.notify.NotificationOutbox;
import dev.locus.server.notify.WebhookSignature;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.DatabaseConfig;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert reaches a real webhook receiver (checking the HMAC and dropping repeats by delivery id)
 * and a real SMTP server (GreenMail) exactly once, although the receiver is down for several
 * attempts, and {@code locus server}, a separate process, is killed with SIGKILL while the webhook
 * is mid-delivery (the receiver has the request and has processed it, the server has no answer
 * yet) and the e-mail is pending (the SMTP server is down), then restarted on the same data
 * directory. Waits for conditions only.
 */
class NotificationKillIT {
    private static final String SECRET = "kill-test-webhook-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void sigkillMidDelivery_thenRestart_deliversToWebhookAndMailboxExactlyOnce() throws Exception {
        Path data = dir.resolve("data");
        int hookPort = freePort();
        int smtpPort = freePort();
        // retries every second or two, and a crashed attempt's claim that outlives the 10 s send timeout
        List<String> args = List.of(
                "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(smtpPort),
                "--smtp-starttls", "OFF",
                "--smtp-from", "locus@example.test",
                "--notify-first-retry", "PT1S",
                "--notify-claim", "PT15S");

        try (ServerProcess first = ServerProcess.start(data, dir.resolve("logs"), args)) {
            Api api = new Api(first);
            api.created(Map.of(
                    "name", "SOC webhook",
                    "channel", "WEBHOOK",
                    "target", "http://127.0.0.1:" + hookPort + "/hook",
                    "rules", "OUTSIDE_ZONE",
                    "min_severity", "CRITICAL",
                    "secret", SECRET));
            api.created(Map.of("name", "officer", "channel", "EMAIL", "target", "officer@example.test"));
            assertThat(first.stop()).isEqualTo(143);
        }
        long alertId = raiseOffline(data);

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (HoldingReceiver receiver = new HoldingReceiver(hookPort)) {
            long hookDelivery;
            long mailDelivery;
            try (ServerProcess second = ServerProcess.start(data, dir.resolve("logs"), args)) {
                Api api = new Api(second);
                waitUntil("both deliveries refused twice (receiver and SMTP server down)", () -> {
                    JsonNode ds = api.deliveries(alertId);
                    return ds.size() == 2 && all(ds, d -> d.path("attempts").asInt() >= 2);
                });
                JsonNode ds = api.deliveries(alertId);
                hookDelivery = idOf(ds, api, "WEBHOOK");
                mailDelivery = idOf(ds, api, "EMAIL");

                receiver.start(); // back after the outage, holding its answer to what comes next
                waitUntil("the webhook reached the receiver", () -> receiver.arrivals(hookDelivery) == 1);
                second.kill(); // SIGKILL mid-delivery: processed by the receiver, no answer at the server
            }
            receiver.release();
            assertThat(receiver.processed).containsExactly(Long.toString(hookDelivery));

            smtp.start();
            try (ServerProcess third = ServerProcess.start(data, dir.resolve("logs"), args)) {
                Api api = new Api(third);
                waitUntil(
                        "both delivered after the restart",
                        () -> all(
                                api.deliveries(alertId),
                                d -> d.path("status").asText().equals("DELIVERED")));
                JsonNode hookLog = api.delivery(hookDelivery);
                List<String> outcomes = hookLog.path("attempts").findValuesAsText("outcome");
                assertThat(outcomes).last().isEqualTo("DELIVERED");
                assertThat(outcomes).filteredOn("DELIVERED"::equals).hasSize(1);
                assertThat(hookLog.path("delivery").path("attempts").asInt())
                        .as("the killed attempt was claimed but never recorded")
                        .isEqualTo(outcomes.size() + 1);
                assertThat(third.stop())
                        .as("SIGTERM after delivery: nothing left to send")
                        .isEqualTo(143);
            }
            assertThat(receiver.arrivals(hookDelivery))
                    .as("sent again after the kill with the same delivery id: at least once")
                    .isEqualTo(2);
            assertThat(receiver.processed)
                    .as("processed exactly once: the receiver dropped the repeat by its id")
                    .containsExactly(Long.toString(hookDelivery));
            assertThat(receiver.badSignatures.get()).isZero();

            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).as("e-mails").hasSize(1);
            assertThat(mails[0].getMessageID()).isEqualTo("<locus-delivery-" + mailDelivery + "@example.test>");
            assertThat(GreenMailUtil.getBody(mails[0])).contains("chip GPU-KILL-1 was proven outside its zone");
        } finally {
            smtp.stop();
        }
    }

    /** Opens an alert with the server stopped, as its rules would: the outbox rows commit with it. */
    private static long raiseOffline(Path data) {
        try (Database db = Database.open(DatabaseConfig.embedded(data), 2)) {
            AlertService alerts = new AlertService(new AuditedStore(
                    db, new AuditLog(InstantSource.system(), Json.mapper()), InstantSource.system(), Json.mapper()));
            alerts.onRaised(new NotificationOutbox(InstantSource.system()));
            return alerts.raise(
                            Alert.Rule.OUTSIDE_ZONE,
                            Alert.Severity.CRITICAL,
                            Alert.SubjectType.CHIP,
                            "GPU-KILL-1",
                            "chip GPU-KILL-1 was proven outside its zone",
                            Map.of())
                    .orElseThrow()
                    .id();
        }
    }

    private static long idOf(JsonNode deliveries, Api api, String channel) throws Exception {
        for (JsonNode d : deliveries) {
            JsonNode s = api.get("/api/v1/notifications/subscriptions/"
                    + d.path("subscription_id").asLong());
            if (s.path("channel").asText().equals(channel)) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError("no " + channel + " delivery in " + deliveries);
    }

    private interface Check {
        boolean test(JsonNode n);
    }

    private static boolean all(JsonNode rows, Check check) {
        if (rows.isEmpty()) {
            return false;
        }
        for (JsonNode r : rows) {
            if (!check.test(r)) {
                return false;
            }
        }
        return true;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition}; fails after a generous bound (not a timing). */
    private static void waitUntil(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50); // polling a condition
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The admin's view of the API. */
    private static final class Api {
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final ServerProcess server;

        Api(ServerProcess server) {
            this.server = server;
        }

        void created(Map<String, String> subscription) throws Exception {
            HttpResponse<String> r = http.send(
                    request("/api/v1/notifications/subscriptions")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(subscription)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }

        JsonNode deliveries(long alertId) throws Exception {
            return get("/api/v1/notifications/deliveries?alert_id=" + alertId).path("items");
        }

        JsonNode delivery(long id) throws Exception {
            return get("/api/v1/notifications/deliveries/" + id);
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> r = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(server.base() + path))
                    .header("Authorization", "Bearer " + server.adminToken())
                    .timeout(Duration.ofSeconds(30));
        }
    }

    /**
     * A webhook receiver as a customer would write one: checks the signature, processes each
     * delivery id once (before answering, as it would commit its own work), answers 200 to a
     * repeat. Until {@link #release()} it holds every answer, so a sender can die mid-delivery.
     */
    private static final class HoldingReceiver implements AutoCloseable {
        private final int port;
        private final CountDownLatch released = new CountDownLatch(1);
        /** Signed requests by delivery id, repeats included. */
        private final Map<String, Integer> arrivals = new ConcurrentHashMap<>();
        /** Delivery ids in the order first processed; a repeat is answered 200 and not processed. */
        final List<String> processed = new java.util.concurrent.CopyOnWriteArrayList<>();

        final AtomicInteger badSignatures = new AtomicInteger();
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private HttpServer server;

        HoldingReceiver(int port) {
            this.port = port;
        }

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
            server.setExecutor(threads);
            server.createContext("/hook", this::handle);
            server.start();
        }

        void release() {
            released.countDown();
        }

        int arrivals(long deliveryId) {
            return arrivals.getOrDefault(Long.toString(deliveryId), 0);
        }

        private void handle(HttpExchange ex) throws IOException {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = ex.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER);
            if (id == null || !signed(ex.getRequestHeaders(), body)) {
                badSignatures.incrementAndGet();
                answer(ex, 401);
                return;
            }
            if (arrivals.merge(id, 1, Integer::sum) == 1) {
                processed.add(id);
            }
            try {
                released.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 200);
        }

        /** Whether the request carries a timestamp and a valid signature of it and the body. */
        private static boolean signed(Headers headers, byte[] body) {
            String ts = headers.getFirst(WebhookSignature.TIMESTAMP_HEADER);
            String sig = headers.getFirst(WebhookSignature.SIGNATURE_HEADER);
            return ts != null && sig != null && WebhookSignature.verify(SECRET, Long.parseLong(ts), body, sig);
        }

        private static void answer(HttpExchange ex, int status) {
            try {
                ex.sendResponseHeaders(status, -1);
            } catch (IOException e) {
                // the sender is gone (killed mid-delivery): nobody to answer
            } finally {
                ex.close();
            }
        }

        @Override
        public void close() {
            released.countDown();
            if (server != null) {
                server.stop(0);
            }
            threads.shutdownNow();
        }
    }
}
