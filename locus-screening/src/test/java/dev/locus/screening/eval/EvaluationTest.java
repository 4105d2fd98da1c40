package dev.locus.screening.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.screening.list.ListLoader;
import dev.locus.screening.match.Screener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quality targets, on the provided half of the evaluation set, against the UN list. */
class EvaluationTest {

    @Test
    void providedHalf_meetsTheTargetsAtTheDefaultThresholds() {
        Evaluation.Report r = Evaluation.run(Screener.of(List.of(ListLoader.bundledUn())), EvalSet.bundled(), n -> {});
        assertThat(r.treated()).isEqualTo(340);
        assertThat(r.negatives()).isEqualTo(50_000);
        assertThat(r.atMatch().treatedRecall())
                .as("treated at MATCH; missed %s", r.missedTreated())
                .isGreaterThanOrEqualTo(0.985);
        assertThat(r.atMatch().falsePositiveRate()).isLessThanOrEqualTo(0.0001);
        assertThat(r.atReview().treatedRecall()).isGreaterThanOrEqualTo(0.995);
        assertThat(r.atReview().falsePositiveRate())
                .as("negatives with a candidate: %s", r.falsePositivesAtReview())
                .isLessThanOrEqualTo(0.005);
        assertThat(r.atMatch().untreatedRecall()).isEqualTo(1.0);
        assertThat(r.meetsTargets()).isTrue();
    }
}
