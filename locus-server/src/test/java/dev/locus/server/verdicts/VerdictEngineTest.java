package dev.locus.server.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.geo.verdict.Verdict;
import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.Json;
import dev.locus.server.MutableClock;
import dev.locus.server.TestDatabases;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.ProtocolReceipts;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.ingest.Submission;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerdictEngineTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static final Principal ADMIN = new Principal("t", "admin", Role.ADMIN, Optional.empty());
    private final IssuedReceipts keys = new IssuedReceipts(17);

    private void submit(ReceiptIngestor ingestor, MutableClock clock, String landmark, long rtt) {
        ingestor.ingest(List.of(Submission.of(keys.sign(landmark, "GPU-1", List.of(rtt), clock.instant()))), ADMIN);
    }

    /** At F = 1 one landmark alone proves nothing: shown as "depends on one landmark", not as proven. */
    @EachEngine
    void oneLandmarkAlone_atFOne_isNotProven_andEvidenceSaysItDependsOnOneLandmark(Database db) throws Exception {
        VerdictStack tolerant = VerdictStack.of(db, keys, 1);
        submit(tolerant.ingestor(), tolerant.clock(), "lm-sg", 200_000);
        StoredVerdict v = tolerant.engine().assess("GPU-1").orElseThrow();
        assertThat(v.verdicts()).doesNotContain(Verdict.IN_ZONE, Verdict.EXCLUDES_RESTRICTED);
        assertThat(v.proven()).isFalse();
        JsonNode evidence = Json.mapper().readTree(v.evidenceJson());
        assertThat(evidence.get("tolerated_liars").asInt()).isEqualTo(1);
        assertThat(evidence.get("policy").get("tolerated_liars").asInt()).isEqualTo(1);
        assertThat(evidence.get("honest_only").toString()).contains("IN_ZONE", "EXCLUDES_RESTRICTED");
        assertThat(evidence.get("honest_only_meaning").asText()).startsWith("depends on one landmark");
        assertThat(evidence.get("measurements").get(0).get("operator").asText()).isEqualTo("lm-sg");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void regionThatNoLongerOverlapsThePreviousOne_raisesMoved_andEvidenceNamesTheReceipts(String engine)
            throws Exception {
        MutableClock clock = new MutableClock(Fixtures.NOW);
        try (Database db = TestDatabases.fresh(engine)) {
            RegistryService registry = Fixtures.registry(db, clock);
            Fixtures.populate(registry, keys);
            Fixtures.frankfurtLandmark(registry, keys);
            AlertService alerts = Fixtures.alerts(db, clock);
            // one-landmark fixture: assumes every landmark is honest (F = 0)
            VerdictEngine engineUnderTest = Fixtures.verdictEngine(db, clock, Duration.ofHours(1), 0, alerts);
            ReceiptIngestor ingestor = new ReceiptIngestor(db, new ProtocolReceipts(), IngestPolicy.live(), clock);

            submit(ingestor, clock, "lm-sg", 200_000); // within 30 km of the landmark, 37 km of the site
            StoredVerdict first = engineUnderTest.assess("GPU-1").orElseThrow();
            assertThat(first.verdicts()).contains(Verdict.IN_ZONE, Verdict.EXCLUDES_RESTRICTED);
            assertThat(first.proven()).isTrue();
            JsonNode evidence = Json.mapper().readTree(first.evidenceJson());
            long receiptId =
                    evidence.get("measurements").get(0).get("receipt_id").asLong();
            assertThat(receiptId).isPositive();
            assertThat(evidence.get("policy").get("speed_provable").asBoolean()).isTrue();

            clock.advance(Duration.ofHours(2)); // the Singapore receipt has left the 1 h window
            submit(ingestor, clock, "lm-fra", 300_000); // within 45 km of Frankfurt
            StoredVerdict second = engineUnderTest.assess("GPU-1").orElseThrow();
            assertThat(second.verdicts()).contains(Verdict.OUTSIDE_ZONE).doesNotContain(Verdict.IN_ZONE);

            List<Alert.Rule> raised = alerts.page(Optional.empty(), Optional.of("GPU-1"), 0, 100).items().stream()
                    .map(Alert::rule)
                    .toList();
            assertThat(raised).contains(Alert.Rule.MOVED, Alert.Rule.OUTSIDE_ZONE);
            assertThat(engineUnderTest.latest("GPU-1", true))
                    .map(StoredVerdict::id)
                    .contains(first.id());
            assertThat(engineUnderTest.latest("GPU-1", false))
                    .map(StoredVerdict::id)
                    .contains(second.id());
        }
    }

    @EachEngine
    void noReceiptsInTheWindow_storesNoVerdict(Database db) {
        // one-landmark fixture: assumes every landmark is honest (F = 0)
        VerdictEngine engineUnderTest = VerdictStack.of(db, keys, 0).engine();
        assertThat(engineUnderTest.assess("GPU-1")).isEmpty();
        assertThat(engineUnderTest.assess("NO-SUCH-CHIP")).isEmpty();
        assertThat(engineUnderTest.history("GPU-1", 0, 10).items()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void provenMeansInPlace_neverAProvenViolation() {
        assertThat(VerdictEngine.provesCompliance(Set.of(Verdict.IN_ZONE, Verdict.EXCLUDES_RESTRICTED)))
                .isTrue();
        assertThat(VerdictEngine.provesCompliance(Set.of(Verdict.EXCLUDES_RESTRICTED)))
                .isTrue();
        assertThat(VerdictEngine.provesCompliance(Set.of(Verdict.EXCLUDES_RESTRICTED, Verdict.OUTSIDE_ZONE)))
                .isFalse();
        assertThat(VerdictEngine.provesCompliance(Set.of(Verdict.IN_RESTRICTED, Verdict.OUTSIDE_ZONE)))
                .isFalse();
        assertThat(VerdictEngine.provesCompliance(Set.of(Verdict.INCONCLUSIVE))).isFalse();
        assertThat(VerdictEngine.provesCompliance(Set.of(Verdict.INCONSISTENT))).isFalse();
    }
}
