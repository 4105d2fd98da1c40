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
    /** Chips being assessed now: a receipt arriving meanwhile may postdate the window that was read. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private final VerdictEngine engine;
    private final int threads;
    private volatile boolean stopping;

    /**
     * @param threads how many chips are assessed in parallel during a drain (CPU-bound: the geo core
     *     takes about a millisecond per assessment)
     */
    public AssessmentQueue(VerdictEngine engine, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("assessment threads must be >= 1, got " + threads);
        }
        this.engine = engine;
        this.threads = threads;
    }

    @Override
    public void ingested(ReceiptIngestor.IngestBatch batch) {
        for (int i = 0; i < batch.results().size(); i++) {
            if (batch.results().get(i) instanceof IngestResult.Accepted) {
                var r = batch.submissions().get(i).receipt();
                if (inFlight.contains(r.chipSerial())
                        || engine.wouldChange(r.chipSerial(), r.landmarkId(), r.rttMinNanos())) {
                    pending.add(r.chipSerial());
                }
            }
        }
    }

    public int size() {
        return pending.size();
    }

    /** Makes a running or later drain stop after the chips it is assessing; the rest stay pending. */
    public void stop() {
        stopping = true;
    }

    /** Assesses every pending chip once, on up to {@code threads} threads; returns how many verdicts were stored. */
    public int drain() {
        List<String> chips = new ArrayList<>(pending);
        if (chips.isEmpty()) {
            return 0;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            int i;
            while (!stopping && (i = next.getAndIncrement()) < chips.size()) {
                String serial = chips.get(i);
                inFlight.add(serial);
                pending.remove(serial);
                try {
                    if (engine.assess(serial).isPresent()) {
                        stored.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    if (stopping) {
                        // The process is stopping and the database may already be closed under us.
                        LOG.info("assessment of chip {} cut short by shutdown; it stays pending", serial);
                        pending.add(serial);
                    } else {
                        LOG.error(
                                "assessing chip {} failed; it will be assessed again with its next receipt", serial, e);
                    }
                } finally {
                    inFlight.remove(serial);
                }
            }
        };
        int n = Math.min(threads, chips.size());
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < n; t++) {
            Thread h = new Thread(worker, "locus-assess-" + t);
            h.setDaemon(true);
            h.start();
            helpers.add(h);
        }
        worker.run();
        for (Thread h : helpers) {
            try {
                h.join();
            } catch (InterruptedException e) {
                stopping = true; // helpers finish their current chip; never interrupt H2 I/O
                Thread.currentThread().interrupt();
                break;
            }
        }
        return stored.get();
    }
}
