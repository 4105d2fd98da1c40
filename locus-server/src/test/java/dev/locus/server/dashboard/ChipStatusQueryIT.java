package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one chip status, read the same way by the summary (grouped, then overruled by open alerts)
 * and by the chip list and detail (per chip), on every engine: a copied identity whose verdict is
 * INCONSISTENT is counted CLONED everywhere, and every grouping still adds up to the fleet.
 */
class ChipStatusQueryIT {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void summaryListAndDetail_agreeOnEveryChipsStatus(String engine) throws Exception {
        // the demo fleet has one landmark per city: it assumes every landmark is honest (F = 0);
        // tolerance of lying landmarks is tested in VerdictEngineTest and ToleranceProperties
        try (LiveServer server = LiveServer.start("locus-chip-status-it", engine, c -> c.withToleratedLiars(0))) {
            ControlPlane cp = server.cp();
            Http http = server.http();
            String admin = server.admin();
            DemoFleet fleet = new DemoFleet(http, admin);
            fleet.register();
            fleet.measure();
            String cloned = DemoFleet.HONEST_SG.get(0);
            // answered Singapore in 0.3 ms, then Hong Kong in 0.3 ms: 2,500 km apart, a copied identity
            fleet.submit(List.of(fleet.receipt("lm-sin", cloned, 0.3)));
            fleet.submit(List.of(fleet.receipt("lm-hkg", cloned, 0.3)));
            cp.assessPending();
            // the clone rule runs after the batch is committed: wait for its alert
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!http.get("/api/v1/alerts?chip_serial=" + cloned, admin)
                    .text()
                    .contains("CLONED_IDENTITY")) {
                assertThat(System.nanoTime())
                        .as("CLONED_IDENTITY alert within 60 s")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            // and for every measured chip's verdict (only the two never measured stay without one)
            JsonNode summary = http.get("/api/v1/dashboard/summary", admin).json();
            while (summary.get("fleet").get("by_status").get("NO_VERDICT").asInt() != 2) {
                assertThat(System.nanoTime())
                        .as("verdicts within 60 s: " + summary.get("fleet"))
                        .isLessThan(deadline);
                cp.assessPending();
                Thread.sleep(100);
                summary = http.get("/api/v1/dashboard/summary", admin).json();
            }
            JsonNode byStatus = summary.get("fleet").get("by_status");
            assertThat(byStatus.get("CLONED").asInt())
                    .as(engine + " " + byStatus)
                    .isEqualTo(1);
            assertThat(byStatus.get("INCONSISTENT").asInt())
                    .as(engine + " " + byStatus)
                    .isZero();
            assertThat(byStatus.get("OUTSIDE_ZONE").asInt())
                    .as(engine + " " + byStatus)
                    .isEqualTo(1);
            assertThat(byStatus.get("IN_RESTRICTED").asInt())
                    .as(engine + " " + byStatus)
                    .isEqualTo(1);
            assertThat(byStatus.get("IN_ZONE").asInt())
                    .as(engine)
                    .isEqualTo(DemoFleet.HONEST_SG.size() - 1 + DemoFleet.HONEST_KL.size());
            for (String grouping : List.of("sites", "licences", "organisations")) {
                int cloneCount = 0;
                int total = 0;
                for (JsonNode row : summary.get(grouping)) {
                    int sum = 0;
                    for (JsonNode n : row.get("chips").get("by_status")) {
                        assertThat(n.asInt()).as(engine + " " + grouping).isNotNegative();
                        sum += n.asInt();
                    }
                    assertThat(sum)
                            .as(engine + " " + grouping)
                            .isEqualTo(row.get("chips").get("total").asInt());
                    cloneCount +=
                            row.get("chips").get("by_status").get("CLONED").asInt();
                    total += sum;
                }
                assertThat(cloneCount).as(engine + " " + grouping).isEqualTo(1);
                assertThat(total).as(engine + " " + grouping).isEqualTo(DemoFleet.CHIPS);
            }
            JsonNode listed = http.get("/api/v1/dashboard/chips?status=CLONED", admin)
                    .json()
                    .get("items");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("serial").asText()).isEqualTo(cloned);
            assertThat(http.get("/api/v1/dashboard/chips/" + cloned, admin)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("CLONED");
            assertThat(http.get("/api/v1/dashboard/chips?q=100-00&limit=1000", admin)
                            .json()
                            .get("items"))
                    .as("substring search")
                    .hasSize(DemoFleet.CHIPS - 1);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void staleProofs_areCountedStaleByTheSummary_asTheListFindsThem(String engine) throws Exception {
        java.time.Duration silent = java.time.Duration.ofSeconds(3);
        try (LiveServer server = LiveServer.start(
                "locus-chip-status-stale-it",
                engine,
                c -> c.withToleratedLiars(0).withAlertPeriods(silent, silent).toBuilder()
                        .ruleInterval(java.time.Duration.ofHours(1)) // no SILENT alert: the proof is only stale
                        .build())) {
            ControlPlane cp = server.cp();
            Http http = server.http();
            String admin = server.admin();
            DemoFleet fleet = server.demoFleet();
            java.time.Instant measured = java.time.Instant.now();
            while (java.time.Instant.now().isBefore(measured.plus(silent).plusSeconds(1))) {
                Thread.sleep(100);
            }
            // one chip attests again: its proof is fresh, every other assessed chip's is stale
            String fresh = DemoFleet.HONEST_SG.get(0);
            fleet.submit(List.of(fleet.receipt("lm-sin", fresh, 0.3)));
            JsonNode byStatus = http.get("/api/v1/dashboard/summary", admin)
                    .json()
                    .get("fleet")
                    .get("by_status");
            JsonNode stale = http.get("/api/v1/dashboard/chips?status=STALE&limit=100", admin)
                    .json()
                    .get("items");
            List<String> staleSerials = new java.util.ArrayList<>();
            stale.forEach(c -> staleSerials.add(c.get("serial").asText()));
            assertThat(staleSerials).as(engine).isNotEmpty().doesNotContain(fresh);
            // chips with open verdict alerts (diverted, in China) keep those statuses
            assertThat(byStatus.get("STALE").asInt())
                    .as(engine + " " + byStatus)
                    .isEqualTo(staleSerials.size());
            assertThat(byStatus.get("OUTSIDE_ZONE").asInt())
                    .as(engine + " " + byStatus)
                    .isEqualTo(1);
        }
    }
}
