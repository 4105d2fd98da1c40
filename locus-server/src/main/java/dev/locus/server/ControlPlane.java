package dev.locus.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.boundaries.NaturalEarth;
import dev.locus.compliance.ComplianceModule;
import dev.locus.compliance.screening.ListSource;
import dev.locus.geo.verdict.Verifier;
import dev.locus.server.alerts.AlertGroups;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.alerts.AlertViews;
import dev.locus.server.alerts.ClonedIdentityRule;
import dev.locus.server.alerts.SilenceRule;
import dev.locus.server.alerts.SuspectLandmarkRule;
import dev.locus.server.alerts.UnverifiedRule;
import dev.locus.server.alerts.VerdictRules;
import dev.locus.server.api.AdminApi;
import dev.locus.server.api.AlertApi;
import dev.locus.server.api.ApiServer;
import dev.locus.server.api.CaseApi;
import dev.locus.server.api.ComplianceApi;
import dev.locus.server.api.FindingsApi;
import dev.locus.server.api.InventoryApi;
import dev.locus.server.api.MeshApi;
import dev.locus.server.api.NotificationApi;
import dev.locus.server.api.OperationsApi;
import dev.locus.server.api.PartyApi;
import dev.locus.server.api.ReceiptApi;
import dev.locus.server.api.RecordApi;
import dev.locus.server.api.RegistryApi;
import dev.locus.server.api.ScreeningApi;
import dev.locus.server.api.VerdictApi;
import dev.locus.server.audit.AuditHead;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.auth.IssuedToken;
import dev.locus.server.auth.Role;
import dev.locus.server.auth.TokenRequest;
import dev.locus.server.auth.TokenService;
import dev.locus.server.dashboard.ChipStatuses;
import dev.locus.server.dashboard.Dashboard;
import dev.locus.server.dashboard.InventoryExport;
import dev.locus.server.identity.ManufacturerTrust;
import dev.locus.server.ingest.ProtocolReceipts;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.mesh.LandmarkStatusWorkflow;
import dev.locus.server.mesh.MeshAuditor;
import dev.locus.server.mesh.PeerRoundTripIngestor;
import dev.locus.server.notify.Notifications;
import dev.locus.server.persistence.DataDirectory;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.verdicts.AssessmentQueue;
import dev.locus.server.verdicts.VerdictEngine;
import dev.locus.server.verdicts.VerdictQuery;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running control plane: lifecycle and wiring only. It opens the database, builds each service
 * with the services it needs, hands the API server one route group per area (each built with exactly
 * the services its routes use), schedules the periodic work, and stops it all together. Nothing in
 * the server imports this class; its accessors are for the entry points (CLI, demo) and tests.
 * Thread-safe.
 */
public final class ControlPlane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
    /** File under the data directory that receives the first admin token of a fresh installation. */
    public static final String ADMIN_TOKEN_FILE = "admin-token";

    private final ServerConfig config;
    private final InstantSource clock;
    private final Database db;
    private final AuditLog audit;
    private final RegistryService registry;
    private final TokenService tokens;
    private final ReceiptIngestor ingestor;
    private final MeshAuditor meshAuditor;
    private final AlertService alerts;
    private final Notifications notifications;
    private final ComplianceModule compliance;
    private final SilenceRule silence;
    private final UnverifiedRule unverified;
    private final VerdictEngine verdicts;
    private final AssessmentQueue assessments;
    private final PrometheusMeterRegistry metrics;
    private final ScheduledExecutorService scheduler;
    private final ApiServer api;
    /**
     * At JVM exit (Ctrl-C) the embedded database closes itself in its own shutdown hook, in parallel
     * with whoever closes this control plane; stop background work at once so it does not fail
     * noisily against a closed database.
     */
    private final Thread quiesceOnExit = new Thread(this::quiesce, "locus-quiesce-on-exit");

    private ControlPlane(ServerConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        ObjectMapper json = Json.mapper();
        DataDirectory.secure(config.dataDir()); // 700, files 600, whichever database is used
        this.db = Database.open(config.database(), 16);
        try {
            this.audit = new AuditLog(clock, json);
            AuditedStore store = new AuditedStore(db, audit, clock, json);
            ManufacturerTrust trust = ManufacturerTrust.of(config.manufacturerCas());
            this.registry = new RegistryService(store, trust);
            this.tokens = new TokenService(store, new SecureRandom());
            this.ingestor = new ReceiptIngestor(db, new ProtocolReceipts(), trust, config.ingestPolicy(), clock);
            this.alerts = new AlertService(store);
            this.notifications = new Notifications(config.notifications(), store, alerts);
            this.silence = new SilenceRule(db, alerts, clock, config.silentFor());
            this.unverified = new UnverifiedRule(db, alerts, clock, config.unverifiedFor());
            this.verdicts = new VerdictEngine(
                    db,
                    Verifier.of(NaturalEarth.bundled()),
                    clock,
                    config.measurementWindow(),
                    config.restrictedJurisdictions(),
                    json,
                    config.toleratedLiars());
            VerdictRules.all(alerts).forEach(verdicts::addListener);
            this.assessments = new AssessmentQueue(verdicts, config.assessmentThreads());
            PeerRoundTripIngestor peerIngestor = new PeerRoundTripIngestor(db, config.ingestPolicy(), clock);
            SuspectLandmarkRule suspectLandmarks = SuspectLandmarkRule.install(db, alerts, clock);
            LandmarkStatusWorkflow landmarkStatus =
                    new LandmarkStatusWorkflow(db, registry, verdicts::invalidateLandmark, suspectLandmarks);
            this.meshAuditor = new MeshAuditor(
                    db,
                    registry,
                    suspectLandmarks,
                    id -> verdicts.invalidateLandmark(id),
                    clock,
                    config.measurementWindow(),
                    config.ruleInterval());
            peerIngestor.onAccepted(meshAuditor::request);
            this.ingestor.addListener(new ClonedIdentityRule(db, alerts));
            this.ingestor.addListener(assessments);
            this.ingestor.addListener(silence);
            this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Gauge.builder("locus_assessment_backlog_chips", assessments, AssessmentQueue::size)
                    .description("chips with receipts or due verdicts not yet assessed")
                    .register(metrics);
            Gauge.builder(
                            "locus_assessment_oldest_pending_seconds",
                            assessments,
                            q -> q.oldestPending().toMillis() / 1000.0)
                    .description("how long the longest-waiting chip has waited for its verdict")
                    .register(metrics);
            FunctionCounter.builder("locus_verdicts_stored", assessments, AssessmentQueue::storedTotal)
                    .description("verdicts stored by the assessment queue since start")
                    .register(metrics);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmGcMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            new ProcessorMetrics().bindTo(metrics);
            this.compliance = new ComplianceModule(
                    store,
                    registry,
                    alerts,
                    VerdictQuery.of(verdicts),
                    config.screeningLists().map(ListSource::directory).orElseGet(ListSource::bundled));
            verdicts.addListener(compliance.verdictListener());
            this.api = new ApiServer(
                    config,
                    tokens,
                    metrics,
                    json,
                    System::nanoTime,
                    List.of(
                            // static files at /, views at /api/v1/dashboard; first, so its
                            // static-file filter runs before authentication
                            new Dashboard(
                                    config.restrictedJurisdictions(), db, registry, json, clock, config.silentFor()),
                            new OperationsApi(db, metrics),
                            new RegistryApi(registry, landmarkStatus),
                            new ReceiptApi(ingestor, db, metrics, clock),
                            new MeshApi(peerIngestor, meshAuditor, db, config.toleratedLiars()),
                            new AlertApi(alerts, new AlertGroups(db), new AlertViews(store)),
                            new NotificationApi(notifications),
                            new AdminApi(tokens, db, config),
                            new ComplianceApi(compliance),
                            new PartyApi(compliance.parties(), compliance.ownership()),
                            new RecordApi(compliance.record()),
                            new ScreeningApi(compliance.screening(), compliance.listUpdates()),
                            new FindingsApi(compliance.findings(), compliance.cases(), compliance.redFlags()),
                            new CaseApi(compliance.cases(), compliance.reports()),
                            new VerdictApi(
                                    db,
                                    registry,
                                    verdicts,
                                    alerts,
                                    clock,
                                    json,
                                    new ChipStatuses(db, clock, config.silentFor())),
                            inventoryApi(db, clock, config)));
            this.scheduler = Executors.newScheduledThreadPool(
                    2, Thread.ofPlatform().name("locus-rules").daemon().factory());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens the database (migrating it), writes a first admin token to {@code dataDir/admin-token}
     * when none exists, starts the periodic rules and the API.
     */
    public static ControlPlane start(ServerConfig config, InstantSource clock) {
        config.transport().checkBind(config.bindAddress()); // before the database is opened
        ControlPlane cp = new ControlPlane(config, clock);
        try {
            cp.bootstrapAdmin();
            cp.api.start(config.bindAddress(), config.port());
            cp.logAuditHead();
            long every = config.ruleInterval().toMillis();
            cp.scheduler.scheduleWithFixedDelay(cp::runRules, every, every, TimeUnit.MILLISECONDS);
            int left = cp.assessments.recover();
            if (left > 0) {
                LOG.info("{} chips have receipts not yet reflected in a verdict; assessing them", left);
            }
            cp.scheduler.scheduleWithFixedDelay(cp::queueDue, 0, 5, TimeUnit.SECONDS);
            cp.scheduler.scheduleWithFixedDelay(cp::assessPending, 250, 250, TimeUnit.MILLISECONDS);
            long headEvery = config.auditHeadLogInterval().toMillis();
            cp.scheduler.scheduleAtFixedRate(cp::publishAuditHead, headEvery, headEvery, TimeUnit.MILLISECONDS);
            cp.scheduler.scheduleWithFixedDelay(cp::auditMeshIfDue, 500, 500, TimeUnit.MILLISECONDS);
            cp.notifications.start();
            Runtime.getRuntime().addShutdownHook(cp.quiesceOnExit);
        } catch (RuntimeException e) {
            cp.close();
            throw e;
        }
        return cp;
    }

    private void bootstrapAdmin() {
        if (!tokens.noActiveAdmin()) {
            return;
        }
        IssuedToken t = tokens.issue(TokenRequest.unbound("bootstrap-admin", Role.ADMIN), "system");
        Path file = config.dataDir().resolve(ADMIN_TOKEN_FILE);
        DataDirectory.writePrivate(file, t.secret() + "\n");
        LOG.info("fresh installation: admin token written to {} (readable by this user only)", file);
    }

    private void quiesce() {
        assessments.stop();
        scheduler.shutdown();
        notifications.close();
    }

    /** Runs the time-based alert rules once; also called by the scheduler. */
    public void runRules() {
        scheduled(
                () -> {
                    int silent = silence.check();
                    int unproven = unverified.check();
                    if (silent + unproven > 0) {
                        LOG.info("time-based rules opened {} SILENT and {} UNVERIFIED alerts", silent, unproven);
                    }
                },
                "alert rules cut short by shutdown",
                "alert rules failed; will retry at the next interval");
    }

    /**
     * Queues chips whose verdicts fell due (a minimum receipt left the window, or the periodic
     * refresh); called by the scheduler every 5 s. Bounded so a backlog is taken in slices.
     */
    public int queueDue() {
        return scheduled(
                () -> assessments.size() > 50_000 ? 0 : assessments.addDue(20_000),
                0,
                "",
                "finding verdicts that fell due failed; will retry");
    }

    /**
     * Writes the audit log's head to the log, so that an operator's log shipping keeps a copy of
     * it outside the database: one INFO line from {@code dev.locus.server.ControlPlane} whose
     * structured key-value pairs are {@code event=audit_head}, {@code audit_seq},
     * {@code audit_hash} and {@code audit_recorded_at} (ISO-8601, empty for an empty log). Runs at
     * start and every {@link ServerConfig#auditHeadLogInterval()}.
     *
     * @return the head that was logged
     * @throws LocusServerException when the database cannot be read
     */
    public AuditHead logAuditHead() {
        AuditHead head = db.read(AuditLog::head);
        String at = head.recordedAt().map(Instant::toString).orElse("");
        LOG.atInfo()
                .addKeyValue("event", "audit_head")
                .addKeyValue("audit_seq", head.seq())
                .addKeyValue("audit_hash", head.hash())
                .addKeyValue("audit_recorded_at", at)
                .log("audit log head: entry {} hash {} recorded {}", head.seq(), head.hash(), at.isEmpty() ? "-" : at);
        return head;
    }

    private void publishAuditHead() {
        scheduled(this::logAuditHead, "", "could not read the audit head to log it; will retry at the next interval");
    }

    /** Assesses every chip with new receipts; also called by the scheduler every 250 ms. */
    public int assessPending() {
        return scheduled(
                assessments::drain, 0, "assessment run cut short by shutdown", "assessment run failed; will retry");
    }

    /**
     * Runs the mesh audit when new peer round trips were accepted or {@code ruleInterval} has passed;
     * also called by the scheduler every 500 ms.
     */
    public void auditMeshIfDue() {
        scheduled(meshAuditor::runIfDue, "mesh audit cut short by shutdown", "mesh audit failed; will retry");
    }

    /** {@link #scheduled(Supplier, Object, String, String)} for a job that returns nothing. */
    private void scheduled(Runnable job, String cutShort, String failure) {
        scheduled(
                () -> {
                    job.run();
                    return null;
                },
                null,
                cutShort,
                failure);
    }

    /**
     * Runs one periodic job: a failure is logged as {@code failure} and left to the next run, and
     * {@code fallback} returned; a failure once the scheduler is shut down is expected, noted at
     * most ({@code cutShort}, unless empty).
     */
    private <T> T scheduled(Supplier<T> job, T fallback, String cutShort, String failure) {
        try {
            return job.get();
        } catch (RuntimeException e) {
            if (!scheduler.isShutdown()) {
                LOG.error(failure, e);
            } else if (!cutShort.isEmpty()) {
                LOG.info(cutShort);
            }
            return fallback;
        }
    }

    public InstantSource clock() {
        return clock;
    }

    /** Chips with receipts not yet reflected in a verdict. */
    public int pendingAssessments() {
        return assessments.size();
    }

    /** How long the longest-waiting chip has waited for its verdict; zero when none waits. */
    public java.time.Duration oldestPendingAssessment() {
        return assessments.oldestPending();
    }

    public Database database() {
        return db;
    }

    public RegistryService registry() {
        return registry;
    }

    /** The compliance half: parties, ownership, screening, record, findings, cases. */
    public ComplianceModule compliance() {
        return compliance;
    }

    public ReceiptIngestor ingestor() {
        return ingestor;
    }

    public AlertService alerts() {
        return alerts;
    }

    public Notifications notifications() {
        return notifications;
    }

    /** The HTTP API server, e.g. for its route table. */
    public ApiServer api() {
        return api;
    }

    /** The port the API listens on (the real one when 0 was configured). */
    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(quiesceOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // close() runs inside the JVM's shutdown: the hook has run or is running.
        }
        // No interrupts: an interrupted thread in the middle of file I/O closes H2's file channel.
        assessments.stop();
        scheduler.shutdown();
        notifications.close();
        api.stop();
        compliance.close();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("background rules did not stop within 30 s; closing the database anyway");
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
        db.close();
        LOG.info("control plane stopped");
    }

    /** The §4(c) inventory route, its rows streamed by the dashboard views' export. */
    private static InventoryApi inventoryApi(Database db, InstantSource clock, ServerConfig config) {
        InventoryExport export = new InventoryExport(db, clock, config.silentFor());
        return new InventoryApi(
                export::licenceExists,
                (licence, format, out) ->
                        export.write(licence, InventoryExport.Format.valueOf(format.toUpperCase(Locale.ROOT)), out));
    }
}
