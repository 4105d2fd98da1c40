package dev.locus.bench.screening;

import dev.locus.bench.LocusBenchmark;
import dev.locus.screening.eval.EvalSet;
import dev.locus.screening.list.ListLoader;
import dev.locus.screening.match.NameNormalizer;
import dev.locus.screening.match.NormalizedName;
import dev.locus.screening.match.Query;
import dev.locus.screening.match.Screener;
import dev.locus.screening.match.ScreeningMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Screening throughput, one thread, all bundled lists loaded (UN, OFAC SDN, BIS DPL, CSL samples;
 * about 30,000 names): names that match nothing (evaluation negatives with no candidate, Latin and
 * other scripts) and names that match (the treated UN positives), each against the baseline of
 * normalising the same names only (transliteration, tokens, legal forms). Run: see README,
 * "Screening".
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScreeningBenchmark extends LocusBenchmark {

    private Screener screener;
    private Query[] nonMatching;
    private Query[] matching;
    private int i;
    private int j;

    @Setup(Level.Trial)
    public void setUp() {
        screener = Screener.of(ListLoader.bundled());
        EvalSet set = EvalSet.bundled();
        List<Query> none = new ArrayList<>();
        // alternate US and global negatives so both Latin and other scripts are in the mix
        for (int k = 0; k < 25_000 && none.size() < 4000; k++) {
            for (EvalSet.Row r : List.of(set.negatives().get(k), set.negatives().get(25_000 + k))) {
                if (screener.screen(r.query()).isEmpty()) {
                    none.add(r.query());
                }
            }
        }
        nonMatching = none.toArray(Query[]::new);
        List<Query> some = new ArrayList<>();
        for (EvalSet.Row r : set.treated()) {
            List<ScreeningMatch> ms = screener.screen(r.query());
            if (!ms.isEmpty()) {
                some.add(r.query());
            }
        }
        matching = some.toArray(Query[]::new);
    }

    @Benchmark
    public List<ScreeningMatch> screenNonMatching() {
        Query q = nonMatching[i++ % nonMatching.length];
        return screener.screen(q);
    }

    @Benchmark
    public NormalizedName baselineNormalizeNonMatching() {
        return NameNormalizer.normalize(nonMatching[i++ % nonMatching.length].name());
    }

    @Benchmark
    public List<ScreeningMatch> screenMatching() {
        return screener.screen(matching[j++ % matching.length]);
    }

    @Benchmark
    public NormalizedName baselineNormalizeMatching() {
        return NameNormalizer.normalize(matching[j++ % matching.length].name());
    }
}
