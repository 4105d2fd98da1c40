package dev.locus.server.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.Fixtures;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.TestDatabases;
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
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssessmentQueueTest {
    @Test
    void parallelDrain_assessesEveryPendingChipOnce_andSkipsReceiptsThatCannotChangeTheRegion() {
        InstantSource clock = InstantSource.fixed(Fixtures.NOW);
        IssuedReceipts keys = new IssuedReceipts(17);
        try (Database db = TestDatabases.fresh("h2")) {
            RegistryService registry = Fixtures.registry(db, clock);
            Fixtures.populate(registry, keys);
            for (int i = 0; i < 20; i++) {
                Fixtures.chipAtSg1(registry, keys, "C-" + i);
            }
            AlertService alerts = Fixtures.alerts(db, clock);
            // one-landmark fixture: assumes every landmark is honest (F = 0)
            VerdictEngine engine = Fixtures.verdictEngine(db, clock, Duration.ofHours(24), 0, alerts);
            AssessmentQueue queue = new AssessmentQueue(engine, 4);
            ReceiptIngestor ingestor = new ReceiptIngestor(db, new ProtocolReceipts(), IngestPolicy.live(), clock);
            ingestor.addListener(queue);
            Principal admin = new Principal("t", "admin", Role.ADMIN, Optional.empty());
            List<Submission> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(Submission.of(keys.sign("lm-sg", "C-" + i, List.of(400_000L), Fixtures.NOW)));
            }
            ingestor.ingest(batch, admin);
            assertThat(queue.size()).isEqualTo(20);
            assertThat(queue.drain()).isEqualTo(20);
            assertThat(queue.size()).isZero();
            for (int i = 0; i < 20; i++) {
                assertThat(engine.history("C-" + i, 0, 10).items()).hasSize(1);
            }

            ingestor.ingest(List.of(Submission.of(keys.sign("lm-sg", "C-0", List.of(450_000L), Fixtures.NOW))), admin);
            assertThat(queue.size())
                    .as("a longer round trip cannot shrink the region")
                    .isZero();
            ingestor.ingest(List.of(Submission.of(keys.sign("lm-sg", "C-0", List.of(350_000L), Fixtures.NOW))), admin);
            assertThat(queue.size()).as("a shorter one can").isEqualTo(1);
        }
    }
}
