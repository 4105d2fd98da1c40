package dev.locus.sim.eval;

import dev.locus.geo.audit.AuditReport;
import dev.locus.geo.audit.MeshAudit;
import dev.locus.geo.audit.PeerRoundTrip;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.jurisdiction.Jurisdictions;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.Assessment;
import dev.locus.geo.verdict.LicensedZone;
import dev.locus.geo.verdict.Measurement;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verdict;
import dev.locus.geo.verdict.Verifier;
import dev.locus.sim.latency.Host;
import dev.locus.sim.latency.LatencyDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Evaluates location verification on real round trips: each host in turn is the device and every
 * other host a landmark (after the mesh audit removed suspects), using the minimum round trip of
 * either direction. Each verdict is then checked against the device's published position: a
 * proven verdict that the published position contradicts is counted as unsound.
 */
public final class Evaluation {

    private final LatencyDataset data;
    private final Verifier verifier;
    private final Policy policy;

    public Evaluation(LatencyDataset data, Jurisdictions jurisdictions, Policy policy) {
        this.data = data;
        this.verifier = Verifier.of(jurisdictions);
        this.policy = policy;
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
        AuditReport audit = audit();
        Set<String> suspects = audit.suspectIds();
        List<Host> landmarks =
                data.hosts().stream().filter(h -> !suspects.contains(h.id())).toList();
        Set<String> restricted = policy.restricted();
        var restrictedArea = verifier.jurisdictions().union(restricted);
        List<EvalReport.Entry> entries = new ArrayList<>(claims.size());
        long assessNanos = 0;
        long lastProgress = System.nanoTime();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            Host device = data.host(claim.deviceId()).orElseThrow();
            List<Measurement> ms = measurements(device, landmarks);
            long t0 = System.nanoTime();
            Assessment a = verifier.assess(claim.site(), ms, policy);
            assessNanos += System.nanoTime() - t0;
            boolean suspect = suspects.contains(device.id());
            GeoPosition truth = device.position();
            boolean truthRestricted = restrictedArea.contains(truth.toS2Point());
            boolean truthInZone = inZone(truth, claim.site());
            List<String> unsound = suspect ? List.of() : unsoundness(a, truthRestricted, truthInZone);
            entries.add(new EvalReport.Entry(
                    device, claim.site(), a, suspect, unsound, restricted.contains(device.country())));
            if (System.nanoTime() - lastProgress > 2_000_000_000L) {
                progress.accept(String.format("evaluated %d of %d claims", i + 1, claims.size()));
                lastProgress = System.nanoTime();
            }
        }
        return new EvalReport(policy, audit, entries, landmarks.size(), assessNanos, explicitClaims);
    }

    /** The mesh audit over all hosts as landmarks. */
    public AuditReport audit() {
        List<PeerRoundTrip> pairs = new ArrayList<>();
        List<Host> hosts = data.hosts();
        for (Host a : hosts) {
            for (Map.Entry<String, RoundTrip> e : data.peersOf(a.id()).entrySet()) {
                if (a.id().compareTo(e.getKey()) < 0) {
                    Host b = data.host(e.getKey()).orElseThrow();
                    pairs.add(new PeerRoundTrip(a.asLandmark(), b.asLandmark(), e.getValue()));
                }
            }
        }
        return MeshAudit.audit(hosts.stream().map(Host::asLandmark).toList(), pairs);
    }

    /** The device's measurements from every trusted landmark that measured it. */
    public List<Measurement> measurements(Host device, List<Host> landmarks) {
        Map<String, RoundTrip> peers = data.peersOf(device.id());
        List<Measurement> ms = new ArrayList<>();
        for (Host l : landmarks) {
            RoundTrip rtt = peers.get(l.id());
            if (rtt != null && !l.id().equals(device.id())) {
                ms.add(new Measurement(l.asLandmark(), rtt));
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

    /** Proven verdicts that the device's published position contradicts. */
    static List<String> unsoundness(Assessment a, boolean truthRestricted, boolean truthInZone) {
        List<String> problems = new ArrayList<>();
        if (a.has(Verdict.EXCLUDES_RESTRICTED) && truthRestricted) {
            problems.add("EXCLUDES_RESTRICTED but the published position is in a restricted jurisdiction");
        }
        if (a.has(Verdict.IN_RESTRICTED) && !truthRestricted) {
            problems.add("IN_RESTRICTED but the published position is outside the restricted jurisdictions");
        }
        if (a.has(Verdict.IN_ZONE) && !truthInZone) {
            problems.add("IN_ZONE but the published position is outside the licensed zone");
        }
        if (a.has(Verdict.OUTSIDE_ZONE) && truthInZone) {
            problems.add("OUTSIDE_ZONE but the published position is inside the licensed zone");
        }
        if (a.has(Verdict.INCONSISTENT)) {
            problems.add("INCONSISTENT although no trusted landmark contradicts the published position");
        }
        return problems;
    }
}
