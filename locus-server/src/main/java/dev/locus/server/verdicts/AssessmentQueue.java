package dev.locus.server.verdicts;

import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.ReceiptIngestor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chips with new accepted receipts that can change their verdict, waiting to be re-assessed. Many
 * receipts for one chip between two drains cost one assessment; receipts that cannot change the
 * feasible region (see {@link VerdictEngine#wouldChange}) cost none. Thread-safe.
 */
public final class AssessmentQueue implements ReceiptIngestor.IngestListener {
    private static final Logger LOG = LoggerFactory.getLogger(AssessmentQueue.class);
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final VerdictEngine engine;

    public AssessmentQueue(VerdictEngine engine) {
        this.engine = engine;
    }

    @Override
    public void ingested(ReceiptIngestor.IngestBatch batch) {
        for (int i = 0; i < batch.results().size(); i++) {
            if (batch.results().get(i) instanceof IngestResult.Accepted) {
                var r = batch.submissions().get(i).receipt();
                if (engine.wouldChange(r.chipSerial(), r.landmarkId(), r.rttMinNanos())) {
                    pending.add(r.chipSerial());
                }
            }
        }
    }

    public int size() {
        return pending.size();
    }

    /** Assesses every pending chip once; returns how many verdicts were stored. */
    public int drain() {
        List<String> chips = new ArrayList<>(pending);
        int stored = 0;
        for (String serial : chips) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down; the rest stay pending
            }
            pending.remove(serial);
            try {
                if (engine.assess(serial).isPresent()) {
                    stored++;
                }
            } catch (RuntimeException e) {
                LOG.error("assessing chip {} failed; it will be assessed again with its next receipt", serial, e);
            }
        }
        return stored;
    }
}
