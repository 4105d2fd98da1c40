package dev.locus.server.mesh;

import dev.locus.geo.audit.AuditReport;
import dev.locus.geo.audit.Contradiction;
import dev.locus.geo.audit.MeshAudit;
import dev.locus.geo.audit.PeerRoundTrip;
import dev.locus.geo.audit.PositionCheck;
import dev.locus.geo.audit.SuspectLandmark;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.verdict.Landmark;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.GeoLandmarks;
import dev.locus.server.registry.RegistryService;
import dev.locus.wire.RegistryValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the geo core's {@link MeshAudit} over live peer round trips and acts on it.
 *
 * <p>Input: per unordered pair of registered, non-retired landmarks, the smallest accepted round trip
 * (either direction) measured within the window, ignoring round trips measured before either
 * landmark was last cleared by a person ({@code landmarks.mesh_cleared_at}: restored to ACTIVE, or
 * its suspect-landmark alert resolved). Actions, for each landmark the audit names:
 *
 * <ul>
 *   <li>named by the greedy cover (it explains two or more contradictions): marked {@code SUSPECT}
 *       when ACTIVE (audit log actor {@value #ACTOR}; the verdict engine's windows are forgotten so
 *       its receipts stop counting at once);
 *   <li>one side of an isolated contradicting pair: neither is marked, since nothing tells which
 *       position is wrong.
 * </ul>
 *
 * The findings go to the {@link MeshListener} (the SUSPECT_LANDMARK rule in the alerts package,
 * which raises, supersedes and resolves the alerts). The audit never restores a landmark's status:
 * only a person does. Thread-safe; runs are serialised.
 */
public final class MeshAuditor {
    private static final Logger LOG = LoggerFactory.getLogger(MeshAuditor.class);
    /** The actor recorded in the audit log for status changes the audit makes. */
    public static final String ACTOR = "mesh-audit";

    private final Database db;
    private final RegistryService registry;
    private final MeshListener listener;
    private final Consumer<String> statusChanged;
    private final InstantSource clock;
    private final Duration window;
    private final Duration interval;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicLong lastRunMillis = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param statusChanged called with each landmark the audit marked SUSPECT (its chips' verdicts fall due)
     * @param window how far back peer round trips count
     * @param interval how often {@link #runIfDue()} runs the audit without new data
     */
    public MeshAuditor(
            Database db,
            RegistryService registry,
            MeshListener listener,
            Consumer<String> statusChanged,
            InstantSource clock,
            Duration window,
            Duration interval) {
        this.db = db;
        this.registry = registry;
        this.listener = listener;
        this.statusChanged = statusChanged;
        this.clock = clock;
        this.window = window;
        this.interval = interval;
    }

    /** Asks for a run at the next {@link #runIfDue()} (new peer data arrived). */
    public void request() {
        requested.set(true);
    }

    /** Runs the audit when new data was reported or the interval has passed; returns whether it ran. */
    public boolean runIfDue() {
        long now = clock.millis();
        long last = lastRunMillis.get();
        if (!requested.getAndSet(false) && last != Long.MIN_VALUE && now - last < interval.toMillis()) {
            return false;
        }
        run();
        return true;
    }

    /**
     * What one run found and did.
     *
     * @param marked landmarks marked SUSPECT by this run
     * @param alertsRaised ids of the alerts this run opened
     * @param alertsResolved ids of earlier mesh-audit alerts this run resolved (superseded, or the
     *     landmark is no longer implicated)
     */
    public record Outcome(AuditReport report, List<String> marked, List<Long> alertsRaised, List<Long> alertsResolved) {
        public Outcome {
            marked = List.copyOf(marked);
            alertsRaised = List.copyOf(alertsRaised);
            alertsResolved = List.copyOf(alertsResolved);
        }
    }

    /** Audits the mesh now, marks the landmarks it names for many contradictions, and tells the listener. */
    public synchronized Outcome run() {
        lastRunMillis.set(clock.millis());
        AuditReport report = report();
        List<String> marked = new ArrayList<>();
        List<MeshFindings.Finding> findings = new ArrayList<>();
        for (SuspectLandmark s : report.suspects()) {
            String id = s.landmark().id();
            boolean isolated = isIsolated(s, report);
            boolean mark = !isolated
                    && registry.landmark(id)
                            .map(l -> l.status() == RegistryValues.LandmarkStatus.ACTIVE)
                            .orElse(false);
            if (mark) {
                registry.setLandmarkStatus(id, RegistryValues.LandmarkStatus.SUSPECT, s.reason(), ACTOR);
                marked.add(id);
            }
            findings.add(new MeshFindings.Finding(s, isolated, mark));
        }
        MeshFindings.Handled handled = listener.onAudit(new MeshFindings(report, findings, window));
        marked.forEach(statusChanged);
        if (!marked.isEmpty()
                || !handled.alertsRaised().isEmpty()
                || !handled.alertsResolved().isEmpty()) {
            LOG.info(
                    "mesh audit over {} pairs: {} contradictions, marked suspect {}, {} alerts raised, {} resolved",
                    report.pairsChecked(),
                    report.contradictions().size(),
                    marked,
                    handled.alertsRaised().size(),
                    handled.alertsResolved().size());
        }
        return new Outcome(report, marked, handled.alertsRaised(), handled.alertsResolved());
    }

    /**
     * The audit over the current window, without acting on it.
     */
    public AuditReport report() {
        Mesh m = mesh();
        return MeshAudit.audit(m.landmarks(), m.pairs());
    }

    /** Registered, non-retired landmarks and the smallest peer round trip per pair in the window. */
    private record Mesh(List<Landmark> landmarks, List<PeerRoundTrip> pairs) {}

    private Mesh mesh() {
        Instant since = clock.instant().minus(window);
        return db.read(c -> {
            Map<String, Landmark> landmarks = GeoLandmarks.read(c, "status <> 'RETIRED'", true);
            Map<String, Long> minimum = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.measuring_landmark_id, t.measured_landmark_id,"
                    + " MIN(t.rtt_min_nanos) FROM landmark_round_trips t"
                    + " JOIN landmarks a ON a.id = t.measuring_landmark_id"
                    + " JOIN landmarks b ON b.id = t.measured_landmark_id"
                    + " WHERE t.status = 'ACCEPTED' AND t.measured_at >= ?"
                    + " AND (a.mesh_cleared_at IS NULL OR t.measured_at > a.mesh_cleared_at)"
                    + " AND (b.mesh_cleared_at IS NULL OR t.measured_at > b.mesh_cleared_at)"
                    + " GROUP BY t.measuring_landmark_id, t.measured_landmark_id"
                    + " ORDER BY t.measuring_landmark_id, t.measured_landmark_id")) {
                Sql.setInstant(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String a = rs.getString(1);
                        String b = rs.getString(2);
                        if (landmarks.containsKey(a) && landmarks.containsKey(b)) {
                            String key = a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a;
                            minimum.merge(key, rs.getLong(3), Math::min);
                        }
                    }
                }
            }
            List<PeerRoundTrip> pairs = new ArrayList<>(minimum.size());
            for (Map.Entry<String, Long> e : minimum.entrySet()) {
                String[] ids = e.getKey().split("\n");
                pairs.add(new PeerRoundTrip(
                        landmarks.get(ids[0]), landmarks.get(ids[1]), RoundTrip.ofNanos(e.getValue())));
            }
            return new Mesh(List.copyOf(landmarks.values()), pairs);
        });
    }

    /**
     * Each landmark's registered position checked by its peers (see {@link PositionCheck}): whether
     * the region their round trips allow, tolerating {@code toleratedLiars} lying peer operators,
     * contains it, and the position uncertainty they prove.
     */
    public List<PositionCheck> positionChecks(int toleratedLiars) {
        List<PeerRoundTrip> pairs = mesh().pairs();
        List<PositionCheck> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PeerRoundTrip p : pairs) {
            for (Landmark l : List.of(p.a(), p.b())) {
                if (seen.add(l.id())) {
                    out.add(PositionCheck.of(l, pairs, toleratedLiars));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(c -> c.landmark().id()));
        return out;
    }

    /**
     * Whether the suspect is one side of an isolated pair: its one contradiction names a peer that is
     * in no other contradiction either (the greedy cover names landmarks with two or more).
     */
    public static boolean isIsolated(SuspectLandmark s, AuditReport report) {
        if (s.contradictions().size() != 1) {
            return false;
        }
        Contradiction x = s.contradictions().get(0);
        String other = x.pair().a().id().equals(s.landmark().id())
                ? x.pair().b().id()
                : x.pair().a().id();
        long involving = report.contradictions().stream()
                .filter(y -> y.pair().a().id().equals(other)
                        || y.pair().b().id().equals(other)
                        || y.pair().a().id().equals(s.landmark().id())
                        || y.pair().b().id().equals(s.landmark().id()))
                .count();
        return involving == 1;
    }

    /** One contradicting pair as alert evidence and API output. */
    public static Map<String, Object> contradiction(Contradiction x) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("landmark_a", x.pair().a().id());
        p.put("landmark_a_name", x.pair().a().name());
        p.put("landmark_b", x.pair().b().id());
        p.put("landmark_b_name", x.pair().b().name());
        p.put("distance_km", round(x.publishedDistance().km()));
        p.put("rtt_ms", Math.round(x.pair().roundTrip().millis() * 1e6) / 1e6);
        p.put("max_distance_km", round(x.maxDistance().km()));
        p.put("excess_km", round(x.excess().km()));
        return p;
    }

    private static double round(double km) {
        return Math.round(km * 10) / 10.0;
    }
}
