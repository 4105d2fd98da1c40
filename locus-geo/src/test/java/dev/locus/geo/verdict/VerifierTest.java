package dev.locus.geo.verdict;

import static dev.locus.geo.verdict.Fixtures.POLICY;
import static dev.locus.geo.verdict.Fixtures.WORLD;
import static dev.locus.geo.verdict.Fixtures.ringAround;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.geo.GeoException;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.Distance;
import dev.locus.geo.position.GeoPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifierTest {

    private final Verifier verifier = Verifier.of(WORLD);

    /** One landmark at 25N 110E, 5 degrees (about 553 km) south of AA's border at 30N. */
    private static final Landmark SOUTH_OF_AA = new Landmark("L", "L", GeoPosition.ofDegrees(25, 110));

    private static final double SOUTH_OF_AA_BORDER_KM = SOUTH_OF_AA
            .position()
            .geodesicDistanceTo(GeoPosition.ofDegrees(30, 110))
            .km();

    @Test
    void honestDevice_withNearLandmarks_isInZoneAndExcludesRestricted() {
        GeoPosition device = GeoPosition.ofDegrees(10, 60);
        Assessment a = verifier.assess(device, ringAround(device, 1.5, 6, 1.3, 0.1), POLICY);
        assertThat(a.verdicts()).containsExactly(Verdict.EXCLUDES_RESTRICTED, Verdict.IN_ZONE);
        assertThat(a.evidence().maxDistanceFromSite().km()).isLessThan(500);
        assertThat(a.evidence().boundingDiscs()).isNotEmpty();
        assertThat(a.evidence().speed().provable()).isTrue();
    }

    @Test
    void deviceDeepInsideRestricted_isInRestricted_andOutsideAFarClaimedZone() {
        GeoPosition device = GeoPosition.ofDegrees(40, 110);
        GeoPosition claimed = GeoPosition.ofDegrees(1.35, 103.8);
        Assessment a = verifier.assess(claimed, ringAround(device, 2, 6, 1.2, 0.05), POLICY);
        assertThat(a.verdicts()).containsExactly(Verdict.OUTSIDE_ZONE, Verdict.IN_RESTRICTED);
    }

    @Test
    void regionAcrossTheBorder_isInconclusive() {
        GeoPosition device = GeoPosition.ofDegrees(30.5, 110); // 55 km inside AA's southern border
        Assessment a = verifier.assess(device, ringAround(device, 3, 6, 1.6, 0.5), POLICY);
        assertThat(a.verdicts()).doesNotContain(Verdict.EXCLUDES_RESTRICTED, Verdict.IN_RESTRICTED);
    }

    @Test
    void regionJustShortOfTheBorder_excludes_andJustOverItDoesNot() {
        Landmark l = SOUTH_OF_AA;
        double borderKm = SOUTH_OF_AA_BORDER_KM;
        Assessment near = verifier.assess(l.position(), List.of(rtt(l, borderKm * 0.990)), POLICY);
        Assessment over = verifier.assess(l.position(), List.of(rtt(l, borderKm * 1.002)), POLICY);
        assertThat(near.has(Verdict.EXCLUDES_RESTRICTED)).isTrue();
        assertThat(over.has(Verdict.EXCLUDES_RESTRICTED)).isFalse();
        assertThat(over.verdicts()).containsExactly(Verdict.INCONCLUSIVE);
    }

    @Test
    void borderMargin_demandsDistanceFromTheBorder() {
        Landmark l = SOUTH_OF_AA;
        double borderKm = SOUTH_OF_AA_BORDER_KM;
        List<Measurement> ms = List.of(rtt(l, borderKm - 5));
        assertThat(verifier.assess(l.position(), ms, POLICY).has(Verdict.EXCLUDES_RESTRICTED))
                .isTrue();
        Policy margin = POLICY.withBorderMargin(Distance.ofKm(10));
        assertThat(verifier.assess(l.position(), ms, margin).has(Verdict.EXCLUDES_RESTRICTED))
                .isFalse();
    }

    @Test
    void acrossTheAntimeridian_regionsAndJurisdictionsWrap() {
        Policy fj = Fixtures.HONEST.withRestricted(Set.of("FJ"));
        GeoPosition inside = GeoPosition.ofDegrees(-15, 179.5);
        assertThat(ringVerdicts(inside, 1.2, 0.02, fj)).contains(Verdict.IN_RESTRICTED, Verdict.IN_ZONE);
        GeoPosition east = GeoPosition.ofDegrees(-15, -170);
        assertThat(ringVerdicts(east, 1.2, 0.02, fj)).contains(Verdict.EXCLUDES_RESTRICTED);
    }

    @Test
    void atThePole_aRegionAroundItIsInsideThePolarJurisdiction() {
        Policy pn = Fixtures.HONEST.withRestricted(Set.of("PN"));
        GeoPosition pole = GeoPosition.ofDegrees(90, 0);
        Landmark atPole = new Landmark("P", "pole", pole);
        // 490 km: the outer cap of the disc (radius / a(1-e²)) fits the 500 km zone's inner cap.
        Assessment a = verifier.assess(pole, List.of(rtt(atPole, 490)), pn);
        assertThat(a.verdicts()).contains(Verdict.IN_RESTRICTED, Verdict.IN_ZONE);
        Assessment wide = verifier.assess(pole, List.of(rtt(atPole, 2000)), pn);
        assertThat(wide.verdicts()).containsExactly(Verdict.INCONCLUSIVE);
    }

    @Test
    void capsLargerThanAHemisphere_stillExcludeWhatLiesBeyondThem() {
        // 12 000 km from (0, -60): the region misses the area around the antipode (0, 120),
        // which holds part of AA's neighbour SE (0..20N, 100..120E).
        Landmark far = new Landmark("F", "far", GeoPosition.ofDegrees(0, -60));
        Assessment a = verifier.assess(
                far.position(), List.of(rtt(far, 12_000)), Fixtures.HONEST.withRestricted(Set.of("SE")));
        assertThat(a.region().candidateBoundingDiscs().get(0).angle().radians()).isGreaterThan(Math.PI / 2);
        assertThat(a.verdicts()).contains(Verdict.EXCLUDES_RESTRICTED);
        Assessment bigger = verifier.assess(
                far.position(), List.of(rtt(far, 19_000)), Fixtures.HONEST.withRestricted(Set.of("SE")));
        assertThat(bigger.verdicts()).containsExactly(Verdict.INCONCLUSIVE);
    }

    @Test
    void islands_ofAMultiPolygonJurisdiction_countAndTheSeaBetweenDoesNot() {
        Policy bb = Fixtures.HONEST.withRestricted(Set.of("BB"));
        GeoPosition onSecondIsland = GeoPosition.ofDegrees(-7.5, 12.5);
        assertThat(ringVerdicts(onSecondIsland, 1.1, 0.01, bb)).contains(Verdict.IN_RESTRICTED);
        GeoPosition between = GeoPosition.ofDegrees(-7.5, 7.5); // 2.5 degrees of sea either side
        assertThat(ringVerdicts(between, 1.1, 0.01, bb)).contains(Verdict.EXCLUDES_RESTRICTED);
    }

    @Test
    void discsThatDoNotMeet_areInconsistent() {
        Landmark a = new Landmark("A", "A", GeoPosition.ofDegrees(0, 0));
        Landmark b = new Landmark("B", "B", GeoPosition.ofDegrees(0, 10));
        Assessment x = verifier.assess(a.position(), List.of(rtt(a, 100), rtt(b, 100)), POLICY);
        assertThat(x.verdicts()).containsExactly(Verdict.INCONSISTENT);
    }

    @Test
    void noMeasurements_proveNothing() {
        assertThat(verifier.assess(GeoPosition.ofDegrees(0, 0), List.of(), POLICY)
                        .verdicts())
                .containsExactly(Verdict.INCONCLUSIVE);
    }

    @Test
    void duplicateMeasurements_fromOneLandmark_useTheSmallestRoundTrip() {
        GeoPosition device = GeoPosition.ofDegrees(10, 60);
        List<Measurement> ms = new ArrayList<>(ringAround(device, 1.5, 6, 1.3, 0.1));
        Measurement first = ms.get(0);
        ms.add(new Measurement(
                first.landmark(), RoundTrip.ofMillis(first.roundTrip().millis() + 40)));
        Assessment withDup = verifier.assess(device, ms, POLICY);
        Assessment without = verifier.assess(device, ringAround(device, 1.5, 6, 1.3, 0.1), POLICY);
        assertThat(withDup.verdicts()).isEqualTo(without.verdicts());
        assertThat(withDup.evidence().measurementsUsed()).isEqualTo(6);
        assertThat(withDup.evidence().maxDistanceFromSite())
                .isEqualTo(without.evidence().maxDistanceFromSite());
    }

    @Test
    void oneLandmarkAtTwoPositions_isAnError() {
        Landmark a = new Landmark("A", "A", GeoPosition.ofDegrees(0, 0));
        Landmark moved = new Landmark("A", "A", GeoPosition.ofDegrees(1, 0));
        assertThatThrownBy(() -> verifier.assess(a.position(), List.of(rtt(a, 100), rtt(moved, 100)), POLICY))
                .isInstanceOf(GeoException.class)
                .hasMessageContaining("two positions");
    }

    @Test
    void slowerSpeed_givesASmallerRegion_butNoProof() {
        GeoPosition device = GeoPosition.ofDegrees(10, 60);
        List<Measurement> ms = ringAround(device, 5, 4, 1.6, 1);
        Assessment c = verifier.assess(device, ms, POLICY);
        Assessment fibre = verifier.assess(device, ms, POLICY.withSpeed(SpeedBound.ofKmPerMs(200)));
        assertThat(fibre.evidence().areaKm2()).isLessThan(c.evidence().areaKm2());
        assertThat(fibre.evidence().speed().provable()).isFalse();
    }

    @Test
    void countriesZone_requiresTheRegionInsideThoseCountries() {
        Policy zoneSe = POLICY.withZone(new LicensedZone.Countries(Set.of("SE")));
        GeoPosition inSe = GeoPosition.ofDegrees(10, 110);
        assertThat(ringVerdicts(inSe, 1.2, 0.05, zoneSe)).contains(Verdict.IN_ZONE, Verdict.EXCLUDES_RESTRICTED);
        GeoPosition inAa = GeoPosition.ofDegrees(40, 110);
        assertThat(verifier.assess(inSe, ringAround(inAa, 1, 6, 1.2, 0.05), zoneSe)
                        .verdicts())
                .contains(Verdict.OUTSIDE_ZONE, Verdict.IN_RESTRICTED);
    }

    /** The verdicts at {@code site} from six landmarks on a ring of 1 degree around it (see {@link Fixtures#ringAround}). */
    private List<Verdict> ringVerdicts(GeoPosition site, double stretch, double extraMs, Policy policy) {
        return verifier.assess(site, ringAround(site, 1, 6, stretch, extraMs), policy)
                .verdicts();
    }

    private static Measurement rtt(Landmark l, double km) {
        return new Measurement(l, RoundTrip.ofMillis(2 * km / SpeedBound.C_KM_PER_MS));
    }
}
