package dev.locus.cli;

import dev.locus.bench.load.IngestBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code locus bench ingest}: the control plane under receipt load (see docs/control-plane.md). */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Load run of the control plane: receipts per second and API read latency.",
            "Starts a control plane on a fresh database, registers CHIPS chips (bulk import through the",
            "API) and 24 landmarks, then for SECONDS posts signed receipts over HTTP from several",
            "clients while a reader measures API read latency. Each chip is measured by 6 fixed",
            "landmarks, each pair with a fixed floor plus exponential jitter (mean 40 us), as real",
            "round trips behave. Receipts are signed before the timed phase so the client's signing",
            "does not compete with the server. With --pattern random, chips are drawn at random for every",
            "receipt, so with a large registry almost every receipt sets a new window minimum and needs a",
            "verdict (the worst case). The server assesses chips meanwhile; reported:",
            "verdicts per second, the assessment backlog (max and at the end), the time to catch up",
            "after the load, and the lag from each window minimum's ingestion to its first verdict.",
            "Receipts are LOCUS-RECEIPT-V1 as Locus landmarks issue them, with the chip's own proof of",
            "the timed round, which ingestion verifies with the chip's registered key. By default every",
            "chip is registered with a bare Ed25519 device key; with --device-certificates with a device",
            "certificate of a bench CA, so ingestion also checks each receipt's certificate."
        })
final class IngestBenchCommand implements Callable<Integer> {
    @Option(names = "--chips", defaultValue = "10000", description = "registry size (default: ${DEFAULT-VALUE})")
    int chips;

    @Option(
            names = "--seconds",
            defaultValue = "20",
            description = "length of the timed phase (default: ${DEFAULT-VALUE})")
    int seconds;

    @Mixin
    BenchDatabase db;

    @Mixin
    JsonReportFile output;

    @Option(
            names = "--rate",
            defaultValue = "8000",
            description = "offered load: receipts per second the clients send at most (signed in advance);"
                    + " the default is more than two cores ingest, so the run measures the maximum"
                    + " (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(
            names = "--clients",
            defaultValue = "4",
            description = "concurrent HTTP submitters (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--batch", defaultValue = "500", description = "receipts per request (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--assessment-threads",
            defaultValue = "1",
            description = "chips the server assesses in parallel (default: ${DEFAULT-VALUE})")
    int assessmentThreads;

    @Option(
            names = "--pattern",
            defaultValue = "rounds",
            description = {
                "rounds: each chip's agent measures its 6 landmarks and submits the 6 receipts together,"
                        + " chips in random order (what agents do); random: every receipt names a random chip"
                        + " and landmark, so with a large registry nearly every receipt needs its own"
                        + " assessment (the worst case). Default: ${DEFAULT-VALUE}"
            })
    IngestBench.Pattern pattern;

    @Option(
            names = "--device-certificates",
            description = "register chips with CA-issued device certificates (default: a bare Ed25519 device key"
                    + " per chip); receipts carry the device's proof either way")
    boolean deviceCertificates;

    @Override
    public Integer call() throws Exception {
        return new IngestBench(new IngestBench.Settings(
                        chips,
                        seconds,
                        db.database,
                        output.json,
                        rate,
                        clients,
                        batch,
                        assessmentThreads,
                        pattern,
                        deviceCertificates))
                .run();
    }
}
