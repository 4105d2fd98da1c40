package dev.locus.server;

import dev.locus.boundaries.NaturalEarth;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.notify.NotificationSettings;
import dev.locus.server.persistence.DatabaseConfig;
import dev.locus.server.tls.ApiTransport;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How a control plane runs. Build with {@link #defaults(Path)} and the {@code with...} methods, or
 * {@link #builder(Path)} for several changes at once.
 *
 * @param dataDir where the embedded database, the bootstrap admin token and other files live
 * @param bindAddress interface to listen on, e.g. {@code 127.0.0.1}
 * @param port TCP port, 0 for any free one
 * @param database where the data is kept
 * @param ingestPolicy limits for live receipts
 * @param silentFor how long an installed chip may go without attesting before SILENT is raised
 * @param ruleInterval how often time-based alert rules run
 * @param humanRequestsPerSecond sustained request rate per token for people and tools
 * @param deviceRequestsPerSecond sustained request rate per landmark or agent token
 * @param measurementWindow how far back receipts count towards a chip's verdict
 * @param unverifiedFor how long an installed chip may go without a proven verdict before UNVERIFIED
 * @param assessmentThreads chips assessed in parallel (default: half the processors, at least 1)
 * @param restrictedJurisdictions the policy's restricted jurisdictions, ISO 3166-1 alpha-2 codes
 *     present in the bundled Natural Earth boundaries (default CN, HK, MO): what the verdict engine
 *     proves a chip outside of or inside, and what the dashboard shades; sorted, never empty
 * @param auditHeadLogInterval how often the audit log's head is written to the log for anchoring
 *     (default one hour; also once at start)
 * @param manufacturerCas CA certificates trusted to vouch for chips' device certificates (default:
 *     none, so chips can only be registered without one)
 * @param transport TLS or plain HTTP for the API (default: plain HTTP, loopback only)
 * @param toleratedLiars F: verdicts stay true if any F landmark operators publish wrong positions
 *     (default 1; 0 assumes every landmark is honest; at most 10)
 * @param notifications how alert notifications are sent (SMTP server, dashboard link, retries)
 * @param screeningLists a folder of official-format screening list files (OFAC sdn.csv+alt.csv+add.csv
 *     in a sub-folder, UN consolidated *.xml, BIS dpl*.txt, CSL csl*.csv: what {@code locus screen
 *     --lists DIR} reads) screened against instead of the bundled copies, and read again by {@code
 *     POST /api/v1/screening/lists/reload} (default: none, the bundled lists)
 */
public record ServerConfig(
        Path dataDir,
        String bindAddress,
        int port,
        DatabaseConfig database,
        IngestPolicy ingestPolicy,
        Duration silentFor,
        Duration ruleInterval,
        double humanRequestsPerSecond,
        double deviceRequestsPerSecond,
        Duration measurementWindow,
        Duration unverifiedFor,
        int assessmentThreads,
        SortedSet<String> restrictedJurisdictions,
        Duration auditHeadLogInterval,
        List<X509Certificate> manufacturerCas,
        ApiTransport transport,
        int toleratedLiars,
        NotificationSettings notifications,
        Optional<Path> screeningLists) {

    /** Restricted unless configured otherwise: mainland China, Hong Kong and Macau. */
    public static final List<String> DEFAULT_RESTRICTED = List.of("CN", "HK", "MO");

    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new LocusServerException("port must be in [0, 65535], got " + port);
        }
        if (assessmentThreads < 1 || assessmentThreads > 256) {
            throw new LocusServerException("assessment threads must be in [1, 256], got " + assessmentThreads);
        }
        if (!(humanRequestsPerSecond > 0) || !(deviceRequestsPerSecond > 0)) {
            throw new LocusServerException("request rates must be > 0 per second, got " + humanRequestsPerSecond
                    + " and " + deviceRequestsPerSecond);
        }
        for (Duration d :
                new Duration[] {silentFor, ruleInterval, measurementWindow, unverifiedFor, auditHeadLogInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new LocusServerException("policy periods must be > 0, got " + d);
            }
        }
        restrictedJurisdictions = restricted(restrictedJurisdictions);
        manufacturerCas = List.copyOf(manufacturerCas);
        java.util.Objects.requireNonNull(transport, "transport");
        if (toleratedLiars < 0 || toleratedLiars > 10) {
            throw new LocusServerException("tolerated liars must be in [0, 10], got " + toleratedLiars);
        }
        java.util.Objects.requireNonNull(notifications, "notifications");
        java.util.Objects.requireNonNull(screeningLists, "screeningLists");
        if (screeningLists.isPresent() && !java.nio.file.Files.isDirectory(screeningLists.get())) {
            throw new LocusServerException("screening lists: " + screeningLists.get() + " is not a directory");
        }
    }

    /**
     * Checks and normalises a restricted list: each code stripped and upper-cased, an ISO 3166-1
     * alpha-2 code with a boundary in the bundled Natural Earth data (loaded once per JVM).
     *
     * @throws LocusServerException naming every code that is not allowed, or an empty list
     */
    public static SortedSet<String> restricted(Collection<String> codes) {
        if (codes.isEmpty()) {
            throw new LocusServerException(
                    "restricted jurisdictions must name at least one ISO 3166-1 alpha-2 code, e.g. CN,HK,MO");
        }
        Set<String> known = NaturalEarth.bundled().codes();
        SortedSet<String> out = new TreeSet<>();
        List<String> bad = new ArrayList<>();
        for (String raw : codes) {
            String code = raw.strip().toUpperCase(Locale.ROOT);
            if (ALPHA_2.matcher(code).matches() && known.contains(code)) {
                out.add(code);
            } else {
                bad.add("'" + raw + "'");
            }
        }
        if (!bad.isEmpty()) {
            throw new LocusServerException("restricted jurisdictions must be ISO 3166-1 alpha-2 codes with a boundary"
                    + " in the bundled Natural Earth data (such as CN, HK, MO), got " + String.join(", ", bad));
        }
        return Collections.unmodifiableSortedSet(out);
    }

    private static int defaultAssessmentThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * Defaults: loopback, port 8080, embedded database under {@code dataDir}, live ingest policy,
     * SILENT after 6 h, UNVERIFIED after 24 h, a 24 h measurement window, rules every minute, 50
     * requests/s per person and 500/s per device token, CN, HK and MO restricted, the audit head
     * logged hourly.
     */
    public static ServerConfig defaults(Path dataDir) {
        return builder(dataDir).build();
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public Builder toBuilder() {
        Builder b = new Builder(dataDir);
        b.bindAddress = bindAddress;
        b.port = port;
        b.database = database;
        b.ingestPolicy = ingestPolicy;
        b.silentFor = silentFor;
        b.ruleInterval = ruleInterval;
        b.humanRequestsPerSecond = humanRequestsPerSecond;
        b.deviceRequestsPerSecond = deviceRequestsPerSecond;
        b.measurementWindow = measurementWindow;
        b.unverifiedFor = unverifiedFor;
        b.assessmentThreads = assessmentThreads;
        b.restrictedJurisdictions = restrictedJurisdictions;
        b.auditHeadLogInterval = auditHeadLogInterval;
        b.manufacturerCas = manufacturerCas;
        b.transport = transport;
        b.toleratedLiars = toleratedLiars;
        b.notifications = notifications;
        b.screeningLists = screeningLists;
        return b;
    }

    public ServerConfig withPort(int p) {
        return toBuilder().port(p).build();
    }

    public ServerConfig withBindAddress(String a) {
        return toBuilder().bindAddress(a).build();
    }

    public ServerConfig withDatabase(DatabaseConfig d) {
        return toBuilder().database(d).build();
    }

    public ServerConfig withRateLimits(double humanPerSecond, double devicePerSecond) {
        return toBuilder().rateLimits(humanPerSecond, devicePerSecond).build();
    }

    /** Sets the SILENT and UNVERIFIED policy periods. */
    public ServerConfig withAlertPeriods(Duration silent, Duration unverified) {
        return toBuilder().silentFor(silent).unverifiedFor(unverified).build();
    }

    public ServerConfig withAssessmentThreads(int n) {
        return toBuilder().assessmentThreads(n).build();
    }

    /** Sets F, the lying landmark operators verdicts tolerate (0..10). */
    public ServerConfig withToleratedLiars(int f) {
        return toBuilder().toleratedLiars(f).build();
    }

    /** Sets the restricted jurisdictions (see {@link #restricted(Collection)} for what is allowed). */
    public ServerConfig withRestrictedJurisdictions(Collection<String> codes) {
        return toBuilder().restrictedJurisdictions(codes).build();
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final Path dataDir;
        private String bindAddress = "127.0.0.1";
        private int port = 8080;
        private DatabaseConfig database;
        private IngestPolicy ingestPolicy = IngestPolicy.live();
        private Duration silentFor = Duration.ofHours(6);
        private Duration ruleInterval = Duration.ofMinutes(1);
        private double humanRequestsPerSecond = 50;
        private double deviceRequestsPerSecond = 500;
        private Duration measurementWindow = Duration.ofHours(24);
        private Duration unverifiedFor = Duration.ofHours(24);
        private int assessmentThreads = defaultAssessmentThreads();
        private Collection<String> restrictedJurisdictions = DEFAULT_RESTRICTED;
        private Duration auditHeadLogInterval = Duration.ofHours(1);
        private List<X509Certificate> manufacturerCas = List.of();
        private ApiTransport transport = ApiTransport.plainLoopbackOnly();
        private int toleratedLiars = dev.locus.geo.verdict.Policy.DEFAULT_TOLERATED_LIARS;
        private NotificationSettings notifications = NotificationSettings.defaults();
        private Optional<Path> screeningLists = Optional.empty();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
            this.database = DatabaseConfig.embedded(dataDir);
        }

        public Builder bindAddress(String v) {
            bindAddress = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder database(DatabaseConfig v) {
            database = v;
            return this;
        }

        public Builder ingestPolicy(IngestPolicy v) {
            ingestPolicy = v;
            return this;
        }

        public Builder silentFor(Duration v) {
            silentFor = v;
            return this;
        }

        public Builder ruleInterval(Duration v) {
            ruleInterval = v;
            return this;
        }

        public Builder rateLimits(double humanPerSecond, double devicePerSecond) {
            humanRequestsPerSecond = humanPerSecond;
            deviceRequestsPerSecond = devicePerSecond;
            return this;
        }

        public Builder measurementWindow(Duration v) {
            measurementWindow = v;
            return this;
        }

        public Builder unverifiedFor(Duration v) {
            unverifiedFor = v;
            return this;
        }

        public Builder assessmentThreads(int v) {
            assessmentThreads = v;
            return this;
        }

        /** ISO 3166-1 alpha-2 codes with a bundled boundary; checked by {@link #build()}. */
        public Builder restrictedJurisdictions(Collection<String> v) {
            restrictedJurisdictions = List.copyOf(v);
            return this;
        }

        public Builder auditHeadLogInterval(Duration v) {
            auditHeadLogInterval = v;
            return this;
        }

        /** The manufacturer CA certificates trusted for chips' device certificates. */
        public Builder manufacturerCas(List<X509Certificate> v) {
            manufacturerCas = List.copyOf(v);
            return this;
        }

        /** TLS or plain HTTP for the API (see {@link ApiTransport}). */
        public Builder transport(ApiTransport v) {
            transport = v;
            return this;
        }

        /** F: how many lying landmark operators verdicts tolerate (0..10). */
        public Builder toleratedLiars(int v) {
            toleratedLiars = v;
            return this;
        }

        /** How alert notifications are sent (SMTP server, dashboard link, retries). */
        public Builder notifications(NotificationSettings v) {
            notifications = v;
            return this;
        }

        /** A folder of official-format list files to screen against instead of the bundled lists. */
        public Builder screeningLists(Path dir) {
            screeningLists = Optional.of(dir);
            return this;
        }

        /** @throws LocusServerException naming the first value out of range */
        public ServerConfig build() {
            return new ServerConfig(
                    dataDir,
                    bindAddress,
                    port,
                    database,
                    ingestPolicy,
                    silentFor,
                    ruleInterval,
                    humanRequestsPerSecond,
                    deviceRequestsPerSecond,
                    measurementWindow,
                    unverifiedFor,
                    assessmentThreads,
                    restricted(restrictedJurisdictions),
                    auditHeadLogInterval,
                    manufacturerCas,
                    transport,
                    toleratedLiars,
                    notifications,
                    screeningLists);
        }
    }
}
