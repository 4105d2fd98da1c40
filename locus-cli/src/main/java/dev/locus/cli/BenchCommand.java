package dev.locus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.locus.bench.load.ProtocolBench;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code locus bench}: load benchmarks with their baselines measured in the same run. */
@Command(
        name = "bench",
        description = "Benchmarks with a baseline measured in the same run.",
        subcommands = {
            BenchCommand.Protocol.class,
            IngestBenchCommand.class,
            BenchCommand.Jmh.class,
            RedFlagBenchCommand.InMemory.class,
            RedFlagBenchCommand.Stored.class
        })
public final class BenchCommand extends GroupCommand {
    @Command(
            name = "protocol",
            description = {
                "Landmark timing overhead and verified challenge-responses per second.",
                "Overhead over a raw UDP echo (p50, p99) and throughput, landmark and agents in this process on",
                "loopback (real UDP sockets, real signatures and receipts)."
            })
    static final class Protocol extends CliCommand {
        @Option(
                names = "--seconds",
                defaultValue = "10",
                description = "Measured seconds, split between latency and throughput (default ${DEFAULT-VALUE}).")
        double seconds;

        @Option(
                names = "--agents",
                defaultValue = "4",
                description = "Concurrent agents in the throughput phase (default ${DEFAULT-VALUE}).")
        int agents;

        @Option(names = "--rounds", defaultValue = "32", description = "Rounds per session (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--verifier-threads", description = "Landmark verifier threads (default: the number of CPUs).")
        Integer verifierThreads;

        @Mixin
        JsonReportFile output;

        @Override
        public Integer call() throws Exception {
            OptionRange.require("--seconds", seconds, 1, 3600);
            dev.locus.bench.load.ProtocolBenchResult r = new ProtocolBench(
                            Duration.ofMillis((long) (seconds * 1000)),
                            agents,
                            rounds,
                            verifierThreads == null ? Runtime.getRuntime().availableProcessors() : verifierThreads)
                    .run();
            ObjectMapper m = dev.locus.wire.WireJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
            String text = m.writeValueAsString(r);
            out().println(text);
            output.write(text);
            return 0;
        }
    }

    @Command(
            name = "jmh",
            description = {
                "The JMH micro-benchmarks (VerdictBenchmark, ProofBenchmark, ScreeningBenchmark), with JMH's own",
                "options, e.g. 'bench jmh VerdictBenchmark -f 1 -t 1 -wi 3 -i 5'; 'bench jmh -l' lists them,",
                "'bench jmh -h' shows JMH's options. Forks run on this JDK with this jar."
            })
    static final class Jmh implements Callable<Integer> {
        @picocli.CommandLine.Unmatched
        java.util.List<String> jmhArgs = new java.util.ArrayList<>();

        @Override
        public Integer call() throws Exception {
            org.openjdk.jmh.runner.options.CommandLineOptions options;
            try {
                options = new org.openjdk.jmh.runner.options.CommandLineOptions(jmhArgs.toArray(String[]::new));
            } catch (org.openjdk.jmh.runner.options.CommandLineOptionException e) {
                throw new IllegalArgumentException("JMH options: " + e.getMessage(), e);
            }
            org.openjdk.jmh.runner.Runner runner = new org.openjdk.jmh.runner.Runner(options);
            if (options.shouldHelp()) {
                options.showHelp();
            } else if (options.shouldList()) {
                runner.list();
            } else {
                try {
                    runner.run();
                } catch (org.openjdk.jmh.runner.NoBenchmarksException e) {
                    throw new IllegalArgumentException(
                            "no JMH benchmark matches " + jmhArgs + " (bench jmh -l lists them)", e);
                }
            }
            return 0;
        }
    }
}
