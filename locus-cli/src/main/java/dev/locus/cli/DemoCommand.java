package dev.locus.cli;

import dev.locus.boundaries.NaturalEarth;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verdict;
import dev.locus.sim.eval.Claim;
import dev.locus.sim.eval.EvalReport;
import dev.locus.sim.eval.Evaluation;
import dev.locus.sim.latency.Host;
import dev.locus.sim.latency.LatencyDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs Locus on embedded defaults: the bundled real round trips between ~170 servers",
            "(WonderProxy, 2020-07-19) and Natural Earth borders. Audits the landmark mesh, proves",
            "where each server can be under the speed of light, then lets the servers in China and",
            "Hong Kong claim to run at the Southeast Asian sites and shows that no claim verifies."
        })
final class DemoCommand implements Callable<Integer> {

    private static final Set<String> SOUTHEAST_ASIA =
            Set.of("SG", "MY", "ID", "TH", "VN", "PH", "KH", "LA", "MM", "BN");

    @Override
    public Integer call() {
        System.out.println("== Locus demo: location verification on real round trips ==");
        System.out.println("Data: 172 servers, 29,297 directed round-trip minima (WonderProxy, 2020-07-19);");
        System.out.println("borders: Natural Earth 1:50m. Every server in turn is the device, all others landmarks.");
        System.out.println();
        long t0 = System.nanoTime();
        LatencyDataset data = LatencyDataset.bundled();
        Evaluation evaluation = new Evaluation(data, NaturalEarth.bundled(), Policy.DEFAULT);
        EvalReport honest = evaluation.run(System.err::println);
        honest.printTable(System.out, false);

        List<Claim> dishonest = new ArrayList<>();
        for (Host device : data.hosts()) {
            if (Policy.DEFAULT.restricted().contains(device.country())) {
                for (Host site : data.hosts()) {
                    if (SOUTHEAST_ASIA.contains(site.country())) {
                        dishonest.add(new Claim(device.id(), site.position()));
                    }
                }
            }
        }
        EvalReport relocated = evaluation.run(dishonest, true, System.err::println);
        long verified = relocated.entries().stream()
                .filter(e -> e.assessment().has(Verdict.IN_ZONE))
                .count();
        long exposed = relocated.entries().stream()
                .filter(e -> e.assessment().has(Verdict.OUTSIDE_ZONE))
                .count();
        System.out.println();
        System.out.println("== Diversion attempt: servers in CN/HK claim to run at Southeast Asian sites ==");
        System.out.printf(
                "%d false claims (%d devices x %d sites): %d verified IN_ZONE (must be 0), %d proven"
                        + " OUTSIDE_ZONE, the rest INCONCLUSIVE (never trusted).%n",
                relocated.entries().size(),
                relocated.summary().devices(),
                relocated.entries().size() / Math.max(1, relocated.summary().devices()),
                verified,
                exposed);
        System.out.printf(
                "%nDone in %d ms. Try: ./locus eval --help, ./locus eval --json report.json%n",
                (System.nanoTime() - t0) / 1_000_000);
        return verified == 0 && honest.summary().unsoundVerdicts() == 0 ? 0 : 3;
    }
}
