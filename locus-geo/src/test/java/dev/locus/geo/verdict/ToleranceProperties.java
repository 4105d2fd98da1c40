package dev.locus.geo.verdict;

import static dev.locus.geo.verdict.Fixtures.WORLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.FeasibleRegion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of verdicts that tolerate F lying operators. */
class ToleranceProperties {

    private static final Verifier VERIFIER = Verifier.of(WORLD);
    private static final Policy BASE = Policy.DEFAULT.withRestricted(Set.of("AA", "BB"));

    /**
     * Up to F operators publish arbitrary positions (their round trips stay real): no verdict proven
     * at F excludes the device's true position, and the tolerant region still holds it.
     */
    @Property(tries = 400)
    void uptoFLiars_neverMakeAProvenVerdictFalse(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int f) {
        Random rnd = new Random(seed);
        GeoPosition truth = randomNearAa(rnd);
        GeoPosition claim = rnd.nextBoolean() ? truth : randomNearAa(rnd);
        List<Measurement> ms = lie(rnd, instance(rnd, truth), f);
        Policy policy = BASE.withToleratedLiars(f);
        Assessment a = VERIFIER.assess(claim, ms, policy);
        assertSound(a, truth, claim, policy);
        assertThat(a.region().contains(truth.toS2Point())).isTrue();
    }

    /**
     * Landmarks of one operator count once: an operator that moves all of its boxes is one liar. At
     * F = 1 two or three colluding boxes of one operator cannot fake a proof.
     */
    @Property(tries = 300)
    void oneOperatorsBoxes_countOnce(@ForAll long seed) {
        Random rnd = new Random(seed);
        GeoPosition truth = randomNearAa(rnd);
        List<Measurement> ms = instance(rnd, truth);
        int boxes = 2 + rnd.nextInt(2);
        GeoPosition shift = randomAnywhere(rnd);
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            Measurement m = ms.get(i);
            if (i < boxes) {
                Landmark moved = m.landmark().withOperator("colluder").withPosition(jitter(rnd, shift));
                out.add(new Measurement(moved, m.roundTrip()));
            } else {
                out.add(m);
            }
        }
        Policy policy = BASE.withToleratedLiars(1);
        Assessment a = VERIFIER.assess(truth, out, policy);
        assertSound(a, truth, truth, policy);
    }

    /** F = 0 is the plain intersection of the discs: the region holds exactly the points every disc holds. */
    @Property(tries = 100)
    void fZero_isTheIntersectionOfAllDiscs(@ForAll long seed) {
        Random rnd = new Random(seed);
        GeoPosition truth = randomNearAa(rnd);
        List<Measurement> ms = lie(rnd, instance(rnd, truth), rnd.nextInt(2));
        var discs = Verifier.discs(ms, BASE.withToleratedLiars(0));
        FeasibleRegion region = FeasibleRegion.tolerating(discs, 0);
        for (int i = 0; i < 300; i++) {
            var p = randomAnywhere(rnd).toS2Point();
            boolean inAll = discs.stream().allMatch(d -> d.cap().contains(p));
            assertThat(region.contains(p)).isEqualTo(inAll);
        }
    }

    /**
     * Tolerating more liars never proves more: verdicts at F + 1 are a subset of those at F (unless
     * the discs at F contradict each other), and the region at F lies inside the region at F + 1.
     */
    @Property(tries = 200)
    void moreTolerance_neverProvesMore(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int f) {
        Random rnd = new Random(seed);
        GeoPosition truth = randomNearAa(rnd);
        GeoPosition claim = rnd.nextBoolean() ? truth : randomNearAa(rnd);
        List<Measurement> ms = lie(rnd, instance(rnd, truth), rnd.nextInt(3));
        Assessment lo = VERIFIER.assess(claim, ms, BASE.withToleratedLiars(f));
        Assessment hi = VERIFIER.assess(claim, ms, BASE.withToleratedLiars(f + 1));
        // At F the discs may contradict each other (INCONSISTENT: an empty region, of which every
        // verdict holds vacuously); F + 1 tolerates the liar and may then prove something.
        if (!lo.verdicts().contains(Verdict.INCONSISTENT)) {
            for (Verdict v : hi.verdicts()) {
                if (v != Verdict.INCONCLUSIVE) {
                    assertThat(lo.verdicts()).contains(v);
                }
            }
        }
        for (int i = 0; i < 200; i++) {
            var p = randomAnywhere(rnd).toS2Point();
            if (lo.region().contains(p)) {
                assertThat(hi.region().contains(p)).isTrue();
            }
        }
        assertThat(hi.evidence().toleratedLiars()).isEqualTo(f + 1);
        if (f + 1 > 0) {
            Assessment honest = VERIFIER.assess(claim, ms, BASE.withToleratedLiars(0));
            Set<Verdict> expected = new HashSet<>(honest.verdicts());
            expected.removeAll(hi.verdicts());
            expected.remove(Verdict.INCONCLUSIVE);
            assertThat(Set.copyOf(hi.honestOnly())).isEqualTo(expected);
        }
    }

    static void assertSound(Assessment a, GeoPosition truth, GeoPosition claim, Policy policy) {
        boolean inRestricted = WORLD.union(policy.restricted()).contains(truth.toS2Point());
        boolean inZone = truth.geodesicDistanceTo(claim).km() <= 500;
        assertThat(a.has(Verdict.INCONSISTENT))
                .as("inconsistent with at most F liars")
                .isFalse();
        if (a.has(Verdict.EXCLUDES_RESTRICTED)) assertThat(inRestricted).isFalse();
        if (a.has(Verdict.IN_RESTRICTED)) assertThat(inRestricted).isTrue();
        if (a.has(Verdict.IN_ZONE)) assertThat(inZone).isTrue();
        if (a.has(Verdict.OUTSIDE_ZONE)) assertThat(inZone).isFalse();
        assertThat(a.evidence().maxDistanceFromSite().km() + 1e-6)
                .isGreaterThanOrEqualTo(truth.geodesicDistanceTo(claim).km());
    }

    /** 3..12 honest landmarks around the truth, some near, some far, some slow. */
    static List<Measurement> instance(Random rnd, GeoPosition truth) {
        return Fixtures.randomHonest(rnd, truth, 3, 10, 0.5, 30, 1.0, 5);
    }

    /** Moves up to {@code f} distinct landmarks' published positions anywhere (near or far). */
    static List<Measurement> lie(Random rnd, List<Measurement> ms, int f) {
        List<Measurement> out = new ArrayList<>(ms);
        int liars = Math.min(f, out.size());
        liars = liars == 0 ? 0 : 1 + rnd.nextInt(liars);
        Set<Integer> chosen = new HashSet<>();
        while (chosen.size() < liars) {
            chosen.add(rnd.nextInt(out.size()));
        }
        for (int i : chosen) {
            Measurement m = out.get(i);
            GeoPosition fake = rnd.nextBoolean()
                    ? randomAnywhere(rnd)
                    : jitter(rnd, m.landmark().position());
            out.set(i, new Measurement(m.landmark().withPosition(fake), m.roundTrip()));
        }
        return out;
    }

    /** Around the restricted box AA (30..50N, 100..120E) and its neighbours. */
    static GeoPosition randomNearAa(Random rnd) {
        return GeoPosition.ofDegrees(10 + 50 * rnd.nextDouble(), 80 + 60 * rnd.nextDouble());
    }

    static GeoPosition randomAnywhere(Random rnd) {
        double z = 2 * rnd.nextDouble() - 1;
        return GeoPosition.ofDegrees(Math.toDegrees(Math.asin(z)), -180 + 360 * rnd.nextDouble());
    }

    /** A point moved up to ~25 degrees in a random direction: a targeted lie. */
    static GeoPosition jitter(Random rnd, GeoPosition p) {
        double dist = 25 * rnd.nextDouble();
        double bearing = 2 * Math.PI * rnd.nextDouble();
        double lat = Math.max(-89, Math.min(89, p.latitudeDegrees() + dist * Math.sin(bearing)));
        return GeoPosition.ofDegrees(lat, Fixtures.wrap(p.longitudeDegrees() + dist * Math.cos(bearing)));
    }
}
