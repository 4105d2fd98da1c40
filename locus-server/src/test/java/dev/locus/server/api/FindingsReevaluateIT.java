package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /api/v1/findings/reevaluate}: a full red-flag re-evaluation, started by an officer, not an auditor. */
class FindingsReevaluateIT {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @MethodSource("engines")
    void reevaluate_runsInTheBackground_forThoseWhoManageFindings(String engine) throws Exception {
        try (LocalServer server = LocalServer.start(dataDir, engine, c -> c)) {
            ApiClient api = server.api();
            String admin = server.admin();
            ApiClient.Response issued = api.postJson("/api/v1/tokens", admin, Map.of("name", "aud", "role", "AUDITOR"));
            String auditor = issued.body().path("token").asText();
            ApiClient.Response refused = api.postJson("/api/v1/findings/reevaluate", auditor, Map.of());
            assertThat(refused.status())
                    .as("an auditor reads, does not re-evaluate")
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/findings/reevaluate", Optional.empty(), "application/json", "{}")
                            .status())
                    .isEqualTo(401);

            ApiClient.Response started = api.postJson("/api/v1/findings/reevaluate", admin, Map.of());
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            JsonNode status =
                    api.get("/api/v1/findings/reevaluate", Optional.of(auditor)).body();
            for (long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    status.path("running").asBoolean()
                            || status.path("last").isNull()
                            || status.path("last").isMissingNode(); ) {
                assertThat(System.nanoTime())
                        .as("the re-evaluation never finished: %s", status)
                        .isLessThan(end);
                Thread.sleep(20);
                status = api.get("/api/v1/findings/reevaluate", Optional.of(auditor))
                        .body();
            }
            assertThat(status.path("last").path("subjects").asInt())
                    .as("%s", status)
                    .isGreaterThanOrEqualTo(0);
            assertThat(status.path("last").path("findings").asLong()).isZero();
        }
    }
}
