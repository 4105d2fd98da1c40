package dev.locus.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.server.Bytes;
import dev.locus.server.ControlPlane;
import dev.locus.server.Json;
import dev.locus.server.ServerConfig;
import dev.locus.server.ingest.Receipt;
import dev.locus.server.ingest.ReceiptJson;
import dev.locus.server.persistence.DatabaseConfig;
import dev.locus.wire.LocusClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The control plane under receipt load: {@code ./locus bench ingest} parses the options and runs
 * this (see docs/control-plane.md, "Load run"). Prints the figures as JSON on standard output,
 * progress on standard error.
 */
public final class IngestBench {
    int chips;

    int seconds;

    String database;

    Path json;

    int rate;

    int clients;

    int batch;

    int assessmentThreads;

    /** How receipts are spread over chips and landmarks. */
    public enum Pattern {
        ROUNDS,
        RANDOM
    }

    Pattern pattern;

    boolean deviceCertificates;

    private static final int LANDMARKS = 24;
    private static final int PER_CHIP = 6;

    /** The run's settings, as {@code ./locus bench ingest} takes them (null json: no file). */
    public record Settings(
            int chips,
            int seconds,
            String database,
            Path json,
            int rate,
            int clients,
            int batch,
            int assessmentThreads,
            Pattern pattern,
            boolean deviceCertificates) {}

    public IngestBench(Settings settings) {
        this.chips = settings.chips();
        this.seconds = settings.seconds();
        this.database = settings.database();
        this.json = settings.json();
        this.rate = settings.rate();
        this.clients = settings.clients();
        this.batch = settings.batch();
        this.assessmentThreads = settings.assessmentThreads();
        this.pattern = settings.pattern();
        this.deviceCertificates = settings.deviceCertificates();
    }

    /** Runs the load and prints the figures; returns the exit code. */
    public int run() throws Exception {
        if (chips < 1 || seconds < 1 || rate < 1 || clients < 1 || batch < 1 || batch > 5000) {
            throw new IllegalArgumentException(
                    "--chips, --seconds, --rate, --clients must be >= 1 and --batch in [1, 5000]");
        }
        ObjectMapper mapper = Json.mapper();
        Path dir = Files.createTempDirectory("locus-bench-");
        DatabaseConfig dbConfig = database.equalsIgnoreCase("embedded")
                ? DatabaseConfig.embedded(dir)
                : DatabaseConfig.parse(withFreshSchema(database.strip().replaceFirst("(?i)^postgres\\s+", "")), dir);
        Optional<CertificateAuthority> ca = deviceCertificates
                ? Optional.of(CertificateAuthority.create(
                        "Locus bench manufacturer CA", Duration.ofDays(30), InstantSource.system(), new SecureRandom()))
                : Optional.empty();
        ServerConfig config = ServerConfig.builder(dir)
                .database(dbConfig)
                .port(0)
                .rateLimits(1_000_000, 1_000_000)
                .assessmentThreads(assessmentThreads)
                .manufacturerCas(ca.map(c -> List.of(c.certificate())).orElse(List.of()))
                .build();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("database", dbConfig.kind().name().toLowerCase(java.util.Locale.ROOT));
        out.put("chips", chips);
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("assessment_threads", assessmentThreads);
        out.put("pattern", pattern.name().toLowerCase(java.util.Locale.ROOT));
        out.put("offered_receipts_per_second", rate);
        out.put("device_certificates", deviceCertificates);
        try (ControlPlane cp = ControlPlane.start(config, InstantSource.system())) {
            run(cp, dir, ca, out);
        } finally {
            // A failed run leaves nothing behind either: its schema and its temporary directory.
            dropOwnSchema(dbConfig);
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        String text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        System.out.println(text);
        if (json != null) {
            Files.writeString(json, text + "\n");
        }
        return 0;
    }

    private void run(ControlPlane cp, Path dir, Optional<CertificateAuthority> ca, Map<String, Object> out)
            throws Exception {
        ObjectMapper mapper = Json.mapper();
        String token =
                Files.readString(dir.resolve(ControlPlane.ADMIN_TOKEN_FILE)).strip();
        Http http = new Http(cp.port(), token);
        Random random = new Random(1);
        long t0 = System.nanoTime();
        Signers signers = register(http, ca);
        long t1 = System.nanoTime();
        registerChips(http, signers);
        long t2 = System.nanoTime();
        System.err.printf("registered %d chips in %.1f s%n", chips, (t2 - t1) / 1e9);
        out.put("registration_seconds", round((t2 - t1) / 1e9));
        out.put("registration_micros_per_chip", round((t2 - t1) / 1e3 / chips));
        settle(cp);

        int total = rate * seconds;
        System.err.printf("signing %d receipts in advance...%n", total);
        List<String> bodies = sign(signers, total, random, mapper);
        System.err.printf("posting for %d s with %d clients, %d receipts per request...%n", seconds, clients, batch);

        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        List<Long> readNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        Future<?> reader = pool.submit(() -> readLoop(http, deadline, readNanos, random));
        AtomicLong maxBacklog = new AtomicLong();
        var backlogSampler = Executors.newSingleThreadScheduledExecutor();
        AtomicLong maxWaitMillis = new AtomicLong();
        backlogSampler.scheduleAtFixedRate(
                () -> {
                    maxBacklog.accumulateAndGet(cp.pendingAssessments(), Math::max);
                    maxWaitMillis.accumulateAndGet(cp.oldestPendingAssessment().toMillis(), Math::max);
                },
                1,
                1,
                java.util.concurrent.TimeUnit.SECONDS);
        long start = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            senders.add(pool.submit(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < bodies.size()) {
                    // Offered load: request i is not sent before i * batch / rate seconds.
                    long due = start + (long) (i * (double) batch * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    LocusClient.Reply r = http.post("/api/v1/receipts", bodies.get(i));
                    if (r.status() != 200) {
                        throw new IllegalStateException("receipt batch answered " + r.status() + ": " + r.body());
                    }
                    JsonNode n = mapper.readTree(r.body());
                    accepted.addAndGet(n.get("accepted").asLong());
                    rejected.addAndGet(n.get("rejected").asLong());
                }
                return null;
            }));
        }
        for (Future<?> f : senders) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        long verdictsDuringLoad = count(cp, "SELECT COUNT(*) FROM verdicts");
        long backlogAtEnd = cp.pendingAssessments();
        reader.get();
        pool.shutdown();
        backlogSampler.shutdownNow();
        long catchUpStart = System.nanoTime();
        while (cp.pendingAssessments() > 0 && System.nanoTime() - catchUpStart < 300_000_000_000L) {
            Thread.sleep(100);
        }
        Thread.sleep(300); // the drain that emptied the queue commits its last batch
        double catchUp = (System.nanoTime() - catchUpStart) / 1e9;
        long[] lags = verdictLagsMillis(cp);
        long[] reads = readNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long verdicts = count(cp, "SELECT COUNT(*) FROM verdicts");
        out.put("seconds", round(elapsed / 1e9));
        out.put("receipts_accepted", accepted.get());
        out.put("receipts_rejected", rejected.get());
        out.put("receipts_per_second", round(accepted.get() / (elapsed / 1e9)));
        out.put("api_reads", reads.length);
        out.put("api_read_p50_ms", round(percentile(reads, 0.50) / 1e6));
        out.put("api_read_p99_ms", round(percentile(reads, 0.99) / 1e6));
        out.put("verdicts_stored_during_load", verdictsDuringLoad);
        out.put("verdicts_per_second", round(verdictsDuringLoad / (elapsed / 1e9)));
        out.put("verdicts_stored", verdicts);
        out.put("assessment_backlog_chips_max", maxBacklog.get());
        out.put("assessment_backlog_chips_at_end", backlogAtEnd);
        out.put("assessment_longest_wait_seconds", round(maxWaitMillis.get() / 1000.0));
        out.put("catch_up_seconds", round(catchUp));
        out.put("verdict_lag_samples", lags.length);
        out.put("verdict_lag_p50_ms", percentile(lags, 0.50));
        out.put("verdict_lag_p99_ms", percentile(lags, 0.99));
        out.put("verdict_lag_max_ms", lags.length == 0 ? 0 : lags[lags.length - 1]);
        out.put(
                "chips_without_current_verdict",
                count(
                        cp,
                        "SELECT COUNT(*) FROM chip_window w"
                                + " LEFT JOIN chip_verdicts v ON v.chip_serial = w.chip_serial"
                                + " WHERE v.chip_serial IS NULL OR v.assessed_at < w.updated_at"));
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.gc();
        long heapAfterGc =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.put("heap_used_mb_after_gc", heapAfterGc / 1_000_000);
        out.put("heap_bytes_per_chip_after_gc", heapAfterGc / chips);
        out.put("heap_committed_mb", heap.getCommitted() / 1_000_000);
        out.put("setup_seconds", round((t1 - t0) / 1e9));
    }

    /**
     * Registration is its own phase (a registry is filled long before it is measured): let the
     * database analyse the bulk-loaded tables now rather than in the middle of the timed phase.
     */
    private static void settle(ControlPlane cp) {
        long t = System.nanoTime();
        cp.database().maintenance(c -> {
            try (var s = c.createStatement()) {
                boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
                s.execute(postgres ? "VACUUM (ANALYZE) chips" : "ANALYZE");
            }
            return null;
        });
        System.err.printf("analysed the registry in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    /** Drops the schema this run created in PostgreSQL (nothing else). */
    static void dropOwnSchema(DatabaseConfig config) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("currentSchema=(bench_[0-9a-f]+)")
                .matcher(config.jdbcUrl());
        if (config.kind() != DatabaseConfig.Kind.POSTGRES || !m.find()) {
            return;
        }
        try (var c = java.sql.DriverManager.getConnection(config.jdbcUrl());
                var s = c.createStatement()) {
            s.execute("DROP SCHEMA " + m.group(1) + " CASCADE");
        } catch (java.sql.SQLException e) {
            System.err.println("could not drop bench schema " + m.group(1) + ": " + e.getMessage());
        }
    }

    /** A PostgreSQL URL with a currentSchema of its own, created first, so runs never collide. */
    static String withFreshSchema(String url) throws Exception {
        String jdbc = url.startsWith("jdbc:") ? url : "jdbc:" + url;
        String schema = "bench_" + Long.toHexString(System.nanoTime());
        if (!jdbc.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "--database must be 'embedded' or a PostgreSQL URL (jdbc:postgresql://...), got '" + url + "'");
        }
        try (var c = java.sql.DriverManager.getConnection(jdbc);
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalArgumentException(
                    "cannot create a bench schema in " + jdbc.replaceAll("(?i)(password=)[^&;]*", "$1***") + ": "
                            + e.getMessage(),
                    e);
        }
        System.err.println("bench schema: " + schema);
        return jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * Who signs the bench's receipts: CA-certified Locus landmark keys, and each chip's device key
     * (a certified one, or a bare Ed25519 key registered as the chip's {@code device_public_key}).
     */
    private record Signers(
            List<LandmarkKey> landmarks,
            List<Pkcs12DeviceKey> devices,
            List<byte[]> bareSecrets,
            List<byte[]> barePublicKeys) {
        boolean certified() {
            return !devices.isEmpty();
        }
    }

    private Signers register(Http http, Optional<CertificateAuthority> ca) throws Exception {
        check(http.post(
                "/api/v1/organisations",
                "{\"id\":\"exp\",\"name\":\"Exporter\",\"kind\":\"EXPORTER\",\"country\":\"US\"}"));
        check(http.post(
                "/api/v1/organisations",
                "{\"id\":\"op\",\"name\":\"Operator\",\"kind\":\"CLOUD_OPERATOR\",\"country\":\"SG\"}"));
        check(http.post(
                "/api/v1/sites",
                "{\"id\":\"sg-1\",\"name\":\"Singapore\",\"operator_id\":\"op\",\"country\":\"SG\","
                        + "\"latitude_deg\":1.29,\"longitude_deg\":103.85,\"zone_radius_km\":500}"));
        SecureRandom secure = new SecureRandom();
        // landmarks are certified by the manufacturer CA when there is one, else by a bench CA the
        // server never sees: the server knows landmarks by their registered keys only
        CertificateAuthority landmarkCa = ca.orElseGet(() -> CertificateAuthority.create(
                "Locus bench landmark CA", Duration.ofDays(30), InstantSource.system(), secure));
        List<LandmarkKey> certified = new ArrayList<>();
        for (int i = 0; i < LANDMARKS; i++) {
            String id = String.format("lm-%02d", i);
            LandmarkKey k = LandmarkKey.generate(
                    landmarkCa, id, "landmark " + i, landmarkPosition(i), Duration.ofDays(30), secure);
            certified.add(k);
            Bytes publicKey =
                    Bytes.of(Ed25519Keys.rawPublicKey(k.identity().certificate().getPublicKey()));
            check(http.post(
                    "/api/v1/landmarks",
                    String.format(
                            java.util.Locale.ROOT,
                            "{\"id\":\"%s\",\"name\":\"landmark %d\",\"latitude_deg\":%.4f,\"longitude_deg\":%.4f,\"public_key\":\"%s\"}",
                            id,
                            i,
                            landmarkPosition(i).latitudeDegrees(),
                            landmarkPosition(i).longitudeDegrees(),
                            publicKey.toBase64())));
        }
        List<Pkcs12DeviceKey> devices = new ArrayList<>();
        List<byte[]> bare = new ArrayList<>();
        List<byte[]> barePublic = new ArrayList<>();
        if (ca.isPresent()) {
            System.err.printf("certifying %d device keys...%n", chips);
            for (int i = 0; i < chips; i++) {
                devices.add(Pkcs12DeviceKey.generate(ca.get(), serial(i), "H100", Duration.ofDays(30), secure));
            }
        } else {
            System.err.printf("generating %d device keys...%n", chips);
            for (int i = 0; i < chips; i++) {
                byte[] secret = Ed25519Keys.generateSecret(secure);
                bare.add(secret);
                barePublic.add(Ed25519Keys.publicKey(secret));
            }
        }
        return new Signers(certified, devices, bare, barePublic);
    }

    private void registerChips(Http http, Signers signers) throws Exception {
        int perFile = 100_000;
        boolean certified = signers.certified();
        for (int from = 0; from < chips; from += perFile) {
            StringBuilder csv = new StringBuilder(
                    certified
                            ? "serial,model,declared_site_id,status,device_certificate\n"
                            : "serial,model,declared_site_id,status,device_public_key\n");
            for (int i = from; i < Math.min(chips, from + perFile); i++) {
                csv.append(serial(i)).append(",H100,sg-1,INSTALLED,");
                csv.append(Base64.getEncoder()
                        .encodeToString(
                                certified
                                        ? Certificates.der(signers.devices()
                                                .get(i)
                                                .identity()
                                                .certificate())
                                        : signers.barePublicKeys().get(i)));
                csv.append('\n');
            }
            LocusClient.Reply r = http.post("/api/v1/imports/chips", "text/csv", csv.toString());
            if (r.status() != 201) {
                throw new IllegalStateException("chip import answered " + r.status() + ": " + r.body());
            }
        }
    }

    /** Chips spread over about 45 km around the Singapore site. */
    private static GeoPosition chipPosition(int chip) {
        return GeoPosition.ofDegrees(
                1.29 + (Math.floorMod(chip * 37, 100) - 50) / 250.0,
                103.85 + (Math.floorMod(chip * 91, 100) - 50) / 250.0);
    }

    private static GeoPosition landmarkPosition(int i) {
        return GeoPosition.ofDegrees(1.35 + (i % 6) * 0.4, 103.8 + (i / 6) * 0.4);
    }

    private String serial(int i) {
        return String.format("GPU-%08d", i);
    }

    private List<String> sign(Signers signers, int total, Random random, ObjectMapper mapper) throws IOException {
        List<String> bodies = new ArrayList<>();
        Instant now = Instant.now();
        List<Map<String, Object>> current = new ArrayList<>();
        int roundChip = 0;
        for (int i = 0; i < total; i++) {
            // Each chip is measured by its own PER_CHIP landmarks. A pair's round trip is a fixed
            // floor (fibre at 2/3 c over 1.2 times the distance, plus 150 us of equipment) plus
            // non-negative exponential jitter, as real round trips behave; so regions are honest.
            // "rounds": as agents submit, a chip's receipts from all its landmarks arrive together;
            // "random": every receipt names a chip and landmark at random (the worst case).
            boolean roundStart = i % PER_CHIP == 0;
            int chip = pattern == Pattern.RANDOM || roundStart ? random.nextInt(chips) : roundChip;
            roundChip = chip;
            int k = pattern == Pattern.RANDOM ? random.nextInt(PER_CHIP) : i % PER_CHIP;
            int lm = Math.floorMod(chip * 7 + k * 5, LANDMARKS);
            double km =
                    chipPosition(chip).geodesicDistanceTo(landmarkPosition(lm)).km();
            long floor = 150_000 + (long) (2 * 1.2 * km / 199_861.6 * 1e9);
            long rtt = floor + (long) (-Math.log(1 - random.nextDouble()) * 40_000);
            List<Long> samples = List.of(rtt + 5_000, rtt, rtt + 12_000);
            current.add(ReceiptJson.toJson(issued(signers, lm, chip, samples, now, random)));
            if (current.size() == batch) {
                bodies.add(mapper.writeValueAsString(current));
                current.clear();
            }
        }
        if (!current.isEmpty()) {
            bodies.add(mapper.writeValueAsString(current));
        }
        return bodies;
    }

    /**
     * A receipt as a Locus landmark issues it: the device's proof of the shortest round (by its
     * certified key, or by its bare key, then naming the SHA-256 of that key), signed by the landmark.
     */
    private Receipt issued(Signers signers, int lm, int chip, List<Long> samples, Instant at, Random random) {
        LandmarkKey landmark = signers.landmarks().get(lm);
        if (signers.certified()) {
            return LandmarkReceipts.issue(landmark, signers.devices().get(chip), samples, at, random);
        }
        byte[] secret = signers.bareSecrets().get(chip);
        byte[] publicKey = signers.barePublicKeys().get(chip);
        return LandmarkReceipts.issue(
                landmark,
                serial(chip),
                "H100",
                Fingerprint.ofDer(publicKey), // SHA-256 of the bare key: there is no certificate to name
                message -> Ed25519Keys.sign(secret, publicKey, message),
                samples,
                at,
                random);
    }

    private Void readLoop(Http http, long deadline, List<Long> readNanos, Random random) throws Exception {
        Random r = new Random(random.nextLong());
        int i = 0;
        while (System.nanoTime() < deadline) {
            String path = (i++ % 2 == 0)
                    ? "/api/v1/chips/" + serial(r.nextInt(chips))
                    : "/api/v1/alerts?status=OPEN&limit=50";
            long t = System.nanoTime();
            LocusClient.Reply res = http.get(path);
            readNanos.add(System.nanoTime() - t);
            if (res.status() != 200) {
                throw new IllegalStateException("read " + path + " answered " + res.status() + ": " + res.body());
            }
            Thread.sleep(20);
        }
        return null;
    }

    /**
     * For every window minimum the run left (one per chip and landmark), milliseconds from its
     * ingestion to the first verdict assessed after it: how far verdicts trailed the receipts that
     * could change them.
     */
    private static long[] verdictLagsMillis(ControlPlane cp) {
        return cp.database().read(c -> {
            List<Long> out = new ArrayList<>();
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT w.updated_at, (SELECT MIN(v.assessed_at) FROM verdicts v"
                            + " WHERE v.chip_serial = w.chip_serial AND v.assessed_at >= w.updated_at) AS first_after"
                            + " FROM chip_window w")) {
                while (rs.next()) {
                    var updated = rs.getObject(1, java.time.OffsetDateTime.class);
                    var verdict = rs.getObject(2, java.time.OffsetDateTime.class);
                    if (verdict != null) {
                        out.add(Duration.between(updated, verdict).toMillis());
                    }
                }
            }
            return out.stream().mapToLong(Long::longValue).sorted().toArray();
        });
    }

    private static long count(ControlPlane cp, String sql) {
        return cp.database().read(c -> {
            try (var s = c.createStatement();
                    var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void check(LocusClient.Reply r) {
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("setup request answered " + r.status() + ": " + r.body());
        }
    }

    /** The API client of the timed run: plain HTTP to the control plane the bench started on loopback. */
    private record Http(LocusClient client) {
        Http(int port, String token) {
            this(LocusClient.builder("http://127.0.0.1:" + port)
                    .token(token)
                    .connectTimeout(Duration.ofSeconds(10))
                    .requestTimeout(Duration.ofMinutes(10))
                    .build());
        }

        LocusClient.Reply get(String path) {
            return client.get(path);
        }

        LocusClient.Reply post(String path, String body) {
            return post(path, "application/json", body);
        }

        LocusClient.Reply post(String path, String contentType, String body) {
            return client.post(path, contentType, body);
        }
    }
}
