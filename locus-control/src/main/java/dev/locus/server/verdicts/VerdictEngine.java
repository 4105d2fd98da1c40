package dev.locus.server.verdicts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.region.Disc;
import dev.locus.geo.region.RegionRelations;
import dev.locus.geo.verdict.Assessment;
import dev.locus.geo.verdict.LicensedZone;
import dev.locus.geo.verdict.Measurement;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verdict;
import dev.locus.geo.verdict.Verifier;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns chips' measurement windows (the shortest accepted round trip per ACTIVE landmark over the
 * last {@code window}, kept by ingestion in {@code chip_window}) into verdicts with the geo core,
 * stores them with evidence that names every receipt used, keeps each chip's latest verdict in
 * {@code chip_verdicts}, and publishes a {@link VerdictEvent} for each stored verdict to its
 * listeners (the alert rules OUTSIDE_ZONE, IN_RESTRICTED and MOVED, in the alerts package). Chips are assessed in batches: a few queries and one transaction per batch, not per chip.
 * Landmarks marked SUSPECT or RETIRED never contribute, so no stored verdict depends on a suspect.
 * Thread-safe.
 */
public final class VerdictEngine {
    private static final Logger LOG = LoggerFactory.getLogger(VerdictEngine.class);
    /** For the DEBUG line's CPU time of a batch (wall times alone mislead on a busy machine). */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Database db;
    private final Verifier verifier;
    private final List<VerdictListener> listeners = new CopyOnWriteArrayList<>();
    private final InstantSource clock;
    private final Duration window;
    private final Duration refresh;
    private final Set<String> restricted;
    private final ObjectMapper json;
    private final MovedTest moved;
    private final int toleratedLiars;

    /**
     * @param toleratedLiars F: proven verdicts stay true if any F landmark operators lie; verdicts
     *     that hold only if every landmark is honest are stored apart as "depends on F landmarks"
     */
    public VerdictEngine(
            Database db,
            Verifier verifier,
            InstantSource clock,
            Duration window,
            Set<String> restricted,
            ObjectMapper json,
            int toleratedLiars) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("measurement window must be > 0, got " + window);
        }
        this.db = db;
        this.verifier = verifier;
        this.clock = clock;
        this.window = window;
        this.restricted = Set.copyOf(restricted);
        this.json = json;
        this.moved = new MovedTest(json, RegionRelations.Limits.DEFAULT);
        this.toleratedLiars = Policy.DEFAULT.withToleratedLiars(toleratedLiars).toleratedLiars();
        // Re-assess at least every hour, and several times per window, so proven verdicts stay fresh
        // for the UNVERIFIED rule even when no receipt changes the region.
        Duration quarter = window.dividedBy(4);
        this.refresh = quarter.compareTo(Duration.ofHours(1)) < 0 ? quarter : Duration.ofHours(1);
    }

    /** Adds a listener for every verdict stored from now on. */
    public void addListener(VerdictListener listener) {
        listeners.add(listener);
    }

    /** F: how many lying landmark operators this engine's verdicts tolerate. */
    public int toleratedLiars() {
        return toleratedLiars;
    }

    /**
     * Assesses a chip on its current window and stores the verdict.
     *
     * @return the chip's current verdict: a new one, or the latest one when the window is exactly
     *     what it was derived from (confirmed, not stored again); empty when the chip is unknown or
     *     nothing was measured in the window
     */
    public Optional<StoredVerdict> assess(String chipSerial) {
        Batch b = assessBatch(List.of(chipSerial));
        if (!b.stored().isEmpty()) {
            return Optional.of(b.stored().get(0));
        }
        return b.confirmed() > 0 ? latest(chipSerial, false) : Optional.empty();
    }

    /** What one batch did: verdicts stored, and how many latest verdicts were confirmed. */
    private record Batch(List<StoredVerdict> stored, int confirmed) {}

    /**
     * Assesses chips on their current windows and stores their verdicts in one transaction.
     *
     * @return the stored verdicts, in serial order; chips unknown or with nothing measured in the
     *     window have none, nor do chips whose window is exactly what their latest verdict was
     *     derived from (that verdict is confirmed: its chip_verdicts row moves on, no row is added)
     */
    public List<StoredVerdict> assess(List<String> chipSerials) {
        return assessBatch(chipSerials).stored();
    }

    private Batch assessBatch(List<String> chipSerials) {
        Instant end = Sql.micros(clock.instant());
        Instant start = end.minus(window);
        List<String> serials = chipSerials.stream().distinct().sorted().toList();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long tRead = System.nanoTime();
        Map<String, ChipInput> inputs = db.read(c -> WindowReader.read(c, serials, start, json));
        long tCompute = System.nanoTime();
        long geoNanos = 0;
        List<VerdictStore.Outcome> outcomes = new ArrayList<>();
        Map<String, Assessment> assessments = new HashMap<>();
        List<String> unmeasured = new ArrayList<>();
        List<VerdictStore.Confirmation> confirmations = new ArrayList<>();
        for (String serial : serials) {
            ChipInput in = inputs.get(serial);
            if (in == null) {
                continue;
            }
            if (in.window().isEmpty()) {
                unmeasured.add(serial);
                continue;
            }
            Policy policy = Policy.DEFAULT
                    .withToleratedLiars(toleratedLiars)
                    .withRestricted(restricted)
                    .withZone(LicensedZone.withinKm(in.site().zoneRadiusKm()));
            String key = WindowKey.of(in, policy);
            if (in.previous().isPresent() && in.previous().get().windowKey().equals(key)) {
                PreviousVerdict p = in.previous().get();
                confirmations.add(new VerdictStore.Confirmation(
                        serial, p.id(), provesCompliance(p.verdicts()), end, validUntil(in, end)));
                continue;
            }
            long g0 = System.nanoTime();
            Assessment a = verifier.assess(in.site().position(), measurements(in), policy);
            geoNanos += System.nanoTime() - g0;
            Set<Verdict> verdicts =
                    a.verdictSet().isEmpty() ? EnumSet.noneOf(Verdict.class) : EnumSet.copyOf(a.verdictSet());
            String evidence = EvidenceJson.of(json, in, policy, a, start, end);
            StoredVerdict v =
                    new StoredVerdict(0, serial, start, end, verdicts, provesCompliance(verdicts), evidence, end);
            String discs = PreviousVerdict.compact(json, a.region().candidateBoundingDiscs(), policy.speed());
            outcomes.add(new VerdictStore.Outcome(v, validUntil(in, end), discs, key));
            assessments.put(serial, a);
        }
        long tWrite = System.nanoTime();
        List<StoredVerdict> stored = db.inTransaction(c -> {
            // Every recomputed window row, in serial order (the order ingestion locks rows in).
            VerdictStore.refreshWindows(
                    c,
                    serials.stream().map(inputs::get).filter(Objects::nonNull).toList());
            VerdictStore.postpone(c, unmeasured, end.plus(refresh));
            VerdictStore.confirm(c, confirmations);
            return outcomes.isEmpty() ? List.<StoredVerdict>of() : VerdictStore.write(c, outcomes);
        });
        long tAlerts = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "assessed {} chips: read {} ms, compute {} ms (geo core {} ms), write {} ms, cpu {} ms",
                    serials.size(),
                    (tCompute - tRead) / 1_000_000,
                    (tWrite - tCompute) / 1_000_000,
                    geoNanos / 1_000_000,
                    (tAlerts - tWrite) / 1_000_000,
                    (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
        }
        for (StoredVerdict v : stored) {
            publish(
                    v,
                    assessments.get(v.chipSerial()),
                    inputs.get(v.chipSerial()).previous());
        }
        return new Batch(stored, confirmations.size());
    }

    private static List<Measurement> measurements(ChipInput in) {
        List<Measurement> out = new ArrayList<>(in.window().size());
        for (WindowMeasurement m : in.window()) {
            out.add(new Measurement(m.landmark(), RoundTrip.ofNanos(m.rttMinNanos())));
        }
        return out;
    }

    /** When the first minimum receipt leaves the window (the region may grow then), or the refresh is due. */
    private Instant validUntil(ChipInput in, Instant assessedAt) {
        Instant due = assessedAt.plus(refresh);
        for (WindowMeasurement m : in.window()) {
            Instant expiry = m.measuredAt().plus(window);
            if (expiry.isBefore(due)) {
                due = expiry;
            }
        }
        return due;
    }

    /** Chips whose latest verdict is due again (a minimum receipt left the window, or the refresh). */
    public List<String> due(int limit) {
        Instant now = clock.instant();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT chip_serial FROM chip_verdicts WHERE valid_until" + " <= ? ORDER BY valid_until LIMIT ?")) {
                Sql.setInstant(ps, 1, now);
                ps.setInt(2, limit);
                return serials(ps);
            }
        });
    }

    /**
     * Chips whose window changed after their latest verdict (or that have none): work a stopped
     * process left behind. Commits may trail the verdict that read the window by a few minutes at
     * most, so this errs towards assessing again.
     */
    public List<String> awaitingAssessment() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT w.chip_serial FROM chip_window w"
                    + " LEFT JOIN chip_verdicts v ON v.chip_serial = w.chip_serial"
                    + " WHERE v.chip_serial IS NULL OR w.updated_at >= v.assessed_at - INTERVAL '5' MINUTE")) {
                return serials(ps);
            }
        });
    }

    /**
     * Makes every chip measured by the landmark due at once, e.g. after the landmark's status changed
     * (a SUSPECT landmark's receipts stop counting; a restored one's count again).
     *
     * @return how many chips were made due
     */
    public int invalidateLandmark(String landmarkId) {
        return db.inTransaction(c -> invalidateLandmark(c, landmarkId));
    }

    /** {@link #invalidateLandmark(String)} inside the caller's transaction. */
    public int invalidateLandmark(Connection c, String landmarkId) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("UPDATE chip_verdicts SET valid_until = ? WHERE"
                + " valid_until > ? AND chip_serial IN (SELECT chip_serial FROM chip_window WHERE landmark_id = ?)")) {
            Sql.setInstant(ps, 1, now);
            Sql.setInstant(ps, 2, now);
            ps.setString(3, landmarkId);
            return ps.executeUpdate();
        }
    }

    private static List<String> serials(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Whether verdicts prove the chip where it may be: inside its licensed zone, or at least clear
     * of every restricted jurisdiction; never when it is proven outside its zone (a violation).
     */
    public static boolean provesCompliance(Set<Verdict> verdicts) {
        if (verdicts.contains(Verdict.OUTSIDE_ZONE) || verdicts.contains(Verdict.IN_RESTRICTED)) {
            return false;
        }
        return verdicts.contains(Verdict.IN_ZONE) || verdicts.contains(Verdict.EXCLUDES_RESTRICTED);
    }

    private void publish(StoredVerdict v, Assessment a, Optional<PreviousVerdict> previous) {
        if (listeners.isEmpty()) {
            return;
        }
        List<Disc> discs = a.region().candidateBoundingDiscs();
        VerdictEvent event = new VerdictEvent(
                v,
                EvidenceJson.discs(a.evidence().boundingDiscs()),
                a.evidence().maxDistanceFromSite().km(),
                restricted,
                previous.flatMap(prev -> moved.check(prev, v, discs)),
                a.toleratedLiars(),
                a.honestOnly(),
                EvidenceJson.dependsOn(a.toleratedLiars()));
        for (VerdictListener l : listeners) {
            l.onVerdict(event);
        }
    }

    /** Verdicts of a chip, oldest first, by id. */
    public Page<StoredVerdict> history(String chipSerial, long afterId, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT * FROM verdicts WHERE chip_serial = ? AND id > ? ORDER BY id LIMIT ?")) {
                ps.setString(1, chipSerial);
                ps.setLong(2, afterId);
                ps.setInt(3, limit + 1);
                List<StoredVerdict> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(VerdictRows.read(rs));
                    }
                }
                return Page.of(out, limit, v -> Long.toString(v.id()));
            }
        });
    }

    /** The chip's most recent verdict, or the most recent proven one. */
    public Optional<StoredVerdict> latest(String chipSerial, boolean provenOnly) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM verdicts WHERE chip_serial = ?"
                    + (provenOnly ? " AND proven = TRUE" : "") + " ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, chipSerial);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(VerdictRows.read(rs)) : Optional.empty();
                }
            }
        });
    }
}
