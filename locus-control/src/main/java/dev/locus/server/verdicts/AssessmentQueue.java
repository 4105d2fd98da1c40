package dev.locus.server.verdicts;

import dev.locus.server.ingest.ReceiptIngestor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chips waiting to be re-assessed: those whose window a receipt shrank (ingestion reports them, see
 * {@link ReceiptIngestor.IngestBatch#windowChanged()}), those whose latest verdict fell due ({@link
 * VerdictEngine#due}), and at start-up those a stopped process left behind. Many receipts for one
 * chip between two drains cost one assessment; receipts that cannot shrink a region cost none.
 * Drains assess chips in batches of {@value #BATCH} on up to {@code threads} threads. Thread-safe.
 */
public final class AssessmentQueue implements ReceiptIngestor.IngestListener {
    private static final Logger LOG = LoggerFactory.getLogger(AssessmentQueue.class);
    /** Chips per assessment transaction. */
    static final int BATCH = 250;

    /** Pending chips with the monotonic time they were first queued, in nanoseconds. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    private final LongAdder storedTotal = new LongAdder();
    private final VerdictEngine engine;
    private final int threads;
    private volatile boolean stopping;
    private final ReentrantLock drainLock = new ReentrantLock();

    /**
     * @param threads how many batches are assessed in parallel during a drain (the geo core is
     *     CPU-bound; one thread keeps up with thousands of chips per second)
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
        queue(batch.windowChanged());
    }

    /** Queues chips whose verdicts fell due, at most {@code limit}; returns how many were found. */
    public int addDue(int limit) {
        List<String> due = engine.due(limit);
        queue(due);
        return due.size();
    }

    /** Queues the chips a stopped process left unassessed; returns how many. */
    public int recover() {
        List<String> left = engine.awaitingAssessment();
        queue(left);
        return left.size();
    }

    private void queue(Collection<String> chips) {
        long now = System.nanoTime();
        for (String c : chips) {
            pending.putIfAbsent(c, now);
        }
    }

    public int size() {
        return pending.size();
    }

    /** Verdicts stored by drains since start. */
    public long storedTotal() {
        return storedTotal.sum();
    }

    /** How long the longest-waiting pending chip has waited; zero when none waits. */
    public Duration oldestPending() {
        long now = System.nanoTime();
        long oldest = now;
        for (long t : pending.values()) {
            oldest = Math.min(oldest, t);
        }
        return Duration.ofNanos(now - oldest);
    }

    /** Makes a running or later drain stop after the batches it is assessing; the rest stay pending. */
    public void stop() {
        stopping = true;
    }

    /**
     * Assesses every pending chip once; returns how many verdicts were stored. Drains run one at a
     * time: a caller that arrives while the scheduler's drain is assessing waits for it, so when
     * this returns every chip that was pending at the call has its verdict stored (a chip taken
     * off the queue by a drain still running in another thread used to be missed).
     */
    public int drain() {
        drainLock.lock();
        try {
            return drainOnce();
        } finally {
            drainLock.unlock();
        }
    }

    private int drainOnce() {
        List<String> chips = new ArrayList<>(pending.keySet());
        if (chips.isEmpty()) {
            return 0;
        }
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < chips.size(); from += BATCH) {
            batches.add(chips.subList(from, Math.min(chips.size(), from + BATCH)));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger stored = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while (!stopping && (i = next.getAndIncrement()) < batches.size()) {
                List<String> batch = batches.get(i);
                // Taken off before reading: a receipt that lands meanwhile queues the chip again.
                batch.forEach(pending::remove);
                try {
                    stored.addAndGet(engine.assess(batch).size());
                } catch (RuntimeException e) {
                    if (stopping) {
                        // The process is stopping and the database may already be closed under us.
                        queue(batch);
                        LOG.info("assessment of {} chips cut short by shutdown; they stay pending", batch.size());
                    } else {
                        stored.addAndGet(oneByOne(batch, e));
                    }
                }
            }
        };
        int n = Math.min(threads, batches.size());
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
                stopping = true; // helpers finish their current batch; never interrupt H2 I/O
                Thread.currentThread().interrupt();
                break;
            }
        }
        storedTotal.add(stored.get());
        return stored.get();
    }

    /**
     * After a batch failed: assesses its chips one at a time so one bad chip cannot hold back the
     * others. A chip that fails alone is logged and left until its next receipt or due time.
     */
    private int oneByOne(List<String> batch, RuntimeException batchFailure) {
        if (batch.size() == 1) {
            LOG.error(
                    "assessing chip {} failed; it is assessed again with its next receipt", batch.get(0), batchFailure);
            return 0;
        }
        int stored = 0;
        for (String serial : batch) {
            try {
                stored += engine.assess(List.of(serial)).size();
            } catch (RuntimeException e) {
                if (stopping) {
                    queue(List.of(serial));
                } else {
                    LOG.error("assessing chip {} failed; it is assessed again with its next receipt", serial, e);
                }
            }
        }
        return stored;
    }
}
