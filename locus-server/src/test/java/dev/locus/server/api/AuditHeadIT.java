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

            // At start: the bootstrap admin token's issue is the first entry.
            Map<String, String> atStart = headEvents().get(0);
            assertThat(atStart).containsEntry("audit_seq", "1");
            assertThat(atStart.get("audit_hash")).hasSize(64).isNotEqualTo(AuditChain.GENESIS);
            JsonNode first = api.get("/api/v1/audit/head", Optional.of(admin)).body();
            assertThat(first.get("seq").asLong()).isEqualTo(1);
            assertThat(first.get("hash").asText()).isEqualTo(atStart.get("audit_hash"));
            assertThat(first.get("recorded_at").asText()).isEqualTo(atStart.get("audit_recorded_at"));

            assertThat(api.postJson(
                                    "/api/v1/organisations",
                                    admin,
                                    Map.of("id", "op", "name", "Op", "kind", "CLOUD_OPERATOR", "country", "SG"))
                            .status())
                    .isEqualTo(201);
            JsonNode after = api.get("/api/v1/audit/head", Optional.of(admin)).body();
            assertThat(after.get("seq").asLong()).isEqualTo(2);
            assertThat(after.get("hash").asText())
                    .isNotEqualTo(first.get("hash").asText());
            JsonNode verified =
                    api.get("/api/v1/audit/verify", Optional.of(admin)).body();
            assertThat(verified.get("head_hash").asText())
                    .isEqualTo(after.get("hash").asText());

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (headEvents().stream().noneMatch(e -> e.get("audit_seq").equals("2"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Map<String, String> periodic = headEvents().stream()
                    .filter(e -> e.get("audit_seq").equals("2"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no periodic audit head log line with seq 2"));
            assertThat(periodic).containsEntry("audit_hash", after.get("hash").asText());
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
}
