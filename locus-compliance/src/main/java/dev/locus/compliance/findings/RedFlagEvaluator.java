package dev.locus.compliance.findings;

import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.RecordKind;
import dev.locus.compliance.record.RecordListener;
import dev.locus.compliance.record.Shipment;
import dev.locus.compliance.record.SiteCapacity;
import dev.locus.compliance.redflags.Finding;
import dev.locus.compliance.redflags.RedFlagPolicy;
import dev.locus.compliance.redflags.RedFlagRules;
import dev.locus.compliance.redflags.Subject;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.verdicts.VerdictEvent;
import dev.locus.server.verdicts.VerdictListener;
import dev.locus.server.verdicts.VerdictQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

    private final Database db;
    private final FindingStore store;
    private final RedFlagRules rules;
    private final RedFlagPolicy policy;
    private final VerdictQuery verdicts;
    private final OwnershipService ownership;
    private final InstantSource clock;
    private final List<FindingsListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashSet<Subject> pending = new LinkedHashSet<>();
    private final Thread worker;
    private boolean busy;
    private boolean closed;
    private long evaluated;

    public RedFlagEvaluator(
            Database db,
            FindingStore store,
            RedFlagRules rules,
            RedFlagPolicy policy,
            VerdictQuery verdicts,
            OwnershipService ownership,
            InstantSource clock) {
        this.db = db;
        this.store = store;
        this.rules = rules;
        this.policy = policy;
        this.verdicts = verdicts;
        this.ownership = ownership;
        this.clock = clock;
        this.worker = Thread.ofPlatform().daemon().name("locus-redflags").unstarted(this::run);
        worker.start();
    }

    public void addListener(FindingsListener l) {
        listeners.add(l);
    }

    /** Marks subjects for evaluation; returns at once. */
    public void touch(Collection<Subject> subjects) {
        synchronized (pending) {
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
            db.read(c -> buyersOfOrders(c, orderIds)).forEach(b -> s.add(Subject.party(b)));
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
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT o.buyer_id FROM shipment_chips sc"
                + " JOIN shipments s ON s.id = sc.shipment_id JOIN orders o ON o.id = s.order_id"
                + " WHERE sc.chip_serial = ?")) {
            ps.setString(1, serial);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /** Evaluates one subject now, on the caller's thread, in its own transaction. */
    public List<Finding> evaluate(Subject subject) {
        return db.inTransaction(c -> evaluate(c, subject));
    }

    private List<Finding> evaluate(Connection c, Subject subject) throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Finding> now = rules.evaluate(subject, new StoredRecordView(c, verdicts, ownership, today), policy);
        List<StoredFinding> opened = store.sync(c, subject, now);
        for (FindingsListener l : listeners) {
            l.findingsUpdated(c, subject, opened);
        }
        return now;
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
                    List<String> buyers = db.inTransaction(c -> {
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
