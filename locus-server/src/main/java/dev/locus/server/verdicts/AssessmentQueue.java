package dev.locus.server.verdicts;

import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.ingest.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chips with new accepted receipts, waiting to be re-assessed. Many receipts for one chip between
 * two drains cost one assessment. Thread-safe.
 */
public final class AssessmentQueue implements ReceiptIngestor.IngestListener {
    private static final Logger LOG = LoggerFactory.getLogger(AssessmentQueue.class);
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final VerdictEngine engine;

    public AssessmentQueue(VerdictEngine engine) {
        this.engine = engine;
    }

    @Override
    public void ingested(List<Submission> submissions, List<IngestResult> results) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof IngestResult.Accepted) {
                pending.add(submissions.get(i).receipt().chipSerial());
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
