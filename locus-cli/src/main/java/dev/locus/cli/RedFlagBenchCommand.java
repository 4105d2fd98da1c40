package dev.locus.cli;

import dev.locus.bench.load.RecordSize;
import dev.locus.bench.load.RedFlagBench;
import dev.locus.bench.load.StoredRedFlagBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code locus bench redflags} and {@code redflags-stored}: load runs of the red-flag rules. */
final class RedFlagBenchCommand {
    private RedFlagBenchCommand() {}

    /** The size of the seeded record, shared by both runs. */
    static final class RecordSizeOptions {
        @Option(names = "--chips", defaultValue = "1000000", description = "chips (default: ${DEFAULT-VALUE})")
        int chips;

        @Option(
                names = "--parties",
                defaultValue = "100000",
                description = "parties; a tenth as many sites (default: ${DEFAULT-VALUE})")
        int parties;

        @Option(
                names = "--orders",
                defaultValue = "1000000",
                description = "orders, each with one shipment of two serials (default: ${DEFAULT-VALUE})")
        int orders;

        /** The size these options give. */
        RecordSize size() {
            return new RecordSize(chips, parties, orders);
        }
    }

    @Command(
            name = "redflags",
            mixinStandardHelpOptions = true,
            description = {
                "Every red-flag rule over a seeded record held in memory (InMemoryRecord): every subject",
                "(parties, chips, sites, countries) evaluated once, as a full re-evaluation would. Prints",
                "the build and evaluation times, the findings by rule and the heap used. Give the JVM room",
                "for a large record: LOCUS_JAVA_OPTS=-Xmx6g ./locus bench redflags."
            })
    static final class InMemory implements Callable<Integer> {
        @Mixin
        RecordSizeOptions record;

        @Override
        public Integer call() {
            RedFlagBench.run(record.size());
            return 0;
        }
    }

    @Command(
            name = "redflags-stored",
            mixinStandardHelpOptions = true,
            description = {
                "The stored, incremental red-flag path the server runs (RedFlagEvaluator over the",
                "database). Starts a control plane on a fresh database, bulk-loads a seeded record (the",
                "shape of 'bench redflags': chips each with a verdict, parties, sites with capacity and a",
                "licence, orders each shipped, allocations), evaluates every subject once through the",
                "evaluator's worker, then writes --new-orders orders one by one through the record",
                "service (the API's path) and publishes --new-verdicts verdicts as the verdict engine",
                "does, and reports how many subjects each re-evaluated and how long it took, with the",
                "findings by rule, the peak heap and the load average. JSON on stdout, progress on",
                "stderr. Give the JVM room: LOCUS_JAVA_OPTS=-Xmx6g ./locus bench redflags-stored."
            })
    static final class Stored implements Callable<Integer> {
        @Mixin
        RecordSizeOptions record;

        @Option(
                names = "--new-orders",
                defaultValue = "100",
                description = "orders written after the full evaluation (default: ${DEFAULT-VALUE})")
        int newOrders;

        @Option(
                names = "--new-verdicts",
                defaultValue = "100",
                description = "verdicts published after the full evaluation (default: ${DEFAULT-VALUE})")
        int newVerdicts;

        @Mixin
        BenchDatabase db;

        @Mixin
        JsonReportFile output;

        @Override
        public Integer call() throws Exception {
            String text = StoredRedFlagBench.runAndPrint(
                    new StoredRedFlagBench(record.size(), newOrders, newVerdicts, db.database));
            output.write(text);
            return 0;
        }
    }
}
