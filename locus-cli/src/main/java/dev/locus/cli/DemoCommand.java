package dev.locus.cli;

import dev.locus.boundaries.NaturalEarth;
import dev.locus.demo.DemoRunner;
import dev.locus.geo.verdict.Policy;
import dev.locus.sim.eval.EvalReport;
import dev.locus.sim.eval.Evaluation;
import dev.locus.sim.latency.LatencyDataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the whole of Locus on this machine with embedded defaults.",
            "First the evaluation of the bundled real round trips between ~170 servers",
            "(what light speed proves), then the system: the control plane on the",
            "embedded database, landmarks as UDP timing servers and a fleet of chips",
            "behind emulated links built from those round trips. Mid-demo one chip is",
            "rebuilt in Hong Kong, one relays through Singapore, one goes silent and one",
            "has its key copied to a decoy; their alerts appear at /api/v1/alerts and in",
            "the dashboard. Ctrl-C stops everything; a second run starts afresh."
        })
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "locus-data/demo",
            description =
                    "where the demo keeps its database and tokens; a previous demo's is wiped (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            description = "stop by itself after this many seconds (default: run until Ctrl-C)")
    Integer durationSeconds;

    @Override
    public Integer call() {
        OptionRange.require("--port", port, 0, 65535);
        if (durationSeconds != null && durationSeconds <= 0) {
            throw new IllegalArgumentException("--duration must be > 0 seconds, got " + durationSeconds);
        }
        // Library progress lines (System.Logger -> java.util.logging) would drown the demo's own story.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        printEvaluation();
        DemoRunner.Options options =
                DemoRunner.Options.defaults(dataDir.toAbsolutePath()).withPort(port);
        Thread main = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            main.interrupt();
            try {
                stopped.await(
                        java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try (DemoRunner demo = DemoRunner.start(options, System.out)) {
            demo.printIntro();
            if (durationSeconds == null) {
                demo.runUntilInterrupted();
            } else {
                demo.runFor(Duration.ofSeconds(durationSeconds));
            }
            System.out.println("Stopping: landmarks, relays, agents and the control plane.");
        } finally {
            stopped.countDown();
        }
        if (durationSeconds != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        return 0;
    }

    private static void printEvaluation() {
        System.out.println("== Part 1: what light speed proves on real round trips ==");
        LatencyDataset data = LatencyDataset.bundled();
        // As production sees it: each device kept out of the mesh audit, verdicts tolerating one liar.
        EvalReport r = new Evaluation(data, NaturalEarth.bundled(), Policy.DEFAULT, true).run(System.err::println);
        EvalReport.Summary s = r.summary();
        System.out.printf(
                "%d real servers, each in turn the device and the others landmarks (WonderProxy, 2020-07-19).%n",
                s.devices());
        System.out.printf(
                "Mesh audit: %d landmarks named suspect (published positions contradict light speed), e.g. %s.%n",
                r.audit().suspects().size(),
                r.audit().suspects().isEmpty()
                        ? "none"
                        : r.audit().suspects().get(0).landmark().name());
        System.out.printf(
                "Proven outside CN/HK/MO (%s): %d of %d non-restricted servers (%.1f %%); unsound verdicts: %d;"
                        + " restricted servers proven outside: %d.%n",
                Policy.DEFAULT.toleranceText(),
                s.excludesRestricted(),
                s.nonRestrictedDevices(),
                100 * s.excludesRestrictedShare(),
                s.unsoundVerdicts(),
                s.restrictedDevicesExcluded());
        System.out.println("(./locus eval prints every verdict and the evidence.)");
    }
}
