package dev.locus.cli;

import dev.locus.sim.eval.Evaluation;
import dev.locus.sim.eval.LiarStudy;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The fault injection of {@code locus eval}: random trials that move K landmarks' published
 * positions ({@code --inject-liars}), or the exhaustive studies ({@code --liar-study}), each device
 * scored against its true position by {@link LiarStudy}.
 */
final class FaultInjection {
    @Option(
            names = "--inject-liars",
            paramLabel = "K",
            description = "fault injection: move K random landmarks' published positions per trial")
    Integer injectLiars;

    @Option(
            names = "--move-km",
            paramLabel = "D",
            defaultValue = "700",
            description = "fault injection: how far each liar moves (default: ${DEFAULT-VALUE})")
    double moveKm;

    @Option(
            names = "--trials",
            paramLabel = "N",
            defaultValue = "20",
            description = "fault injection: trials (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "fault injection: random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--liar-study",
            paramLabel = "single|pairs",
            description = "exhaustive fault injection: 'single' moves every host within 3,500 km of the"
                    + " restricted area alone, 'pairs' every pair among the 20 hosts nearest it together;"
                    + " 8 directions, 300/700/1,500/3,000 km")
    String liarStudy;

    @Option(
            names = "--directions",
            paramLabel = "N",
            defaultValue = "8",
            description =
                    "exhaustive fault injection: directions, evenly spaced from north (default: ${DEFAULT-VALUE})")
    int directions;

    @Option(
            names = "--distances-km",
            paramLabel = "D,..",
            defaultValue = "300,700,1500,3000",
            split = ",",
            description = "exhaustive fault injection: distances moved (default: ${DEFAULT-VALUE})")
    List<Double> distancesKm;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "fault injection: worker threads (default: ${DEFAULT-VALUE})")
    int threads;

    /** Whether fault injection was asked for: {@code --inject-liars} or {@code --liar-study}. */
    boolean asked() {
        return injectLiars != null || liarStudy != null;
    }

    /**
     * Runs the trials or the study over {@code evaluation} and prints the results; answers the exit
     * code: 3 when a verdict was unsound.
     *
     * @param deviceOutsideAudit whether each device's own round trips are kept out of the mesh audit
     */
    int run(Evaluation evaluation, boolean deviceOutsideAudit) throws InterruptedException {
        OptionRange.require("--threads", threads, 1, 64);
        LiarStudy study = new LiarStudy(evaluation);
        OptionRange.require("--directions", directions, 1, 360);
        for (double d : distancesKm) {
            if (!(d > 0 && d <= 20_000)) {
                throw new IllegalArgumentException("--distances-km must each be > 0 and <= 20000, got " + d);
            }
        }
        List<Double> distances = distancesKm;
        List<LiarStudy.Lie> lies;
        if (liarStudy != null) {
            lies = switch (liarStudy) {
                case "single" -> study.singles(3500, directions, distances);
                case "pairs" -> study.pairs(20, directions, distances);
                default ->
                    throw new IllegalArgumentException("--liar-study must be single or pairs, got '" + liarStudy + "'");
            };
        } else {
            if (!(moveKm > 0 && moveKm <= 20_000)) {
                throw new IllegalArgumentException("--move-km must be > 0 and <= 20000, got " + moveKm);
            }
            OptionRange.require("--trials", trials, 1, 100_000);
            lies = study.random(injectLiars, moveKm, trials, seed);
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "Fault injection: %d trials; %s; mesh audit %s%n",
                lies.size(),
                evaluation.policy().toleranceText(),
                deviceOutsideAudit ? "without each device's round trips" : "with every host");
        LiarStudy.Result result = study.run(lies, threads, System.err::println);
        LiarStudy.print(result, System.out);
        return result.unsoundVerdicts() == 0 ? 0 : 3;
    }
}
