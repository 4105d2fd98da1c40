package dev.locus.server.verdicts;

import dev.locus.server.Fixtures;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.MutableClock;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.ProtocolReceipts;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import java.time.Duration;

/**
 * Ingestion and the verdict engine over one database, on a clock that starts at {@link
 * Fixtures#NOW}: the fixture's registry (one landmark, lm-sg, and chip GPU-1) with {@code keys},
 * the alert service, the engine with a one-hour window, and a live ingestor.
 */
record VerdictStack(
        MutableClock clock,
        RegistryService registry,
        AlertService alerts,
        VerdictEngine engine,
        ReceiptIngestor ingestor) {

    /** @param toleratedLiars F, how many lying landmark operators the engine tolerates */
    static VerdictStack of(Database db, IssuedReceipts keys, int toleratedLiars) {
        MutableClock clock = new MutableClock(Fixtures.NOW);
        RegistryService registry = Fixtures.registry(db, clock);
        Fixtures.populate(registry, keys);
        AlertService alerts = Fixtures.alerts(db, clock);
        VerdictEngine engine = Fixtures.verdictEngine(db, clock, Duration.ofHours(1), toleratedLiars, alerts);
        ReceiptIngestor ingestor = new ReceiptIngestor(db, new ProtocolReceipts(), IngestPolicy.live(), clock);
        return new VerdictStack(clock, registry, alerts, engine, ingestor);
    }
}
