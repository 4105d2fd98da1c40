package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.ServerConfig;
import dev.locus.server.TestDatabases;
import dev.locus.server.audit.AuditChain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * The audit head for external anchoring: served at {@code /api/v1/audit/head}, and written to the
 * structured log at start and then periodically, always the same values as the database holds.
 */
class AuditHeadIT {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    @TempDir
    Path dataDir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(ControlPlane.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    /** Key-value pairs of the audit-head events logged so far, oldest first. */
    private List<Map<String, String>> headEvents() {
        List<ILoggingEvent> events;
        synchronized (logged) { // AppenderBase.doAppend appends under the appender's lock
            events = List.copyOf(logged.list);
        }
        return events.stream()
                .filter(e -> e.getKeyValuePairs() != null)
                .map(e -> e.getKeyValuePairs().stream()
                        .collect(Collectors.toMap(kv -> kv.key, kv -> String.valueOf(kv.value))))
                .filter(kv -> "audit_head".equals(kv.get("event")))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void head_isServedAndLoggedAtStartAndPeriodically(String engine) throws Exception {
        ServerConfig config = ServerConfig.builder(dataDir)
                .port(0)
                .database(TestDatabases.freshConfig(engine))
                .auditHeadLogInterval(Duration.ofMillis(200))
                .build();
        try (ControlPlane cp = ControlPlane.start(config, InstantSource.system())) {
            ApiClient api = new ApiClient(cp.port());
            String admin = Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();

            // At start: a head is logged at once. It is the bootstrap admin token's issue (entry 1) or a
            // later entry when a start-up writer in the background (the screening lists' first
            // recording) got there first; whichever, it is the chain's entry at that seq.
            Map<String, String> atStart = headEvents().get(0);
            long startSeq = Long.parseLong(atStart.get("audit_seq"));
            assertThat(startSeq).isPositive();
            assertThat(atStart.get("audit_hash")).hasSize(64).isNotEqualTo(AuditChain.GENESIS);
            assertThat(entry(api, admin, startSeq).get("hash").asText()).isEqualTo(atStart.get("audit_hash"));
            JsonNode first = api.get("/api/v1/audit/head", Optional.of(admin)).body();
            assertThat(first.get("seq").asLong()).isGreaterThanOrEqualTo(startSeq);
            assertThat(first.get("hash").asText())
                    .isEqualTo(entry(api, admin, first.get("seq").asLong())
                            .get("hash")
                            .asText());

            assertThat(api.postJson(
                                    "/api/v1/organisations",
                                    admin,
                                    Map.of("id", "op", "name", "Op", "kind", "CLOUD_OPERATOR", "country", "SG"))
                            .status())
                    .isEqualTo(201);
            JsonNode after = api.get("/api/v1/audit/head", Optional.of(admin)).body();
            long afterSeq = after.get("seq").asLong();
            assertThat(afterSeq).isGreaterThan(first.get("seq").asLong());
            assertThat(after.get("hash").asText())
                    .isNotEqualTo(first.get("hash").asText());
            JsonNode verified =
                    api.get("/api/v1/audit/verify", Optional.of(admin)).body();
            assertThat(verified.get("head_hash").asText())
                    .isEqualTo(entry(api, admin, verified.get("entries").asLong())
                            .get("hash")
                            .asText());

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (headEvents().stream().noneMatch(e -> Long.parseLong(e.get("audit_seq")) >= afterSeq)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Map<String, String> periodic = headEvents().stream()
                    .filter(e -> Long.parseLong(e.get("audit_seq")) >= afterSeq)
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("no periodic audit head log line at or after seq " + afterSeq));
            assertThat(periodic)
                    .containsEntry(
                            "audit_hash",
                            entry(api, admin, Long.parseLong(periodic.get("audit_seq")))
                                    .get("hash")
                                    .asText());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void headLogLine_carriesTheHeadAsJsonFieldsUnderTheJsonEncoder(String engine) {
        ServerConfig config =
                ServerConfig.defaults(dataDir).withPort(0).withDatabase(TestDatabases.freshConfig(engine));
        try (ControlPlane cp = ControlPlane.start(config, InstantSource.system())) {
            String hash = cp.logAuditHead().hash();
            ILoggingEvent event;
            synchronized (logged) {
                event = logged.list.stream()
                        .filter(e -> e.getFormattedMessage().startsWith("audit log head"))
                        .reduce((a, b) -> b)
                        .orElseThrow();
            }
            JsonEncoder json = new JsonEncoder();
            json.setContext(logger.getLoggerContext());
            json.start();
            String line = new String(json.encode(event), StandardCharsets.UTF_8);
            assertThat(line).contains("\"audit_hash\"").contains(hash).contains("\"audit_seq\"");
            assertThat(event.getFormattedMessage()).contains(hash);
        }
    }

    /** The chain's entry {@code seq}, read through the audit list. */
    private static JsonNode entry(ApiClient api, String admin, long seq) {
        JsonNode items = api.get("/api/v1/audit?after=" + (seq - 1) + "&limit=1", Optional.of(admin))
                .body()
                .path("items");
        assertThat(items.size()).as("audit entry %d", seq).isEqualTo(1);
        assertThat(items.get(0).get("seq").asLong()).isEqualTo(seq);
        return items.get(0);
    }
}
