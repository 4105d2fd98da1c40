package dev.locus.screening.eval;

import dev.locus.screening.list.ListLoader;
import dev.locus.screening.match.NameNormalizer;
import dev.locus.screening.match.Screener;
import java.util.List;

/** Rough timing per phase (a developer's tool; JMH in benchmarks is the measurement). */
public final class SpeedMain {
    public static void main(String[] args) {
        Screener s = Screener.of(args.length > 0 ? ListLoader.bundled() : List.of(ListLoader.bundledUn()));
        EvalSet set = EvalSet.bundled();
        List<EvalSet.Row> us = set.negatives().subList(0, 25000);
        List<EvalSet.Row> global = set.negatives().subList(25000, 50000);
        for (int round = 0; round < 3; round++) {
            time("normalize us", us, r -> NameNormalizer.normalize(r.query().name()));
            time(
                    "normalize global",
                    global,
                    r -> NameNormalizer.normalize(r.query().name()));
            time("screen us", us, r -> s.screen(r.query()));
            time("screen global", global, r -> s.screen(r.query()));
            time("screen treated", set.treated(), r -> s.screen(r.query()));
        }
    }

    static void time(String what, List<EvalSet.Row> rows, java.util.function.Consumer<EvalSet.Row> f) {
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long t = System.nanoTime();
        long c = bean.getCurrentThreadCpuTime();
        for (EvalSet.Row r : rows) f.accept(r);
        double s = (System.nanoTime() - t) / 1e9;
        double cpu = (bean.getCurrentThreadCpuTime() - c) / 1e9;
        System.out.printf("%-20s %8.0f q/s wall, %8.0f q/s of CPU time%n", what, rows.size() / s, rows.size() / cpu);
    }
}
