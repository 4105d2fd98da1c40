package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.bench.load.LandmarkReceipts;
import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.LandmarkIdentity;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.server.Json;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.audit.AuditVerification;
import dev.locus.server.audit.AuditVerifier;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.ingest.ReceiptJson;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.DatabaseConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills {@code locus server} with SIGKILL at random moments while clients write (receipts,
 * registrations, alert actions) and read the audit head, restarts it on the same data, and checks
 * that everything a client was told was accepted is stored: nothing lost, the audit chain intact,
 * and its head never behind one a client saw. On the embedded database, and on PostgreSQL when
 * {@code LOCUS_TEST_POSTGRES_URL} is set. Seeded; waits for conditions (ready = /health answers).
 */
class ServerCrashIT {
    private static final int ROUNDS = Integer.getInteger("locus.crash.rounds", 20);
    private static final int CHIPS = 24;
    private static final int LANDMARKS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<String> engines() {
        List<String> out = new ArrayList<>(List.of("embedded"));
        if (postgresUrl().isPresent()) {
            out.add("postgres");
        }
        return out;
    }

    private static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv("LOCUS_TEST_POSTGRES_URL")).filter(s -> !s.isBlank());
    }

    /** What clients were told was accepted. */
    private final Set<String> ackedReceipts = ConcurrentHashMap.newKeySet();

    private final Set<String> ackedOrganisations = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> ackedAlertSteps = new ConcurrentHashMap<>();
    private final AtomicLong headSeen = new AtomicLong();
    /** The first refusal the receipts client got, to say why if none were accepted. */
    private final java.util.concurrent.atomic.AtomicReference<String> firstRefusal =
            new java.util.concurrent.atomic.AtomicReference<>("none");

    @ParameterizedTest
    @MethodSource("engines")
    void sigkillDuringWrites_losesNothingAcknowledged_andTheAuditHeadNeverRegresses(String engine) throws Exception {
        Random random = new Random(20261205L);
        Path data = dir.resolve("data");
        DatabaseConfig dbConfig = engine.equals("embedded") ? DatabaseConfig.embedded(data) : freshPostgresSchema();
        String dbSpec = engine.equals("embedded") ? "embedded" : dbConfig.jdbcUrl();
        SecureRandom secure = new SecureRandom();
        CertificateAuthority ca =
                CertificateAuthority.create("crash test CA", Duration.ofDays(30), InstantSource.system(), secure);
        Path caPem = dir.resolve("ca.pem");
        Files.writeString(caPem, Certificates.toPem(ca.certificate()));
        List<String> args = List.of("--database", dbSpec, "--manufacturer-ca", caPem.toString());

        List<LandmarkKey> landmarks = new ArrayList<>();
        for (int i = 0; i < LANDMARKS; i++) {
            landmarks.add(LandmarkKey.generate(
                    ca,
                    "lm-" + i,
                    "landmark " + i,
                    GeoPosition.ofDegrees(1.3 + i * 0.2, 103.8),
                    Duration.ofDays(30),
                    secure));
        }
        List<Pkcs12DeviceKey> devices = new ArrayList<>();
        for (int i = 0; i < CHIPS; i++) {
            devices.add(Pkcs12DeviceKey.generate(ca, "CRASH-" + i, "H100", Duration.ofDays(30), secure));
        }
        List<String> tokens;
        try (ServerProcess first = ServerProcess.start(data, dir.resolve("logs"), args)) {
            tokens = register(first, landmarks, devices);
            assertThat(first.stop()).as("SIGTERM: a clean stop").isEqualTo(143);
            assertThat(first.output()).contains("control plane stopped").doesNotContain("Exception");
        }
        List<Long> alertIds = raiseAlerts(dbConfig, devices);

        int alertCursor = 0;
        for (int round = 0; round < ROUNDS; round++) {
            try (ServerProcess server = ServerProcess.start(data, dir.resolve("logs"), args)) {
                Http http = new Http(server.base(), server.adminToken());
                // one token per client, each within its own rate limit
                List<Http> clients =
                        tokens.stream().map(t -> new Http(server.base(), t)).toList();
                assertThat(http.headSeq())
                        .as("audit head after restart %d, never behind what a client saw", round)
                        .isGreaterThanOrEqualTo(headSeen.get());
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService writers = Executors.newFixedThreadPool(4);
                int roundNo = round;
                int cursor = alertCursor;
                AtomicLong alertsDone = new AtomicLong(cursor);
                List<Future<?>> runs = List.of(
                        writers.submit(
                                () -> writeReceipts(clients.get(0), landmarks, devices, new Random(roundNo), stop)),
                        writers.submit(() -> writeOrganisations(clients.get(1), roundNo, stop)),
                        writers.submit(() -> writeAlertSteps(clients.get(2), alertIds, cursor, alertsDone, stop)),
                        writers.submit(() -> readHeads(clients.get(3), stop)));
                // Crash once every writer has been answered this round, at a random moment after that.
                int receiptsBefore = ackedReceipts.size();
                int orgsBefore = ackedOrganisations.size();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while ((ackedReceipts.size() == receiptsBefore || ackedOrganisations.size() == orgsBefore)
                        && System.nanoTime() < deadline
                        && runs.stream().noneMatch(Future::isDone)) {
                    Thread.sleep(5); // polling a condition
                }
                Thread.sleep(random.nextInt(300)); // the random moment: timing, not correctness
                server.kill();
                stop.set(true);
                for (Future<?> f : runs) {
                    f.get(30, TimeUnit.SECONDS);
                }
                writers.shutdown();
                alertCursor = (int) alertsDone.get();
            }
        }
        try (ServerProcess last = ServerProcess.start(data, dir.resolve("logs"), args)) {
            assertThat(new Http(last.base(), last.adminToken()).headSeq()).isGreaterThanOrEqualTo(headSeen.get());
            assertThat(last.stop()).isEqualTo(143);
        }
        assertThat(ackedReceipts)
                .as("receipts acknowledged over %d crashes; first refusal: %s", ROUNDS, firstRefusal.get())
                .hasSizeGreaterThanOrEqualTo(ROUNDS);
        assertThat(ackedOrganisations).hasSizeGreaterThanOrEqualTo(ROUNDS);
        assertThat(ackedAlertSteps).isNotEmpty();
        checkStored(dbConfig);
    }

    /** Registers the site, landmarks and chips; returns four admin tokens, one per client. */
    private List<String> register(ServerProcess server, List<LandmarkKey> landmarks, List<Pkcs12DeviceKey> devices)
            throws Exception {
        Http http = new Http(server.base(), server.adminToken());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = http.post("/api/v1/tokens", Map.of("name", "client " + i, "role", "ADMIN"));
            http.ok(r);
            tokens.add(JSON.readTree(r.body()).path("token").asText());
        }
        http.ok(http.post(
                "/api/v1/organisations",
                Map.of("id", "op", "name", "Operator", "kind", "CLOUD_OPERATOR", "country", "SG")));
        http.ok(http.post(
                "/api/v1/sites",
                Map.of(
                        "id",
                        "sg-1",
                        "name",
                        "Singapore",
                        "operator_id",
                        "op",
                        "country",
                        "SG",
                        "latitude_deg",
                        1.29,
                        "longitude_deg",
                        103.85,
                        "zone_radius_km",
                        500)));
        for (LandmarkKey k : landmarks) {
            LandmarkIdentity landmark = k.identity();
            String publicKey = Base64.getEncoder()
                    .encodeToString(
                            Ed25519Keys.rawPublicKey(landmark.certificate().getPublicKey()));
            http.ok(http.post(
                    "/api/v1/landmarks",
                    Map.of(
                            "id", landmark.id(),
                            "name", landmark.id(),
                            "latitude_deg", landmark.position().latitudeDegrees(),
                            "longitude_deg", landmark.position().longitudeDegrees(),
                            "public_key", publicKey)));
        }
        for (Pkcs12DeviceKey d : devices) {
            String certificate = Certificates.toPem(d.identity().certificate());
            http.ok(http.post(
                    "/api/v1/chips",
                    Map.of(
                            "serial",
                            d.identity().serial(),
                            "model",
                            "H100",
                            "declared_site_id",
                            "sg-1",
                            "device_certificate",
                            certificate)));
        }
        return tokens;
    }

    /** Two alerts per chip, raised offline (no client can raise one through the API). */
    private static List<Long> raiseAlerts(DatabaseConfig config, List<Pkcs12DeviceKey> devices) {
        List<Long> ids = new ArrayList<>();
        try (Database db = Database.open(config, 2)) {
            AlertService alerts = new AlertService(new AuditedStore(
                    db, new AuditLog(InstantSource.system(), Json.mapper()), InstantSource.system(), Json.mapper()));
            for (Pkcs12DeviceKey d : devices) {
                for (Alert.Rule rule : List.of(Alert.Rule.SILENT, Alert.Rule.UNVERIFIED)) {
                    alerts.raise(
                                    rule,
                                    Alert.Severity.WARNING,
                                    Alert.SubjectType.CHIP,
                                    d.identity().serial(),
                                    "crash test",
                                    Map.of())
                            .ifPresent(a -> ids.add(a.id()));
                }
            }
        }
        return ids;
    }

    private void writeReceipts(
            Http http, List<LandmarkKey> landmarks, List<Pkcs12DeviceKey> devices, Random random, AtomicBoolean stop) {
        while (!stop.get()) {
            List<Map<String, Object>> batch = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                LandmarkKey lm = landmarks.get(random.nextInt(landmarks.size()));
                Pkcs12DeviceKey dev = devices.get(random.nextInt(devices.size()));
                long rtt = 1_000_000 + random.nextInt(1_000_000);
                batch.add(ReceiptJson.toJson(receipt(lm, dev, rtt, random)));
                keys.add(lm.identity().id() + "/" + dev.identity().serial() + "/" + rtt);
            }
            Optional<JsonNode> answer = http.tryPost("/api/v1/receipts", batch);
            if (answer.isEmpty()) {
                firstRefusal.compareAndSet("none", "status " + http.lastStatus.get() + " " + http.lastBody.get());
                continue; // not acknowledged; the server may be gone, or slow
            }
            JsonNode results = answer.get().path("results");
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).path("status").asText().equals("ACCEPTED")) {
                    ackedReceipts.add(results.get(i).path("receipt_id").asLong() + ":" + keys.get(i));
                } else {
                    firstRefusal.compareAndSet("none", results.get(i).toString());
                }
            }
        }
    }

    private static dev.locus.server.ingest.Receipt receipt(
            LandmarkKey landmark, Pkcs12DeviceKey device, long rtt, Random random) {
        return LandmarkReceipts.issue(landmark, device, List.of(rtt + 5_000, rtt, rtt + 9_000), Instant.now(), random);
    }

    private void writeOrganisations(Http http, int round, AtomicBoolean stop) {
        for (int i = 0; !stop.get(); i++) {
            String id = "org-" + round + "-" + i;
            Optional<JsonNode> answer = http.tryPost(
                    "/api/v1/organisations",
                    Map.of("id", id, "name", "Org " + id, "kind", "EXPORTER", "country", "US"));
            if (answer.isEmpty()) {
                continue; // not acknowledged
            }
            ackedOrganisations.add(id);
        }
    }

    /**
     * Acknowledges, then resolves, each alert in turn; a step answered 2xx is recorded. A step
     * answered 409 was taken by an earlier request whose answer was lost in a crash; anything else
     * (no answer, rate limited) is tried again.
     */
    private void writeAlertSteps(Http http, List<Long> ids, int from, AtomicLong done, AtomicBoolean stop) {
        int i = from;
        boolean acknowledged = false;
        while (i < ids.size() && !stop.get()) {
            long id = ids.get(i);
            String step = acknowledged ? "resolve" : "acknowledge";
            boolean ok = http.tryPost("/api/v1/alerts/" + id + "/" + step, Map.of("note", step))
                    .isPresent();
            if (ok) {
                ackedAlertSteps.put(id, acknowledged ? "RESOLVED" : "ACKNOWLEDGED");
            }
            if (ok || http.lastStatus.get() == 409) {
                if (acknowledged) {
                    i++;
                    done.set(i);
                }
                acknowledged = !acknowledged;
            }
        }
    }

    private void readHeads(Http http, AtomicBoolean stop) {
        while (!stop.get()) {
            try {
                http.tryHeadSeq().ifPresent(seq -> headSeen.accumulateAndGet(seq, Math::max));
            } catch (IOException e) {
                return; // the server is gone
            }
        }
    }

    private void checkStored(DatabaseConfig config) throws Exception {
        try (Database db = Database.open(config, 2)) {
            Set<String> stored = new HashSet<>();
            Set<String> orgs = new HashSet<>();
            Map<Long, String> alertStatus = new HashMap<>();
            AuditVerification audit = db.read(c -> {
                try (Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("SELECT id, landmark_id, chip_serial, rtt_min_nanos FROM"
                            + " receipts WHERE status = 'ACCEPTED'")) {
                        while (rs.next()) {
                            stored.add(rs.getLong(1) + ":" + rs.getString(2) + "/" + rs.getString(3) + "/"
                                    + rs.getLong(4));
                        }
                    }
                    try (ResultSet rs = s.executeQuery("SELECT id FROM organisations")) {
                        while (rs.next()) {
                            orgs.add(rs.getString(1));
                        }
                    }
                    try (ResultSet rs = s.executeQuery("SELECT id, status FROM alerts")) {
                        while (rs.next()) {
                            alertStatus.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                }
                return AuditVerifier.verify(c);
            });
            long headSeq = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_head WHERE id = 1");
                        ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            Set<String> lostReceipts = new HashSet<>(ackedReceipts);
            lostReceipts.removeAll(stored);
            Set<String> lostOrgs = new HashSet<>(ackedOrganisations);
            lostOrgs.removeAll(orgs);
            Map<Long, String> lostSteps = new HashMap<>();
            ackedAlertSteps.forEach((id, status) -> {
                String now = alertStatus.get(id);
                boolean kept = status.equals("RESOLVED")
                        ? "RESOLVED".equals(now)
                        : "ACKNOWLEDGED".equals(now) || "RESOLVED".equals(now);
                if (!kept) {
                    lostSteps.put(id, status + " but stored " + now);
                }
            });
            assertThat(lostReceipts).as("acknowledged receipts lost").isEmpty();
            assertThat(lostOrgs).as("acknowledged registrations lost").isEmpty();
            assertThat(lostSteps).as("acknowledged alert actions lost").isEmpty();
            assertThat(audit).isInstanceOf(AuditVerification.Intact.class);
            assertThat(headSeq).isGreaterThanOrEqualTo(headSeen.get());
        }
    }

    private static DatabaseConfig freshPostgresSchema() throws Exception {
        String url = postgresUrl().orElseThrow();
        String schema = "crash_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return DatabaseConfig.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    /** An API client whose calls either return a 2xx answer or report that none came. */
    private static final class Http {
        private final HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final String base;
        private final String token;
        final ThreadLocal<Integer> lastStatus = ThreadLocal.withInitial(() -> 0);
        final ThreadLocal<String> lastBody = ThreadLocal.withInitial(() -> "");

        Http(String base, String token) {
            this.base = base;
            this.token = token;
        }

        HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void ok(HttpResponse<String> r) {
            assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        }

        /** The answer when the server answered 2xx; empty when it refused or died (not acknowledged). */
        Optional<JsonNode> tryPost(String path, Object body) {
            try {
                HttpResponse<String> r = post(path, body);
                lastStatus.set(r.statusCode());
                lastBody.set(r.body());
                return r.statusCode() / 100 == 2 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
            } catch (IOException e) {
                lastStatus.set(0);
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        long headSeq() throws IOException {
            return tryHeadSeq().orElseThrow(() -> new IOException("audit head answered " + lastStatus.get()));
        }

        /** The head's seq when answered 200, empty on another status (e.g. rate limited). */
        java.util.OptionalLong tryHeadSeq() throws IOException {
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/head"))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                lastStatus.set(r.statusCode());
                return r.statusCode() == 200
                        ? java.util.OptionalLong.of(
                                JSON.readTree(r.body()).path("seq").asLong())
                        : java.util.OptionalLong.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
