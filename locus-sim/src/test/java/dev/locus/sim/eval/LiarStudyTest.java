package dev.locus.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.boundaries.NaturalEarth;
import dev.locus.geo.verdict.Policy;
import dev.locus.sim.latency.LatencyDataset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fault injection on the bundled real round trips, with each device kept out of the mesh audit. */
class LiarStudyTest {

    private static final LatencyDataset DATA = LatencyDataset.bundled();

    private static LiarStudy study(int f) {
        return new LiarStudy(new Evaluation(DATA, NaturalEarth.bundled(), Policy.DEFAULT.withToleratedLiars(f), true));
    }

    /** Shanghai's and Shenzhen's published positions moved 700 km east and south-east: no unsound verdict at F = 1. */
    @Test
    void singleLiarsNearChina_makeNoVerdictUnsound_atFOne() throws Exception {
        List<LiarStudy.Lie> lies = List.of(
                new LiarStudy.Lie(Map.of("180", 90.0), 700),
                new LiarStudy.Lie(Map.of("221", 135.0), 700),
                new LiarStudy.Lie(Map.of("72", 180.0), 1500));
        LiarStudy.Result r = study(1).run(lies, 1, s -> {});
        assertThat(r.unsoundVerdicts()).as(r.examples().toString()).isZero();
        assertThat(r.rows()).allSatisfy(row -> assertThat(row.scored()).isGreaterThan(150));
    }

    /** Colluding pair moved together 2,000 km south: F = 2 keeps every verdict sound. */
    @Test
    void colludingPair_makesNoVerdictUnsound_atFTwo() throws Exception {
        LiarStudy.Result r =
                study(2).run(List.of(new LiarStudy.Lie(Map.of("180", 180.0, "221", 180.0), 2000)), 1, s -> {});
        assertThat(r.unsoundVerdicts()).as(r.examples().toString()).isZero();
        assertThat(r.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.k()).isEqualTo(2));
    }

    @Test
    void exhaustiveStudies_coverWhatTheIssueAsks() {
        LiarStudy s = study(1);
        List<LiarStudy.Lie> singles = s.singles(3500, 8, List.of(300.0, 700.0, 1500.0, 3000.0));
        assertThat(singles).hasSizeGreaterThan(8 * 4 * 10);
        assertThat(singles).allSatisfy(l -> assertThat(l.k()).isEqualTo(1));
        assertThat(s.pairs(20, 8, List.of(700.0))).hasSize(190 * 8);
        assertThat(s.hostsByDistanceToRestricted().subList(0, 3))
                .extracting(h -> h.country())
                .allSatisfy(cc -> assertThat(List.of("CN", "HK", "MO")).contains(cc));
    }
}
