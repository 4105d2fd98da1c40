package dev.locus.geo.verdict;

import static dev.locus.geo.verdict.Fixtures.WORLD;
import static dev.locus.geo.verdict.Fixtures.honest;
import static dev.locus.geo.verdict.Fixtures.ringAround;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.geo.GeoException;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.position.Distance;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.OperatorShare;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ToleranceTest {

    private final Verifier verifier = Verifier.of(WORLD);
    private final Policy f0 = Fixtures.POLICY.withToleratedLiars(0);
    private final Policy f1 = Fixtures.POLICY.withToleratedLiars(1);

    /** Inside AA's box (30..50N, 100..120E), 300 km from its southern border. */
    private final GeoPosition inAa = GeoPosition.ofDegrees(33, 110);

    @Test
    void oneLiarAlone_provesAtFZero_butNotAtFOne_andIsNamed() {
        // The device is truly in AA; one tight landmark lies by publishing a position 1,500 km south,
        // and its small disc alone puts the device outside AA. Honest far landmarks agree with AA.
        List<Measurement> ms = new ArrayList<>(ringAround(inAa, 25, 6, 2.0, 0));
        GeoPosition fake = GeoPosition.ofDegrees(19.5, 110);
        Measurement tight = honest("liar", GeoPosition.ofDegrees(33.5, 110), inAa, 1.0, 0);
        ms.add(new Measurement(new Landmark("liar", "liar", fake), tight.roundTrip()));

        Assessment honestOnly = verifier.assess(inAa, ms, f0);
        assertThat(honestOnly.has(Verdict.EXCLUDES_RESTRICTED)).isTrue(); // the unsound F = 0 proof
        assertThat(honestOnly
                        .evidence()
                        .relianceOf(Verdict.EXCLUDES_RESTRICTED)
                        .orElseThrow()
                        .restsOn())
                .extracting(OperatorShare::operator)
                .contains("liar");

        Assessment tolerant = verifier.assess(inAa, ms, f1);
        assertThat(tolerant.has(Verdict.EXCLUDES_RESTRICTED)).isFalse();
        assertThat(tolerant.honestOnly()).contains(Verdict.EXCLUDES_RESTRICTED);
        assertThat(tolerant.region().contains(inAa.toS2Point())).isTrue();
        assertThat(tolerant.toleratedLiars()).isEqualTo(1);
    }

    @Test
    void wellSurroundedDevice_staysProvenAtFOne_withReliance() {
        GeoPosition device = GeoPosition.ofDegrees(10, 80); // far outside AA
        Assessment a = verifier.assess(device, ringAround(device, 1.5, 6, 1.3, 0.1), f1);
        assertThat(a.verdicts()).contains(Verdict.EXCLUDES_RESTRICTED, Verdict.IN_ZONE);
        assertThat(a.honestOnly()).isEmpty();
        Reliance r = a.evidence().relianceOf(Verdict.IN_ZONE).orElseThrow();
        assertThat(r.excludingOperators()).isEqualTo(2);
        assertThat(r.restsOn())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.share()).isBetween(0.0, 1.0));
        assertThat(a.evidence().operatorsUsed()).isEqualTo(6);
    }

    @Test
    void twoBoxesOfOneOperator_countOnce() {
        // Two tight boxes of one operator bound the device; counted as one, at F = 1 they cannot
        // prove IN_ZONE on their own, whereas as independent operators they do.
        GeoPosition device = GeoPosition.ofDegrees(10, 80);
        Measurement a = honest("A", GeoPosition.ofDegrees(10.5, 80), device, 1.0, 0);
        Measurement b = honest("B", GeoPosition.ofDegrees(9.5, 80), device, 1.0, 0);
        Assessment independent = verifier.assess(device, List.of(a, b), f1);
        assertThat(independent.has(Verdict.IN_ZONE)).isTrue();
        List<Measurement> sameOperator = List.of(
                new Measurement(a.landmark().withOperator("acme"), a.roundTrip()),
                new Measurement(b.landmark().withOperator("acme"), b.roundTrip()));
        Assessment oneOperator = verifier.assess(device, sameOperator, f1);
        assertThat(oneOperator.has(Verdict.IN_ZONE)).isFalse();
        assertThat(oneOperator.honestOnly()).contains(Verdict.IN_ZONE);
        assertThat(oneOperator.evidence().operatorsUsed()).isEqualTo(1);
    }

    @Test
    void inconsistentAtFOne_needsTwoIndependentContradictions() {
        GeoPosition device = GeoPosition.ofDegrees(10, 80);
        Landmark a = new Landmark("A", "A", GeoPosition.ofDegrees(0, 0));
        Landmark b = new Landmark("B", "B", GeoPosition.ofDegrees(0, 40));
        Landmark c = new Landmark("C", "C", GeoPosition.ofDegrees(40, 20));
        List<Measurement> two =
                List.of(new Measurement(a, RoundTrip.ofMillis(1)), new Measurement(b, RoundTrip.ofMillis(1)));
        assertThat(verifier.assess(device, two, f0).verdicts()).containsExactly(Verdict.INCONSISTENT);
        assertThat(verifier.assess(device, two, f1).has(Verdict.INCONSISTENT)).isFalse();
        List<Measurement> three = new ArrayList<>(two);
        three.add(new Measurement(c, RoundTrip.ofMillis(1)));
        Assessment x = verifier.assess(device, three, f1);
        assertThat(x.verdicts()).containsExactly(Verdict.INCONSISTENT);
        assertThat(x.evidence().relianceOf(Verdict.INCONSISTENT).orElseThrow().excludingOperators())
                .isEqualTo(2);
    }

    @Test
    void positionUncertainty_enlargesTheDisc() {
        GeoPosition device = GeoPosition.ofDegrees(10, 80);
        Measurement m = honest("A", GeoPosition.ofDegrees(10, 80.1), device, 1.0, 0);
        Assessment exact = verifier.assess(device, List.of(m), f0);
        Landmark l = m.landmark();
        Landmark vague = new Landmark(l.id(), l.name(), l.position(), l.operator(), Distance.ofKm(50));
        Assessment loose = verifier.assess(device, List.of(new Measurement(vague, m.roundTrip())), f0);
        assertThat(loose.evidence().maxDistanceFromSite().km())
                .isGreaterThan(exact.evidence().maxDistanceFromSite().km() + 49);
        assertThat(loose.region().candidateBoundingDiscs().get(0).maxDistance().km())
                .isCloseTo(
                        exact.region()
                                        .candidateBoundingDiscs()
                                        .get(0)
                                        .maxDistance()
                                        .km()
                                + 50,
                        org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void badToleranceOrUncertainty_isRejectedWithTheValue() {
        assertRejectedNaming(() -> f0.withToleratedLiars(-1), "got -1");
        assertRejectedNaming(() -> new Landmark("A", "A", GeoPosition.ofDegrees(0, 0), " ", Distance.ZERO), "operator");
        assertRejectedNaming(
                () -> new Landmark("A", "A", GeoPosition.ofDegrees(0, 0), "op", Distance.ofKm(5000)), "5000");
    }

    private static void assertRejectedNaming(ThrowingCallable call, String expected) {
        assertThatThrownBy(call).isInstanceOf(GeoException.class).hasMessageContaining(expected);
    }

    @Test
    void fEqualToTheOperatorCount_provesNothing() {
        GeoPosition device = GeoPosition.ofDegrees(10, 80);
        List<Measurement> ms = ringAround(device, 1.5, 2, 1.3, 0.1);
        Assessment a = verifier.assess(device, ms, Fixtures.POLICY.withToleratedLiars(2));
        assertThat(a.verdicts()).containsExactly(Verdict.INCONCLUSIVE);
    }
}
