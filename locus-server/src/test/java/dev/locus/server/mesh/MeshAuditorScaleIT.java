package dev.locus.server.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.Fixtures;
import dev.locus.server.MutableClock;
import dev.locus.server.TestDatabases;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.alerts.SuspectLandmarkRule;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import dev.locus.sim.latency.Host;
import dev.locus.sim.latency.LatencyDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every server of the bundled WonderProxy data as a landmark at its published position, every
 * measured pair as a signed peer round trip through the ingestion checks: the live audit names
 * what the geo core's evaluation names (ADR 0004) and prints how long ingestion and one run took.
 */
class MeshAuditorScaleIT {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static final Principal ADMIN = new Principal("t0", "admin", Role.ADMIN, Optional.empty());

    @ParameterizedTest
    @MethodSource("engines")
    void wholeDataSet_marksLaCeiba_andAlertsTheIsolatedPairs(String engine) {
        LatencyDataset data = LatencyDataset.bundled();
        MutableClock clock = new MutableClock(Fixtures.NOW);
        PeerMesh mesh = new PeerMesh(17);
        for (Host h : data.hosts()) {
            mesh.landmark("h" + h.id(), h.name(), h.position());
        }
        try (Database db = TestDatabases.fresh(engine)) {
            AuditedStore store = Fixtures.store(db, clock);
            RegistryService registry = new RegistryService(store);
            AlertService alerts = new AlertService(store);
            mesh.register(registry);
            PeerRoundTripIngestor ingestor = new PeerRoundTripIngestor(db, IngestPolicy.live(), clock);
            MeshAuditor audit = new MeshAuditor(
                    db,
                    registry,
                    SuspectLandmarkRule.install(db, alerts, clock),
                    id -> {},
                    clock,
                    Duration.ofHours(24),
                    Duration.ofMinutes(1));

            List<PeerSubmission> all = new ArrayList<>();
            Instant at = Fixtures.NOW.minusSeconds(60);
            List<Host> hosts = data.hosts();
            for (int i = 0; i < hosts.size(); i++) {
                for (int j = i + 1; j < hosts.size(); j++) {
                    var rtt = data.minRoundTrip(hosts.get(i).id(), hosts.get(j).id());
                    if (rtt.isPresent()) {
                        all.add(PeerSubmission.of(mesh.receipt(
                                mesh.keys.get("h" + hosts.get(i).id()),
                                mesh.keys.get("h" + hosts.get(j).id()),
                                rtt.get().nanos(),
                                at)));
                    }
                }
            }
            long t0 = System.nanoTime();
            for (int from = 0; from < all.size(); from += IngestPolicy.MAX_BATCH) {
                List<IngestResult> res =
                        ingestor.ingest(all.subList(from, Math.min(all.size(), from + IngestPolicy.MAX_BATCH)), ADMIN);
                assertThat(res).allMatch(r -> r instanceof IngestResult.Accepted);
            }
            long t1 = System.nanoTime();
            MeshAuditor.Outcome o = audit.run();
            long t2 = System.nanoTime();
            audit.report();
            long t3 = System.nanoTime();
            System.out.printf(
                    "mesh audit scale (%s): %d landmarks, %d peer round trips ingested in %.1f s (%.0f/s);"
                            + " first run (marking, alerts) %.0f ms, read-only report %.0f ms%n",
                    engine,
                    hosts.size(),
                    all.size(),
                    (t1 - t0) / 1e9,
                    all.size() / ((t1 - t0) / 1e9),
                    (t2 - t1) / 1e6,
                    (t3 - t2) / 1e6);

            assertThat(o.report().pairsChecked()).isEqualTo(all.size());
            assertThat(o.marked()).containsExactly("h220"); // La Ceiba
            Set<String> alerted = alerts.page(Optional.of(Alert.Status.OPEN), Optional.empty(), 0, 100).items().stream()
                    .map(Alert::subjectId)
                    .collect(Collectors.toSet());
            // La Ceiba, and both sides of the isolated pairs Vienna-Prague and Rome-Lugano
            assertThat(alerted).containsExactlyInAnyOrder("h220", "h20", "h3", "h190", "h211");
        }
    }
}
