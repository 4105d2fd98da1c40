package dev.locus.screening.eval;

import dev.locus.screening.list.ListLoader;
import dev.locus.screening.match.Screener;
import java.util.List;

/** Prints the evaluation report (a developer's tool for tuning; the test asserts the targets). */
public final class EvalMain {
    public static void main(String[] args) {
        Screener s = Screener.of(List.of(ListLoader.bundledUn()));
        Evaluation.Report r = Evaluation.run(s, EvalSet.bundled(), n -> {});
        for (Evaluation.Point p : r.curve()) {
            System.out.printf(
                    "%.2f treated %.4f untreated %.4f fp %.5f (%d)%n",
                    p.threshold(), p.treatedRecall(), p.untreatedRecall(), p.falsePositiveRate(), p.falsePositives());
        }
        System.out.println("MATCH " + r.atMatch() + "\nREVIEW " + r.atReview() + "\nqps " + r.queriesPerSecond()
                + " meets " + r.meetsTargets());
        r.missedTreated().forEach(m -> System.out.println("MISS " + m));
        r.falsePositivesAtReview().stream().limit(60).forEach(m -> System.out.println("FP " + m));
    }
}
