package dev.locus.sim.eval;

import dev.locus.geo.audit.AuditReport;
import dev.locus.geo.audit.Contradiction;
import dev.locus.geo.audit.MeshAudit;
import dev.locus.geo.audit.PeerRoundTrip;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.jurisdiction.Jurisdictions;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.Assessment;
import dev.locus.geo.verdict.Landmark;
import dev.locus.geo.verdict.LicensedZone;
import dev.locus.geo.verdict.Measurement;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verdict;
import dev.locus.geo.verdict.Verifier;
import dev.locus.sim.latency.Host;
import dev.locus.sim.latency.LatencyDataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Evaluates location verification on real round trips: each host in turn is the device and every
 * other host a landmark (after the mesh audit removed suspects), using the minimum round trip of
 * either direction. Each verdict is then checked against the device's true position: a proven
 * verdict that the true position contradicts is counted as unsound.
 *
 * <p>Two ways to audit. As it always was, every host (the device included) is in the mesh audit,
 * so a device's own round trips help catch a lying landmark. With {@code deviceOutsideAudit}, as
 * for a customer chip, the device's round trips are not used by the audit: the audit runs over the
 * other hosts only. Published positions may differ from the true ones (see {@link LiarStudy}):
 * the audit and the verdicts see the published positions, scoring uses the true ones.
 */
public final class Evaluation {

    private final LatencyDataset data;
    private final Verifier verifier;
    private final Policy policy;
    private final boolean deviceOutsideAudit;
    private final List<PeerRoundTrip> truePairs;

    public Evaluation(LatencyDataset data, Jurisdictions jurisdictions, Policy policy) {
        this(data, jurisdictions, policy, false);
    }

    /**
     * @param deviceOutsideAudit whether each device's own round trips are kept out of the mesh audit
     */
    public Evaluation(LatencyDataset data, Jurisdictions jurisdictions, Policy policy, boolean deviceOutsideAudit) {
        this.data = data;
        this.verifier = Verifier.of(jurisdictions);
        this.policy = policy;
        this.deviceOutsideAudit = deviceOutsideAudit;
        this.truePairs = pairs(Map.of());
    }

    public Policy policy() {
        return policy;
    }

    public LatencyDataset data() {
        return data;
    }

    public Verifier verifier() {
        return verifier;
    }

    /** Every host claiming its own published position. */
    public EvalReport run(Consumer<String> progress) {
        List<Claim> claims =
                data.hosts().stream().map(h -> new Claim(h.id(), h.position())).toList();
        return run(claims, false, progress);
    }

    /**
     * The given claims only.
     *
     * @param explicitClaims whether the claims came from a claims file (recorded in the report)
     */
    public EvalReport run(List<Claim> claims, boolean explicitClaims, Consumer<String> progress) {
        return run(claims, explicitClaims, Map.of(), Set.of(), true, progress);
    }

    /**
     * The given claims with some landmarks' published positions replaced.
     *
     * @param published published positions that differ from the hosts' true positions (liars)
     * @param notScored devices whose verdicts are not scored (their true position is unknown)
     */
    EvalReport run(
            List<Claim> claims,
            boolean explicitClaims,
            Map<String, GeoPosition> published,
            Set<String> notScored,
            boolean compareWithHonest,
            Consumer<String> progress) {
        List<PeerRoundTrip> pairs = published.isEmpty() ? truePairs : pairs(published);
        List<Landmark> all =
                data.hosts().stream().map(h -> landmark(h, published)).toList();
        AuditReport audit = MeshAudit.audit(all, pairs);
        List<Contradiction> contradictions = audit.contradictions();
        Map<String, Integer> peers = peerCounts(pairs);
        Set<String> restricted = policy.restricted();
        var restrictedArea = verifier.jurisdictions().union(restricted);
        List<EvalReport.Entry> entries = new ArrayList<>(claims.size());
        long assessNanos = 0;
        long lastProgress = System.nanoTime();
        Map<String, Set<String>> suspectsWithout = new HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            Host device = data.host(claim.deviceId()).orElseThrow();
            Set<String> suspects = deviceOutsideAudit
                    ? suspectsWithout.computeIfAbsent(
                            device.id(), id -> coverWithout(all, contradictions, peers, pairs.size(), id))
                    : audit.suspectIds();
            List<Measurement> ms = measurements(device, all, suspects);
            long t0 = System.nanoTime();
            Assessment a = verifier.assess(claim.site(), ms, policy, compareWithHonest);
            assessNanos += System.nanoTime() - t0;
            boolean suspect = audit.isSuspect(device.id());
            GeoPosition truth = device.position();
            boolean truthRestricted = restrictedArea.contains(truth.toS2Point());
            boolean truthInZone = inZone(truth, claim.site());
            boolean scored = !suspect && !notScored.contains(device.id());
            List<String> unsound = scored ? unsoundness(a, truthRestricted, truthInZone) : List.of();
            entries.add(new EvalReport.Entry(
                    device, claim.site(), a, suspect, unsound, restricted.contains(device.country())));
            if (System.nanoTime() - lastProgress > 2_000_000_000L) {
                progress.accept(String.format("evaluated %d of %d claims", i + 1, claims.size()));
                lastProgress = System.nanoTime();
            }
        }
        int trusted = all.size() - audit.suspects().size();
        return new EvalReport(policy, audit, entries, trusted, assessNanos, explicitClaims, deviceOutsideAudit);
    }

    private static Set<String> coverWithout(
            List<Landmark> all,
            List<Contradiction> contradictions,
            Map<String, Integer> peers,
            int pairsChecked,
            String deviceId) {
        List<Contradiction> others = contradictions.stream()
                .filter(c -> !c.pair().a().id().equals(deviceId)
                        && !c.pair().b().id().equals(deviceId))
                .toList();
        if (others.isEmpty()) {
            return Set.of();
        }
        List<Landmark> landmarks =
                all.stream().filter(l -> !l.id().equals(deviceId)).toList();
        return MeshAudit.cover(landmarks, others, peers, pairsChecked).suspectIds();
    }

    private static Map<String, Integer> peerCounts(List<PeerRoundTrip> pairs) {
        Map<String, Integer> peers = new HashMap<>();
        for (PeerRoundTrip p : pairs) {
            peers.merge(p.a().id(), 1, Integer::sum);
            peers.merge(p.b().id(), 1, Integer::sum);
        }
        return peers;
    }

    /** The mesh audit over all hosts as landmarks, at their published positions. */
    public AuditReport audit() {
        return MeshAudit.audit(data.hosts().stream().map(Host::asLandmark).toList(), truePairs);
    }

    private List<PeerRoundTrip> pairs(Map<String, GeoPosition> published) {
        List<PeerRoundTrip> pairs = new ArrayList<>();
        for (Host a : data.hosts()) {
            for (Map.Entry<String, RoundTrip> e : data.peersOf(a.id()).entrySet()) {
                if (a.id().compareTo(e.getKey()) < 0) {
                    Host b = data.host(e.getKey()).orElseThrow();
                    pairs.add(new PeerRoundTrip(landmark(a, published), landmark(b, published), e.getValue()));
                }
            }
        }
        return pairs;
    }

    private static Landmark landmark(Host h, Map<String, GeoPosition> published) {
        GeoPosition p = published.get(h.id());
        return p == null ? h.asLandmark() : h.asLandmark().withPosition(p);
    }

    /** The device's measurements from every trusted landmark that measured it. */
    public List<Measurement> measurements(Host device, List<Host> landmarks) {
        return measurements(device, landmarks.stream().map(Host::asLandmark).toList(), Set.of());
    }

    private List<Measurement> measurements(Host device, List<Landmark> landmarks, Set<String> suspects) {
        Map<String, RoundTrip> peers = data.peersOf(device.id());
        List<Measurement> ms = new ArrayList<>();
        for (Landmark l : landmarks) {
            RoundTrip rtt = peers.get(l.id());
            if (rtt != null && !l.id().equals(device.id()) && !suspects.contains(l.id())) {
                ms.add(new Measurement(l, rtt));
            }
        }
        return ms;
    }

    private boolean inZone(GeoPosition truth, GeoPosition site) {
        return switch (policy.zone()) {
            case LicensedZone.Radius r ->
                truth.geodesicDistanceTo(site).km() <= r.radius().km();
            case LicensedZone.Countries c ->
                verifier.jurisdictions().union(c.codes()).contains(truth.toS2Point());
        };
    }

    /** Proven verdicts that the device's true position contradicts. */
    static List<String> unsoundness(Assessment a, boolean truthRestricted, boolean truthInZone) {
        List<String> problems = new ArrayList<>();
        if (a.has(Verdict.EXCLUDES_RESTRICTED) && truthRestricted) {
            problems.add("EXCLUDES_RESTRICTED but the true position is in a restricted jurisdiction");
        }
        if (a.has(Verdict.IN_RESTRICTED) && !truthRestricted) {
            problems.add("IN_RESTRICTED but the true position is outside the restricted jurisdictions");
        }
        if (a.has(Verdict.IN_ZONE) && !truthInZone) {
            problems.add("IN_ZONE but the true position is outside the licensed zone");
        }
        if (a.has(Verdict.OUTSIDE_ZONE) && truthInZone) {
            problems.add("OUTSIDE_ZONE but the true position is inside the licensed zone");
        }
        if (a.has(Verdict.INCONSISTENT)) {
            problems.add("INCONSISTENT although the true position is consistent with every honest landmark");
        }
        return problems;
    }
}
