package dev.locus.bench.load;

import dev.locus.compliance.findings.RedFlagEvaluator;
import dev.locus.compliance.record.RecordService;
import dev.locus.compliance.redflags.Subject;
import dev.locus.geo.verdict.Verdict;
import dev.locus.server.ControlPlane;
import dev.locus.server.Json;
import dev.locus.server.ServerConfig;
import dev.locus.server.persistence.DatabaseConfig;
import dev.locus.server.persistence.Sql;
import dev.locus.server.verdicts.StoredVerdict;
import dev.locus.server.verdicts.VerdictEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Load run of the STORED red-flag path ({@link RedFlagEvaluator} over the database, the path the
 * server runs): bulk-loads a seeded record (the same shape as {@link RedFlagBench}'s: parties,
 * sites with capacity and a licence, chips each with a verdict, orders each with one shipment of two
 * serials, allocations) into a fresh control plane's database with JDBC batches, then
 *
 * <ol>
 *   <li>re-evaluates every subject with {@link RedFlagEvaluator#reevaluateAll} (the record read once
 *       into memory, findings reconciled in batches);
 *   <li>up to {@value #PER_SUBJECT_MAX_CHIPS} chips: evaluates every subject once (parties, chips,
 *       sites, countries) through the evaluator's worker, the per-subject path, then the full path
 *       again over the stored findings, and reports the per-subject time over the full path's;
 *   <li>writes {@code newOrders} orders one by one through {@link RecordService#create} (the API's
 *       path) and {@code newVerdicts} verdicts published to the evaluator as the verdict engine
 *       publishes them, and reports how many subjects each re-evaluated and how long it took.
 * </ol>
 *
 * Prints the figures as JSON on standard output, progress on standard error. {@code ./locus bench
 * redflags-stored} parses the options and runs this.
 *
 * @param size the size of the seeded record
 * @param newOrders orders written one by one after the full evaluation
 * @param newVerdicts verdicts published after the full evaluation, at most one per chip
 * @param database {@code embedded} (a fresh H2 under a temporary directory) or a PostgreSQL URL
 *     (the run creates its own schema there and drops it afterwards)
 */
public record StoredRedFlagBench(RecordSize size, int newOrders, int newVerdicts, String database) {
    private static final String[] COUNTRIES = {"SG", "MY", "TH", "ID", "VN", "JP", "KR", "DE", "FR", "US", "IN", "AE"};
    private static final int COMMIT_EVERY = 20_000;
    /** Above this many chips the per-subject full evaluation (about 290 subjects/s) is not run. */
    private static final int PER_SUBJECT_MAX_CHIPS = 200_000;

    /** @throws IllegalArgumentException when a size is out of range */
    public StoredRedFlagBench {
        int chips = size.chips();
        if (chips < 10
                || size.parties() < 100
                || size.orders() < 1
                || newOrders < 0
                || newVerdicts < 0
                || newVerdicts > chips) {
            throw new IllegalArgumentException("--chips must be >= 10, --parties >= 100, --orders >= 1,"
                    + " --new-orders >= 0 and --new-verdicts in [0, chips]; got chips " + chips + ", parties "
                    + size.parties() + ", orders " + size.orders() + ", new orders " + newOrders + ", new verdicts "
                    + newVerdicts);
        }
    }

    /** Runs the load, the full evaluation and the incremental writes; answers the figures. */
    public Map<String, Object> run() throws Exception {
        Path dir = Files.createTempDirectory("locus-redflag-bench-");
        DatabaseConfig dbConfig = database.equalsIgnoreCase("embedded")
                ? DatabaseConfig.embedded(dir)
                : DatabaseConfig.parse(
                        IngestBench.withFreshSchema(database.strip().replaceFirst("(?i)^postgres\\s+", "")), dir);
        ServerConfig config =
                ServerConfig.builder(dir).database(dbConfig).port(0).build();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("database", dbConfig.kind().name().toLowerCase(java.util.Locale.ROOT));
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("load_average_before", loadAverage());
        try (ControlPlane cp = ControlPlane.start(config, InstantSource.system())) {
            run(cp, out);
        } finally {
            IngestBench.dropOwnSchema(dbConfig);
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        out.put("load_average_after", loadAverage());
        out.put("peak_heap_mib", peakHeapMiB());
        out.put("max_heap_mib", Runtime.getRuntime().maxMemory() / 1048576);
        return out;
    }

    private void run(ControlPlane cp, Map<String, Object> out) throws Exception {
        RedFlagEvaluator evaluator = cp.compliance().redFlags();
        long t0 = System.nanoTime();
        try (Connection c = cp.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            load(c);
        }
        cp.database().maintenance(c -> {
            try (var s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            return null;
        });
        double loadSeconds = seconds(t0);
        progress("record loaded in %.1f s", loadSeconds);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("chips", size.chips());
        record.put("parties", size.parties() + 1);
        record.put("orders", size.orders());
        record.put("shipments", size.orders());
        record.put("sites", size.sites());
        record.put("allocations", size.parties() / 20);
        record.put("load_seconds", round(loadSeconds));
        out.put("record", record);

        Map<String, Object> fullPath = fullPath(evaluator, "full path (findings table empty)");
        fullPath.put("findings_by_rule", countBy(cp, "rule"));
        out.put("full_path", fullPath);
        if (size.chips() > PER_SUBJECT_MAX_CHIPS) {
            out.put(
                    "full_evaluation",
                    "per-subject full evaluation skipped above " + PER_SUBJECT_MAX_CHIPS
                            + " chips (about an hour at 1,000,000)");
        } else {
            perSubject(cp, evaluator, out);
            Map<String, Object> again = fullPath(evaluator, "full path again (findings stored, unchanged)");
            out.put("full_path_again", again);
            @SuppressWarnings("unchecked")
            double perSubjectSeconds = (double) ((Map<String, Object>) out.get("full_evaluation")).get("seconds");
            out.put("per_subject_over_full_path", round(perSubjectSeconds / (double) fullPath.get("seconds")));
        }
        out.put("new_orders", newOrders(cp, evaluator));
        out.put("new_verdicts", newVerdicts(cp, evaluator));
    }

    /** Times {@link RedFlagEvaluator#reevaluateAll}, with the heap's peak during it. */
    private static Map<String, Object> fullPath(RedFlagEvaluator evaluator, String what) {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t = System.nanoTime();
        RedFlagEvaluator.FullRun run = evaluator.reevaluateAll();
        double seconds = seconds(t);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subjects", run.subjects());
        m.put("subjects_reconciled", run.reconciled());
        m.put("findings_raised", run.findings());
        m.put("read_seconds", round(run.readSeconds()));
        m.put("evaluate_and_reconcile_seconds", round(run.evaluateSeconds()));
        m.put("seconds", round(seconds));
        m.put("subjects_per_second", Math.round(run.subjects() / seconds));
        m.put("peak_heap_mib", peakHeapMiB());
        m.put("load_average", loadAverage());
        progress("%s: %,d subjects in %.1f s (read %.1f s)", what, run.subjects(), seconds, run.readSeconds());
        return m;
    }

    /** The per-subject full evaluation through the incremental worker (the path before the full one). */
    private void perSubject(ControlPlane cp, RedFlagEvaluator evaluator, Map<String, Object> out)
            throws InterruptedException {
        List<Subject> subjects = new ArrayList<>(size.chips() + size.parties() + size.sites() + COUNTRIES.length + 1);
        for (int i = 0; i < size.chips(); i++) {
            subjects.add(Subject.chip("c" + i)); // first: a chip touches its buyers, already pending then
        }
        for (int p = 0; p < size.parties(); p++) {
            subjects.add(Subject.party("p" + p));
        }
        subjects.add(Subject.party("nvx"));
        for (int s = 0; s < size.sites(); s++) {
            subjects.add(Subject.site("site" + s));
        }
        for (String country : COUNTRIES) {
            subjects.add(Subject.country(country));
        }
        long before = evaluator.evaluatedTotal();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t1 = System.nanoTime();
        evaluator.touch(subjects);
        awaitIdle(evaluator, "full evaluation", subjects.size(), before);
        double fullSeconds = seconds(t1);
        long evaluated = evaluator.evaluatedTotal() - before;
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("subjects_marked", subjects.size());
        full.put("subjects_evaluated", evaluated);
        full.put("seconds", round(fullSeconds));
        full.put("subjects_per_second", Math.round(evaluated / fullSeconds));
        full.put("findings_by_rule", countBy(cp, "rule"));
        full.put("cases_opened", count(cp, "SELECT COUNT(*) FROM cases"));
        full.put("load_average", loadAverage());
        full.put("peak_heap_mib", peakHeapMiB());
        out.put("full_evaluation", full);
        progress("full evaluation: %,d subjects in %.1f s", evaluated, fullSeconds);
    }

    /** Writes new orders one by one through the record service, as the API does. */
    private Map<String, Object> newOrders(ControlPlane cp, RedFlagEvaluator evaluator) throws InterruptedException {
        Random random = new Random(7);
        long before = evaluator.evaluatedTotal();
        long t = System.nanoTime();
        for (int i = 0; i < newOrders; i++) {
            int buyer = random.nextInt(size.parties());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("id", "new-o" + i);
            fields.put("seller_id", "nvx");
            fields.put("buyer_id", "p" + buyer);
            fields.put("billing_party_id", "p" + buyer);
            fields.put("billing_country", COUNTRIES[buyer / 10 % size.sites() % COUNTRIES.length]);
            fields.put("model", "H100");
            fields.put("quantity", "8");
            fields.put("value_usd", "240000");
            fields.put("ordered_on", "2025-06-01");
            fields.put("destination_site_id", "site" + (buyer / 10 % size.sites()));
            cp.compliance().record().create(RecordService.ORDERS, fields, "bench");
        }
        evaluator.awaitIdle();
        return incremental(newOrders, evaluator.evaluatedTotal() - before, seconds(t));
    }

    /** Stores new verdicts and publishes each to the evaluator, as the verdict engine does. */
    private Map<String, Object> newVerdicts(ControlPlane cp, RedFlagEvaluator evaluator) throws InterruptedException {
        Random random = new Random(11);
        long before = evaluator.evaluatedTotal();
        long t = System.nanoTime();
        for (int i = 0; i < newVerdicts; i++) {
            String serial = "c" + random.nextInt(size.chips());
            Set<Verdict> verdicts = i % 2 == 0 ? EnumSet.of(Verdict.OUTSIDE_ZONE) : EnumSet.of(Verdict.IN_ZONE);
            Instant now = Sql.micros(Instant.now());
            long id = cp.database().inTransaction(c -> insertVerdict(c, serial, verdicts, now));
            StoredVerdict v = new StoredVerdict(id, serial, now.minusSeconds(3600), now, verdicts, true, "{}", now);
            cp.compliance()
                    .verdictListener()
                    .onVerdict(new VerdictEvent(v, List.of(), 0, Set.of(), Optional.empty(), 0, List.of(), ""));
        }
        evaluator.awaitIdle();
        return incremental(newVerdicts, evaluator.evaluatedTotal() - before, seconds(t));
    }

    private static Map<String, Object> incremental(int writes, long evaluated, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("writes", writes);
        m.put("subjects_re_evaluated", evaluated);
        m.put("subjects_per_write", writes == 0 ? 0 : round((double) evaluated / writes));
        m.put("seconds", round(seconds));
        m.put("ms_per_write", writes == 0 ? 0 : round(seconds * 1000 / writes));
        progress("%,d writes re-evaluated %,d subjects in %.1f s", writes, evaluated, seconds);
        return m;
    }

    private static long insertVerdict(Connection c, String serial, Set<Verdict> verdicts, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO verdicts (chip_serial, window_start, window_end, verdicts, proven, evidence_json,"
                        + " assessed_at) VALUES (?, ?, ?, ?, TRUE, '{}', ?)",
                new String[] {"id"})) {
            ps.setString(1, serial);
            Sql.setInstant(ps, 2, at.minusSeconds(3600));
            Sql.setInstant(ps, 3, at);
            ps.setString(
                    4,
                    verdicts.stream()
                            .map(Enum::name)
                            .sorted()
                            .reduce((a, b) -> a + "," + b)
                            .orElse(""));
            Sql.setInstant(ps, 5, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The seeded record, in JDBC batches committed every {@value #COMMIT_EVERY} rows. */
    private void load(Connection c) throws SQLException {
        Instant now = Sql.micros(Instant.now());
        Batch orgs = new Batch(c, "INSERT INTO organisations (id, name, kind, country, created_at) VALUES (?,?,?,?,?)");
        orgs.add("nvx", "NVX", "EXPORTER", "US", now);
        for (int s = 0; s < size.sites(); s++) {
            orgs.add("org" + s, "Operator " + s, s % 4 == 0 ? "CLOUD_OPERATOR" : "END_USER", country(s), now);
        }
        orgs.close();
        Batch siteRows = new Batch(
                c,
                "INSERT INTO sites (id, name, operator_id, country, latitude_deg, longitude_deg, zone_radius_km,"
                        + " created_at) VALUES (?,?,?,?,?,?,?,?)");
        Batch licences = new Batch(
                c,
                "INSERT INTO licences (id, exporter_id, end_user_id, site_id, chip_count, conditions, valid_from,"
                        + " valid_until, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                siteRows);
        Batch capacity = new Batch(
                c,
                "INSERT INTO site_capacity (site_id, operator_id, country, power_mw, racks, declared_on, created_at)"
                        + " VALUES (?,?,?,?,?,?,?)");
        for (int s = 0; s < size.sites(); s++) {
            siteRows.add("site" + s, "Site " + s, "org" + s, country(s), 1.0 + s % 80, 100.0 + s % 60, 25.0, now);
            licences.add(
                    "lic" + s,
                    "nvx",
                    "org" + s,
                    "site" + s,
                    size.chips() / size.sites() + 1,
                    s % 5 == 0 ? "no D:5 tenants" : "no re-export",
                    Date.valueOf("2023-01-01"),
                    Date.valueOf("2030-12-31"),
                    now);
            capacity.add(
                    "site" + s,
                    "p" + (s * 10 % size.parties()),
                    country(s),
                    1.0 + s % 20,
                    100,
                    Date.valueOf("2023-01-01"),
                    now);
        }
        loaded("sites, licences and capacities", size.sites(), siteRows, licences, capacity);

        Batch party = new Batch(
                c,
                "INSERT INTO parties (id, kind, country_of_incorporation, headquarters_country, incorporated_on,"
                        + " revision, created_at, updated_at) VALUES (?,?,?,?,?,1,?,?)");
        Batch names =
                new Batch(c, "INSERT INTO party_details (party_id, field, ordinal, text) VALUES (?,'NAME',0,?)", party);
        party.add("nvx", "EXPORTER", "US", "US", Date.valueOf("1993-01-01"), now, now);
        names.add("nvx", "NVX");
        for (int p = 0; p < size.parties(); p++) {
            String kind = p % 50 == 0 ? "FREIGHT_FORWARDER" : p % 20 == 0 ? "IAAS_TENANT" : "END_USER";
            String country = p % 97 == 0 ? "CN" : COUNTRIES[p % COUNTRIES.length];
            LocalDate formed = LocalDate.of(p % 13 == 0 ? 2024 : 2005 + p % 15, 1 + p % 12, 1);
            party.add("p" + p, kind, country, country, Date.valueOf(formed), now, now);
            names.add("p" + p, "Party " + p);
        }
        loaded("parties", size.parties() + 1, party, names);

        Batch chip = new Batch(
                c,
                "INSERT INTO chips (serial, model, licence_id, declared_site_id, status, created_at)"
                        + " VALUES (?,'H100',?,?,'INSTALLED',?)");
        Batch verdict = new Batch(
                c,
                "INSERT INTO verdicts (chip_serial, window_start, window_end, verdicts, proven, evidence_json,"
                        + " assessed_at) VALUES (?,?,?,?,?,'{}',?)",
                chip);
        for (int i = 0; i < size.chips(); i++) {
            int s = i % size.sites();
            chip.add("c" + i, "lic" + s, "site" + s, now);
            String v = i % 100 == 0 ? "INCONCLUSIVE" : i % 333 == 0 ? "OUTSIDE_ZONE" : "EXCLUDES_RESTRICTED,IN_ZONE";
            verdict.add("c" + i, now.minusSeconds(3600), now, v, i % 100 != 0, now);
        }
        loaded("chips, each with a verdict", size.chips(), chip, verdict);

        Random random = new Random(42);
        Batch order = new Batch(
                c,
                "INSERT INTO orders (id, seller_id, buyer_id, billing_party_id, billing_country, model, quantity,"
                        + " value_usd, ordered_on, destination_site_id, created_at) VALUES (?,?,?,?,?,'H100',?,?,?,?,?)");
        Batch shipment = new Batch(
                c,
                "INSERT INTO shipments (id, order_id, consignee_id, ship_to_address, ship_to_country, address_kind,"
                        + " declared_contents, chip_count, shipped_on, created_at) VALUES (?,?,?,'addr',?,?,"
                        + "'GPU servers',?,?,?)",
                order);
        Batch serials = new Batch(c, "INSERT INTO shipment_chips (shipment_id, chip_serial) VALUES (?,?)", shipment);
        int[] nextAtSite = new int[size.sites()];
        int perSite = Math.max(1, size.chips() / size.sites());
        for (int o = 0; o < size.orders(); o++) {
            int buyer = random.nextInt(size.parties());
            int site = buyer / 10 % size.sites();
            String country = country(site);
            int quantity = o % 1000 == 0 ? 2000 : 2;
            LocalDate on = LocalDate.of(2021 + random.nextInt(5), 1 + random.nextInt(12), 1);
            order.add(
                    "o" + o,
                    "nvx",
                    "p" + buyer,
                    "p" + buyer,
                    o % 211 == 0 ? "SG" : country,
                    quantity,
                    java.math.BigDecimal.valueOf(quantity * 30_000L),
                    Date.valueOf(on),
                    "site" + site,
                    now);
            shipment.add(
                    "s" + o,
                    "o" + o,
                    "p" + buyer,
                    o % 173 == 0 ? "MY" : country,
                    o % 401 == 0 ? "FORWARDER" : "COMMERCIAL",
                    quantity,
                    Date.valueOf(on.plusDays(10)),
                    now);
            // the chips shipped are chips of the order's site (chip c is at site c % sites)
            int a = site + size.sites() * (nextAtSite[site]++ % perSite);
            int b = site + size.sites() * (nextAtSite[site]++ % perSite);
            serials.add("s" + o, "c" + Math.min(a, size.chips() - 1));
            if (b != a && b < size.chips()) {
                serials.add("s" + o, "c" + b);
            }
            if (o % 200_000 == 199_999) {
                progress("%,d orders and shipments", o + 1);
            }
        }
        loaded("orders and shipments", size.orders(), order, shipment, serials);

        Batch allocation = new Batch(
                c,
                "INSERT INTO allocations (id, tenant_id, site_id, chip_count, valid_from, valid_until, purpose,"
                        + " user_countries, created_at) VALUES (?,?,?,64,?,?,?,?,?)");
        for (int a = 0; a < size.parties() / 20; a++) {
            allocation.add(
                    "a" + a,
                    "p" + (a * 20),
                    "site" + (a % size.sites()),
                    Date.valueOf("2025-01-01"),
                    Date.valueOf("2025-12-31"),
                    a % 3 == 0 ? "TRAINING" : "INFERENCE",
                    COUNTRIES[a % COUNTRIES.length],
                    now);
        }
        allocation.close();
    }

    private static String country(int site) {
        return COUNTRIES[site % COUNTRIES.length];
    }

    /**
     * One INSERT statement in batches, committed every {@value #COMMIT_EVERY} rows; the batches of
     * the rows it references are written first.
     */
    private static final class Batch {
        private final Connection c;
        private final PreparedStatement ps;
        private final Batch[] parents;
        private int pending;

        Batch(Connection c, String sql, Batch... parents) throws SQLException {
            this.c = c;
            this.ps = c.prepareStatement(sql);
            this.parents = parents;
        }

        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Instant at) {
                    Sql.setInstant(ps, i + 1, at);
                } else {
                    ps.setObject(i + 1, values[i]);
                }
            }
            ps.addBatch();
            if (++pending == COMMIT_EVERY) {
                flush();
            }
        }

        private void flush() throws SQLException {
            for (Batch p : parents) {
                p.flush();
            }
            if (pending > 0) {
                ps.executeBatch();
                c.commit();
                pending = 0;
            }
        }

        void close() throws SQLException {
            flush();
            ps.close();
        }
    }

    /** Writes the rest of {@code batches}, in order, and says that {@code count} WHAT were loaded. */
    private static void loaded(String what, int count, Batch... batches) throws SQLException {
        for (Batch b : batches) {
            b.close();
        }
        progress("%,d " + what, count);
    }

    /** Waits for the evaluator, printing its progress every 30 s. */
    private static void awaitIdle(RedFlagEvaluator evaluator, String what, int marked, long before)
            throws InterruptedException {
        Thread watcher = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    Thread.sleep(30_000);
                    progress("%s: %,d of %,d subjects", what, evaluator.evaluatedTotal() - before, marked);
                }
            } catch (InterruptedException done) {
                // the evaluation finished
            }
        });
        try {
            evaluator.awaitIdle();
        } finally {
            watcher.interrupt();
        }
    }

    private static Map<String, Long> countBy(ControlPlane cp, String column) {
        return cp.database().read(c -> {
            Map<String, Long> m = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + ", COUNT(*) FROM findings"
                            + " WHERE status = 'OPEN' GROUP BY " + column);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
            }
            return m;
        });
    }

    private static long count(ControlPlane cp, String sql) {
        return cp.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static double loadAverage() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The sum of the heap pools' peak usage since the JVM started (an upper bound of the peak heap). */
    private static long peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1048576;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void progress(String format, Object... args) {
        System.err.printf("redflags-stored: " + format + "%n", args);
        System.err.flush();
    }

    /** Runs the bench and prints its figures as JSON on standard output; answers that JSON. */
    public static String runAndPrint(StoredRedFlagBench bench) throws Exception {
        String text = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(bench.run());
        System.out.println(text);
        return text;
    }
}
