package dev.locus.geo.verdict;

import static dev.locus.geo.verdict.Fixtures.WORLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.position.GeoPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Invariants of the verifier under random honest and adversarial round trips. */
class VerifierProperties {

    private static final Verifier VERIFIER = Verifier.of(WORLD);
    private static final Policy POLICY = Policy.DEFAULT.withRestricted(Set.of("AA", "BB"));

    /** Adding delay (relays, slow hosts) may blur but never falsify: no verdict excludes the truth. */
    @Property(tries = 300)
    void noVerdict_everExcludesTheTruePosition(@ForAll long seed) {
        Random rnd = new Random(seed);
        GeoPosition truth = GeoPosition.ofDegrees(10 + 50 * rnd.nextDouble(), 80 + 60 * rnd.nextDouble());
        GeoPosition claim = rnd.nextBoolean()
                ? truth
                : GeoPosition.ofDegrees(10 + 50 * rnd.nextDouble(), 80 + 60 * rnd.nextDouble());
        List<Measurement> ms = randomMeasurements(rnd, truth);
        Assessment a = VERIFIER.assess(claim, ms, POLICY);
        boolean inRestricted = WORLD.union(POLICY.restricted()).contains(truth.toS2Point());
        boolean inZone = truth.geodesicDistanceTo(claim).km() <= 500;
        assertThat(a.has(Verdict.INCONSISTENT)).isFalse();
        if (a.has(Verdict.EXCLUDES_RESTRICTED)) assertThat(inRestricted).isFalse();
        if (a.has(Verdict.IN_RESTRICTED)) assertThat(inRestricted).isTrue();
        if (a.has(Verdict.IN_ZONE)) assertThat(inZone).isTrue();
        if (a.has(Verdict.OUTSIDE_ZONE)) assertThat(inZone).isFalse();
        assertThat(a.region().contains(truth.toS2Point())).isTrue();
        assertThat(a.evidence().maxDistanceFromSite().km() + 1e-6)
                .isGreaterThanOrEqualTo(truth.geodesicDistanceTo(claim).km());
    }

    /** A longer round trip can only grow the region, so whatever the larger region proves the smaller does too. */
    @Property(tries = 150)
    void region_neverShrinks_whenARoundTripGrows(@ForAll long seed) {
        Random rnd = new Random(seed);
        GeoPosition truth = GeoPosition.ofDegrees(10 + 50 * rnd.nextDouble(), 80 + 60 * rnd.nextDouble());
        List<Measurement> small = randomMeasurements(rnd, truth);
        List<Measurement> large = new ArrayList<>(small);
        int k = rnd.nextInt(large.size());
        Measurement m = large.get(k);
        large.set(
                k,
                new Measurement(m.landmark(), RoundTrip.ofMillis(m.roundTrip().millis() * (1 + 3 * rnd.nextDouble()))));
        Assessment a = VERIFIER.assess(truth, small, POLICY);
        Assessment b = VERIFIER.assess(truth, large, POLICY);
        for (int i = 0; i < 200; i++) {
            GeoPosition p = GeoPosition.ofDegrees(-60 + 130 * rnd.nextDouble(), 40 + 140 * rnd.nextDouble());
            if (a.region().contains(p.toS2Point())) {
                assertThat(b.region().contains(p.toS2Point())).isTrue();
            }
        }
        assertThat(b.evidence().areaKm2()).isGreaterThanOrEqualTo(a.evidence().areaKm2() * 0.999);
        for (Verdict v :
                List.of(Verdict.EXCLUDES_RESTRICTED, Verdict.IN_RESTRICTED, Verdict.IN_ZONE, Verdict.OUTSIDE_ZONE)) {
            if (b.has(v)) {
                assertThat(a.verdicts()).contains(v);
            }
        }
    }

    private static List<Measurement> randomMeasurements(Random rnd, GeoPosition truth) {
        return Fixtures.randomHonest(rnd, truth, 1, 7, 1, 40, 1.5, 20);
    }
}
