package dev.locus.bench;

import dev.locus.boundaries.NaturalEarth;
import dev.locus.geo.region.Disc;
import dev.locus.geo.verdict.Assessment;
import dev.locus.geo.verdict.Measurement;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verifier;
import dev.locus.sim.eval.Evaluation;
import dev.locus.sim.latency.Host;
import dev.locus.sim.latency.LatencyDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One verdict from every other host of the real data set as a landmark (~170 measurements), at
 * F = 0 (every landmark assumed honest) and F = 1 (tolerating one lying operator; includes the
 * F = 0 comparison that lists verdicts proven only if all are honest), against the baseline of
 * merely turning those measurements into discs (the least any disc-based verifier must do). Run:
 * see README, "Benchmarks".
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerdictBenchmark extends LocusBenchmark {

    /** Devices: Singapore, Boston, Shenzhen (restricted), Moscow. */
    @Param({"31", "14", "221", "9"})
    public String deviceId;

    /** F: lying landmark operators the verdict tolerates. */
    @Param({"0", "1"})
    public int toleratedLiars;

    private Policy policy;

    private Verifier verifier;
    private List<Measurement> measurements;
    private Host device;

    @Setup
    public void setUp() {
        LatencyDataset data = LatencyDataset.bundled();
        Evaluation evaluation = new Evaluation(data, NaturalEarth.bundled(), Policy.DEFAULT);
        device = data.host(deviceId).orElseThrow();
        measurements = evaluation.measurements(device, data.hosts());
        verifier = Verifier.of(NaturalEarth.bundled());
        policy = Policy.DEFAULT.withToleratedLiars(toleratedLiars);
        verifier.assess(device.position(), measurements, policy); // builds and caches the restricted union
    }

    @Benchmark
    public Assessment verdict() {
        return verifier.assess(device.position(), measurements, policy);
    }

    @Benchmark
    public List<Disc> baselineDiscsOnly() {
        List<Disc> discs = new ArrayList<>(measurements.size());
        for (Measurement m : measurements) {
            discs.add(Disc.of(m.landmark().id(), m.landmark().position(), m.roundTrip(), Policy.DEFAULT.speed()));
        }
        return discs;
    }
}
