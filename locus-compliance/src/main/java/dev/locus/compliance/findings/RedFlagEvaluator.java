package dev.locus.compliance.findings;

import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.RecordKind;
import dev.locus.compliance.record.RecordListener;
import dev.locus.compliance.record.Shipment;
import dev.locus.compliance.record.SiteCapacity;
import dev.locus.compliance.redflags.Finding;
import dev.locus.compliance.redflags.RecordView;
import dev.locus.compliance.redflags.RedFlagPolicy;
import dev.locus.compliance.redflags.RedFlagRules;
import dev.locus.compliance.redflags.Subject;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.persistence.Sql;
import dev.locus.server.verdicts.VerdictEvent;
import dev.locus.server.verdicts.VerdictListener;
import dev.locus.server.verdicts.VerdictQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Incremental red-flag evaluation: a new order, shipment, allocation, capacity, party change or
 * verdict marks only the subjects it touches (the buyer, the site, the billing country, the chips
 * and the buyers that shipped them); one worker thread evaluates each marked subject's rules and
 * brings its stored findings up to date in one transaction. Thread-safe.
 */
public final class RedFlagEvaluator implements RecordListener, VerdictListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedFlagEvaluator.class.getName());
    private static final int BATCH = 256;
    private static final int FULL_BATCH = 2_000;

    private final AuditedStore store;
    private final FindingStore findingStore;
    private final RedFlagRules rules;
    private final RedFlagPolicy policy;
    private final VerdictQuery verdicts;
    private final OwnershipService ownership;
    private final List<FindingsListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashSet<Subject> pending = new LinkedHashSet<>();
    private final Thread worker;
    private boolean busy;
    /** While a full re-evaluation runs: the subjects touched meanwhile, to evaluate again after it. */
    private Set<Subject> recording;

    private boolean fullRunning;
    private FullRun lastFullRun;

    private boolean closed;
    private long evaluated;

    /** Evaluates on the database and clock of {@code findingStore}, which it brings up to date. */
    public RedFlagEvaluator(
            FindingStore findingStore,
            RedFlagRules rules,
            RedFlagPolicy policy,
            VerdictQuery verdicts,
            OwnershipService ownership) {
        this.findingStore = findingStore;
        this.store = findingStore.store();
        this.rules = rules;
        this.policy = policy;
        this.verdicts = verdicts;
        this.ownership = ownership;
        this.worker = Thread.ofPlatform().daemon().name("locus-redflags").unstarted(this::run);
        worker.start();
    }

    public void addListener(FindingsListener l) {
        listeners.add(l);
    }

    /** Marks subjects for evaluation; returns at once. */
    public void touch(Collection<Subject> subjects) {
        synchronized (pending) {
            if (recording != null) {
                recording.addAll(subjects);
            }
            pending.addAll(subjects);
            pending.notifyAll();
        }
    }

    /** Blocks until every subject marked so far has been evaluated. */
    public void awaitIdle() throws InterruptedException {
        synchronized (pending) {
            while (!pending.isEmpty() || busy) {
                pending.wait();
            }
        }
    }

    /** Subjects evaluated since start. */
    public long evaluatedTotal() {
        synchronized (pending) {
            return evaluated;
        }
    }

    @Override
    public void written(RecordKind<?> kind, List<?> rows) {
        Set<Subject> s = new LinkedHashSet<>();
        List<String> orderIds = new ArrayList<>();
        for (Object row : rows) {
            switch (row) {
                case Order o -> {
                    s.add(Subject.party(o.buyerId()));
                    s.add(Subject.party(o.sellerId()));
                    s.add(Subject.country(o.billingCountry()));
                    o.destinationSiteId().ifPresent(x -> s.add(Subject.site(x)));
                }
                case Shipment sh -> {
                    orderIds.add(sh.orderId());
                    sh.serials().forEach(x -> s.add(Subject.chip(x)));
                }
                case Allocation a -> {
                    s.add(Subject.party(a.tenantId()));
                    a.serials().forEach(x -> s.add(Subject.chip(x)));
                }
                case SiteCapacity c -> {
                    s.add(Subject.site(c.siteId()));
                    s.add(Subject.country(c.country()));
                    s.add(Subject.party(c.operatorId()));
                }
                default -> {}
            }
        }
        if (!orderIds.isEmpty()) {
            store.db().read(c -> buyersOfOrders(c, orderIds)).forEach(b -> s.add(Subject.party(b)));
        }
        touch(s);
    }

    @Override
    public void onVerdict(VerdictEvent event) {
        touch(List.of(Subject.chip(event.verdict().chipSerial())));
    }

    private static Set<String> buyersOfOrders(Connection c, List<String> orderIds) throws SQLException {
        return Sql.stringsIn(c, "SELECT DISTINCT buyer_id FROM orders WHERE id", orderIds);
    }

    /** The buyers whose shipments carried the chip: their country checks depend on its verdict. */
    private static List<String> buyersOfChip(Connection c, String serial) throws SQLException {
        return Sql.query(
                c,
                "SELECT DISTINCT o.buyer_id FROM shipment_chips sc"
                        + " JOIN shipments s ON s.id = sc.shipment_id JOIN orders o ON o.id = s.order_id"
                        + " WHERE sc.chip_serial = ?",
                ps -> ps.setString(1, serial),
                rs -> rs.getString(1));
    }

    /** Evaluates one subject now, on the caller's thread, in its own transaction. */
    public List<Finding> evaluate(Subject subject) {
        return store.db().inTransaction(c -> evaluate(c, subject));
    }

    private List<Finding> evaluate(Connection c, Subject subject) throws SQLException {
        List<Finding> now = findings(subject, new StoredRecordView(c, verdicts, ownership, store.today()));
        stored(c, subject, now, FindingStore.about(c, subject));
        return now;
    }

    /** What the rules raise about a subject over a view: the one evaluation both paths share. */
    private List<Finding> findings(Subject subject, RecordView view) {
        return rules.evaluate(subject, view, policy);
    }

    /** Brings the subject's stored findings ({@code before}) in line with {@code now} and tells the listeners. */
    private void stored(Connection c, Subject subject, List<Finding> now, List<StoredFinding> before)
            throws SQLException {
        List<StoredFinding> opened = findingStore.sync(c, subject, now, before);
        for (FindingsListener l : listeners) {
            l.findingsUpdated(c, subject, opened);
        }
    }

    /**
     * What a full re-evaluation did.
     *
     * @param subjects subjects evaluated
     * @param reconciled subjects whose stored findings were compared (the others had none and raise none)
     * @param readSeconds reading the record into memory
     * @param evaluateSeconds evaluating and reconciling
     */
    public record FullRun(int subjects, long reconciled, long findings, double readSeconds, double evaluateSeconds) {}

    /**
     * Starts {@link #reevaluateAll} on a thread of its own unless one is running.
     *
     * @return whether it started
     */
    public boolean startReevaluation() {
        synchronized (pending) {
            if (fullRunning || closed) {
                return false;
            }
            fullRunning = true;
        }
        Thread.ofVirtual().name("locus-redflags-full").start(() -> {
            try {
                FullRun run = reevaluateAll();
                synchronized (pending) {
                    lastFullRun = run;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "full red-flag re-evaluation failed", e);
            } finally {
                synchronized (pending) {
                    fullRunning = false;
                }
            }
        });
        return true;
    }

    /** Whether a re-evaluation started by {@link #startReevaluation} runs, and what the last one did. */
    public record FullRunStatus(boolean running, Optional<FullRun> last) {}

    public FullRunStatus fullRunStatus() {
        synchronized (pending) {
            return new FullRunStatus(fullRunning, Optional.ofNullable(lastFullRun));
        }
    }

    /**
     * Re-evaluates every subject: reads the record once into memory, runs the rules over every
     * subject there (the same evaluation as one subject's), and reconciles the stored findings in
     * batched transactions (new ones opened, ones no longer raised cleared, unchanged ones left
     * alone; audited as one subject's are). For start-up, a policy change, or on demand; the
     * incremental path keeps running, and subjects it was asked about meanwhile are evaluated again
     * afterwards so that no finding from the older snapshot outlives a newer write.
     */
    public FullRun reevaluateAll() {
        synchronized (pending) {
            recording = new LinkedHashSet<>();
        }
        try {
            long t0 = System.nanoTime();
            LocalDate today = store.today();
            RecordSnapshot snapshot = store.db().inTransaction(c -> RecordSnapshot.load(c, ownership, today));
            Map<Subject, List<StoredFinding>> before = store.db().inTransaction(FindingStore::all);
            Set<Subject> all = new LinkedHashSet<>(snapshot.subjects());
            all.addAll(before.keySet());
            long t1 = System.nanoTime();
            List<Subject> subjects = new ArrayList<>(all);
            long reconciled = 0;
            long raised = 0;
            for (int i = 0; i < subjects.size(); i += FULL_BATCH) {
                List<Subject> batch = subjects.subList(i, Math.min(subjects.size(), i + FULL_BATCH));
                List<List<Finding>> now = batch.parallelStream()
                        .map(s -> findings(s, snapshot.record()))
                        .toList();
                List<Integer> changed = new ArrayList<>();
                for (int j = 0; j < batch.size(); j++) {
                    raised += now.get(j).size();
                    if (!now.get(j).isEmpty() || before.containsKey(batch.get(j))) {
                        changed.add(j);
                    }
                }
                if (!changed.isEmpty()) {
                    try {
                        store.db().inTransaction(c -> {
                            for (int j : changed) {
                                stored(c, batch.get(j), now.get(j), before.getOrDefault(batch.get(j), List.of()));
                            }
                            return null;
                        });
                    } catch (RuntimeException e) {
                        // e.g. the incremental path wrote one of these subjects' findings meanwhile:
                        // it evaluates the batch again from the stored record
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "full re-evaluation: a batch handed to the incremental path",
                                e);
                        touch(changed.stream().map(batch::get).toList());
                    }
                }
                reconciled += changed.size();
            }
            long t2 = System.nanoTime();
            LOG.log(
                    System.Logger.Level.INFO,
                    "full red-flag re-evaluation: {0} subjects, {1} reconciled",
                    subjects.size(),
                    reconciled);
            return new FullRun(subjects.size(), reconciled, raised, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        } finally {
            Set<Subject> again;
            synchronized (pending) {
                again = recording;
                recording = null;
            }
            touch(again);
        }
    }

    private void run() {
        while (true) {
            List<Subject> batch = new ArrayList<>();
            synchronized (pending) {
                while (pending.isEmpty() && !closed) {
                    busy = false;
                    pending.notifyAll();
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                busy = true;
                var it = pending.iterator();
                while (it.hasNext() && batch.size() < BATCH) {
                    batch.add(it.next());
                    it.remove();
                }
            }
            for (Subject s : batch) {
                synchronized (pending) {
                    if (closed) {
                        return;
                    }
                }
                try {
                    List<String> buyers = store.db().inTransaction(c -> {
                        evaluate(c, s);
                        return s.type() == Subject.Type.CHIP ? buyersOfChip(c, s.id()) : List.<String>of();
                    });
                    touch(buyers.stream().map(Subject::party).toList());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "red-flag evaluation of " + s + " failed", e);
                }
            }
            synchronized (pending) {
                evaluated += batch.size();
            }
        }
    }

    /** Stops the worker after the subject it is evaluating; marked subjects not yet evaluated are dropped. */
    @Override
    public void close() {
        synchronized (pending) {
            closed = true;
            pending.notifyAll();
        }
        try {
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
