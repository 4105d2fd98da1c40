package dev.locus.cli.screen;

import dev.locus.screening.eval.EvalSet;
import dev.locus.screening.eval.Evaluation;
import dev.locus.screening.list.ListLoader;
import dev.locus.screening.list.ListVersion;
import dev.locus.screening.match.Screener;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates the matcher on the bundled half of the name-screening evaluation set (OpenSanctions'",
            "yente fixtures, MIT) against the UN consolidated list: 340 positives as listed, the same",
            "340 with typos, swapped letters, moved spaces and reordering, and 50,000 synthetic negatives.",
            "Prints the curve (threshold -> recall of the expected entry, share of negatives with any",
            "candidate) and the figures at MATCH and REVIEW. Exit code 3 if a target is missed:",
            "treated >= 98.5 % at MATCH with <= 0.01 % negatives at MATCH; >= 99.5 % among candidates",
            "with <= 0.5 % negatives with any candidate; untreated 100 %."
        })
final class EvalScreenCommand implements Callable<Integer> {
    @Mixin
    ListsOption lists;

    @Option(
            names = "--misses",
            description = "also list the treated positives below MATCH and the negatives at or above REVIEW")
    boolean misses;

    @Override
    public Integer call() {
        List<ListVersion> ls = lists.dir == null ? List.of(ListLoader.bundledUn()) : lists.load();
        ListsOption.describe(ls);
        Screener screener = Screener.of(ls);
        EvalSet set = EvalSet.bundled();
        int total =
                set.treated().size() + set.untreated().size() + set.negatives().size();
        Evaluation.Report r =
                Evaluation.run(screener, set, n -> System.err.printf("locus screen eval: %d/%d queries%n", n, total));
        print("threshold  treated_recall  untreated_recall  negatives_with_candidate%n");
        for (Evaluation.Point p : r.curve()) {
            print(
                    "%9.2f  %13.2f%%  %15.2f%%  %8.3f%% (%d)%n",
                    p.threshold(),
                    100 * p.treatedRecall(),
                    100 * p.untreatedRecall(),
                    100 * p.falsePositiveRate(),
                    p.falsePositives());
        }
        print(
                "%nMATCH  >= %.2f: treated %.2f %% (target >= 98.5), untreated %.2f %% (target 100), negatives %.3f %% (%d; target <= 0.01)%n",
                r.thresholds().match(),
                100 * r.atMatch().treatedRecall(),
                100 * r.atMatch().untreatedRecall(),
                100 * r.atMatch().falsePositiveRate(),
                r.atMatch().falsePositives());
        print(
                "REVIEW >= %.2f: treated %.2f %% (target >= 99.5), negatives with any candidate %.3f %% (%d; target <= 0.5)%n",
                r.thresholds().review(),
                100 * r.atReview().treatedRecall(),
                100 * r.atReview().falsePositiveRate(),
                r.atReview().falsePositives());
        print(
                "%d queries at %.0f queries/s; targets %s%n",
                r.treated() + r.untreated() + r.negatives(), r.queriesPerSecond(), r.meetsTargets() ? "met" : "MISSED");
        if (misses) {
            r.missedTreated().forEach(m -> System.out.println("below MATCH: " + m));
            r.falsePositivesAtReview().forEach(m -> System.out.println("negative at REVIEW: " + m));
        }
        return r.meetsTargets() ? 0 : 3;
    }

    /** Prints the figures on stdout with the decimal point whatever the default locale. */
    private static void print(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
    }
}
