package dev.locus.server.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.Json;
import dev.locus.server.MutableClock;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.ingest.Submission;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import dev.locus.wire.RegistryValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The window minima kept by ingestion and the verdict engine together: which receipts queue an
 * assessment, how minima that leave the window are recomputed, and when verdicts fall due.
 */
class WindowMaintenanceTest {

    private static final Principal ADMIN = new Principal("t", "admin", Role.ADMIN, Optional.empty());
    private final IssuedReceipts keys = new IssuedReceipts(17);

    private record Setup(
            Database db,
            MutableClock clock,
            RegistryService registry,
            ReceiptIngestor ingestor,
            VerdictEngine engine,
            List<Set<String>> changed) {}

    private Setup setup(Database db) {
        // one-landmark fixture: assumes every landmark is honest (F = 0)
        VerdictStack stack = VerdictStack.of(db, keys, 0);
        List<Set<String>> changed = new ArrayList<>();
        stack.ingestor().addListener(b -> changed.add(b.windowChanged()));
        return new Setup(db, stack.clock(), stack.registry(), stack.ingestor(), stack.engine(), changed);
    }

    private long submit(Setup s, String chip, long rttNanos) {
        List<IngestResult> r = s.ingestor()
                .ingest(
                        List.of(Submission.of(keys.sign(
                                "lm-sg", chip, List.of(rttNanos), s.clock().instant()))),
                        ADMIN);
        assertThat(r.get(0)).isInstanceOf(IngestResult.Accepted.class);
        return ((IngestResult.Accepted) r.get(0)).receiptId();
    }

    private static long evidenceReceipt(StoredVerdict v) throws Exception {
        JsonNode e = Json.mapper().readTree(v.evidenceJson());
        assertThat(e.get("measurements")).hasSize(1);
        return e.get("measurements").get(0).get("receipt_id").asLong();
    }

    @EachEngine
    void onlyReceiptsThatLowerAMinimum_reportTheChipsWindowChanged(Database db) {
        Setup s = setup(db);
        submit(s, "GPU-1", 400_000);
        submit(s, "GPU-1", 450_000);
        submit(s, "GPU-1", 399_999);
        s.clock().advance(Duration.ofSeconds(1));
        submit(s, "GPU-1", 399_999); // as short, but later: kept (it stays in the window longer)
        assertThat(s.changed()).containsExactly(Set.of("GPU-1"), Set.of(), Set.of("GPU-1"), Set.of("GPU-1"));
    }

    @EachEngine
    void minimumThatLeftTheWindow_isReplacedByTheShortestReceiptStillInIt_thenDropped(Database db) throws Exception {
        Setup s = setup(db);
        long shortest = submit(s, "GPU-1", 300_000);
        s.clock().advance(Duration.ofMinutes(40));
        long longer = submit(s, "GPU-1", 500_000); // not kept by ingestion: 300 us is shorter
        StoredVerdict first = s.engine().assess("GPU-1").orElseThrow();
        assertThat(evidenceReceipt(first)).isEqualTo(shortest);
        assertThat(s.engine().due(10))
                .as("not due before the 300 us receipt leaves the window")
                .isEmpty();

        s.clock().advance(Duration.ofMinutes(21)); // 61 min: the 300 us receipt has left the 1 h window
        assertThat(s.engine().due(10)).containsExactly("GPU-1");
        StoredVerdict second = s.engine().assess("GPU-1").orElseThrow();
        assertThat(evidenceReceipt(second))
                .as("the window's minimum is now the longer receipt")
                .isEqualTo(longer);
        assertThat(s.engine().due(10)).isEmpty();

        s.clock().advance(Duration.ofMinutes(40)); // 101 min: the longer one (40 min) has left too
        assertThat(s.engine().due(10)).containsExactly("GPU-1");
        assertThat(s.engine().assess("GPU-1"))
                .as("nothing measured in the window")
                .isEmpty();
        assertThat(s.engine().due(10)).as("postponed, not due at every sweep").isEmpty();
        assertThat(s.engine().latest("GPU-1", false).map(StoredVerdict::id)).contains(second.id());
        long rows = db.read(c -> {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM chip_window")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(rows).as("the aged-out row is deleted").isZero();
    }

    @EachEngine
    void batchAssessment_storesOneVerdictPerMeasuredChip_andSkipsUnknownAndUnmeasuredOnes(Database db) {
        Setup s = setup(db);
        for (int i = 0; i < 30; i++) {
            Fixtures.chipAtSg1(s.registry(), keys, "C-" + i);
        }
        for (int i = 0; i < 25; i++) {
            submit(s, "C-" + i, 300_000 + i);
        }
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            serials.add("C-" + i);
        }
        serials.add("NO-SUCH-CHIP");
        assertThat(s.engine().awaitingAssessment()).hasSize(25);
        // Past the slack the recovery scan allows for commits that trail an assessment.
        s.clock().advance(Duration.ofMinutes(6));
        List<StoredVerdict> stored = s.engine().assess(serials);
        assertThat(stored).hasSize(25);
        assertThat(stored).allSatisfy(v -> assertThat(v.proven()).isTrue());
        assertThat(s.engine().awaitingAssessment()).isEmpty();
        for (StoredVerdict v : stored) {
            assertThat(s.engine().latest(v.chipSerial(), false).map(StoredVerdict::id))
                    .contains(v.id());
        }
    }

    @EachEngine
    void reassessingAnUnchangedWindow_confirmsTheLatestVerdict_withoutStoringAnother(Database db) {
        Setup s = setup(db);
        submit(s, "GPU-1", 300_000);
        StoredVerdict first = s.engine().assess("GPU-1").orElseThrow();
        s.clock().advance(Duration.ofMinutes(16)); // the refresh (a quarter of the 1 h window)
        assertThat(s.engine().due(10)).containsExactly("GPU-1");
        assertThat(s.engine().assess(List.of("GPU-1"))).as("nothing new stored").isEmpty();
        assertThat(s.engine().assess("GPU-1").map(StoredVerdict::id)).contains(first.id());
        assertThat(s.engine().history("GPU-1", 0, 10).items()).hasSize(1);
        assertThat(s.engine().due(10))
                .as("confirmed: not due again until the next refresh")
                .isEmpty();
        java.time.Instant lastProven = db.read(c -> {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT last_proven_at FROM chip_verdicts")) {
                rs.next();
                return dev.locus.server.persistence.Sql.getInstant(rs, "last_proven_at");
            }
        });
        assertThat(lastProven).isEqualTo(s.clock().instant());

        submit(s, "GPU-1", 299_000); // a shorter round trip: a new window, a new verdict
        assertThat(s.engine().assess("GPU-1").map(StoredVerdict::id)).isNotEqualTo(Optional.of(first.id()));
        assertThat(s.engine().history("GPU-1", 0, 10).items()).hasSize(2);
    }

    @EachEngine
    void equalVerdicts_andConfirmations_extendOnePeriod_thatEndsAtTheLastOne(Database db) {
        Setup s = setup(db);
        submit(s, "GPU-1", 300_000);
        StoredVerdict first = s.engine().assess("GPU-1").orElseThrow();
        s.clock().advance(Duration.ofMinutes(16));
        assertThat(s.engine().assess(List.of("GPU-1"))).as("a confirmation").isEmpty();
        java.time.Instant confirmedAt = s.clock().instant();
        s.clock().advance(Duration.ofMinutes(1));
        submit(s, "GPU-1", 299_000); // a new window, the same verdict
        StoredVerdict third = s.engine().assess("GPU-1").orElseThrow();
        assertThat(third.id()).isNotEqualTo(first.id());
        assertThat(third.verdicts()).isEqualTo(first.verdicts());
        List<String> periods = db.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT first_verdict_id, last_verdict_id, assessments, first_seen,"
                            + " last_confirmed FROM verdict_periods ORDER BY id")) {
                while (rs.next()) {
                    out.add(rs.getLong(1) + ".." + rs.getLong(2) + " x" + rs.getLong(3) + " "
                            + dev.locus.server.persistence.Sql.getInstant(rs, "first_seen") + ".."
                            + dev.locus.server.persistence.Sql.getInstant(rs, "last_confirmed"));
                }
            }
            return out;
        });
        assertThat(confirmedAt).isBefore(third.assessedAt());
        assertThat(periods)
                .containsExactly(
                        first.id() + ".." + third.id() + " x3 " + first.assessedAt() + ".." + third.assessedAt());
    }

    @EachEngine
    void landmarkMarkedSuspect_makesItsChipsDue_andTheirNextVerdictIgnoresIt(Database db) {
        Setup s = setup(db);
        submit(s, "GPU-1", 300_000);
        assertThat(s.engine().assess("GPU-1")).isPresent();
        assertThat(s.engine().due(10)).isEmpty();

        s.registry().setLandmarkStatus("lm-sg", RegistryValues.LandmarkStatus.SUSPECT, "mesh audit", "test");
        assertThat(s.engine().invalidateLandmark("lm-sg")).isEqualTo(1);
        assertThat(s.engine().due(10)).containsExactly("GPU-1");
        assertThat(s.engine().assess("GPU-1"))
                .as("its only landmark no longer counts")
                .isEmpty();
    }
}
