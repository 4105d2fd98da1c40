package dev.locus.screening.eval;

import dev.locus.screening.match.Screener;
import dev.locus.screening.match.ScreeningMatch;
import dev.locus.screening.match.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs the evaluation set through a screener (built on the UN list, the set's reference) and
 * derives the curve: for each threshold, the share of positives whose expected entry scores at or
 * above it and the share of negatives with any candidate at or above it.
 */
public final class Evaluation {
    /** The lowest threshold on the curve. */
    public static final double CURVE_FLOOR = 0.60;

    private Evaluation() {}

    /** One point of the curve. */
    public record Point(
            double threshold,
            double treatedRecall,
            double untreatedRecall,
            double falsePositiveRate,
            int falsePositives) {}

    /** The figures the issue asks for, at the screener's MATCH and REVIEW thresholds. */
    public record Report(
            Thresholds thresholds,
            int treated,
            int untreated,
            int negatives,
            Point atMatch,
            Point atReview,
            List<Point> curve,
            List<String> missedTreated,
            List<String> falsePositivesAtReview,
            double queriesPerSecond) {

        public boolean meetsTargets() {
            return atMatch.treatedRecall() >= 0.985
                    && atMatch.falsePositiveRate() <= 0.0001
                    && atReview.treatedRecall() >= 0.995
                    && atReview.falsePositiveRate() <= 0.005
                    && atMatch.untreatedRecall() >= 1.0;
        }
    }

    public static Report run(Screener screener, EvalSet set, IntConsumer progress) {
        long start = System.nanoTime();
        int[] done = {0};
        double[] treated = expectedScores(screener, set.treated(), progress, done);
        double[] untreated = expectedScores(screener, set.untreated(), progress, done);
        double[] negatives = new double[set.negatives().size()];
        List<String> fpNames = new ArrayList<>();
        for (int i = 0; i < negatives.length; i++) {
            EvalSet.Row row = set.negatives().get(i);
            List<ScreeningMatch> ms = screener.screen(row.query(), CURVE_FLOOR);
            negatives[i] = ms.isEmpty() ? 0 : ms.getFirst().score();
            if (negatives[i] >= screener.thresholds().review()) {
                ScreeningMatch m = ms.getFirst();
                fpNames.add(String.format(
                        java.util.Locale.ROOT,
                        "%s -> %s %s (%.3f)",
                        row.query().name(),
                        m.entry().entryId(),
                        m.matchedName(),
                        m.score()));
            }
            tick(progress, done);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int queries = treated.length + untreated.length + negatives.length;
        List<Point> curve = new ArrayList<>();
        for (int t = (int) Math.round(CURVE_FLOOR * 100); t <= 100; t++) {
            curve.add(point(t / 100.0, treated, untreated, negatives));
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < treated.length; i++) {
            if (treated[i] < screener.thresholds().match()) {
                EvalSet.Row r = set.treated().get(i);
                missed.add(String.format(
                        java.util.Locale.ROOT,
                        "row %d %s %s (%.3f)",
                        r.row(),
                        r.query().name(),
                        r.expected(),
                        treated[i]));
            }
        }
        Thresholds th = screener.thresholds();
        return new Report(
                th,
                treated.length,
                untreated.length,
                negatives.length,
                point(th.match(), treated, untreated, negatives),
                point(th.review(), treated, untreated, negatives),
                curve,
                missed,
                fpNames,
                queries / seconds);
    }

    private static void tick(IntConsumer progress, int[] done) {
        if (++done[0] % 5000 == 0) {
            progress.accept(done[0]);
        }
    }

    private static double[] expectedScores(
            Screener screener, List<EvalSet.Row> rows, IntConsumer progress, int[] done) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            EvalSet.Row row = rows.get(i);
            for (ScreeningMatch m : screener.screen(row.query(), CURVE_FLOOR)) {
                if (row.expected().contains(m.entry().entryId())) {
                    out[i] = Math.max(out[i], m.score());
                }
            }
            tick(progress, done);
        }
        return out;
    }

    static Point point(double t, double[] treated, double[] untreated, double[] negatives) {
        int fp = count(negatives, t);
        return new Point(
                t,
                (double) count(treated, t) / treated.length,
                (double) count(untreated, t) / untreated.length,
                (double) fp / negatives.length,
                fp);
    }

    private static int count(double[] scores, double t) {
        int n = 0;
        for (double s : scores) {
            if (s >= t - 1e-9) {
                n++;
            }
        }
        return n;
    }
}
