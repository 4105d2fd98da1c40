package dev.locus.cli;

import dev.locus.boundaries.NaturalEarth;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.Distance;
import dev.locus.geo.verdict.LicensedZone;
import dev.locus.geo.verdict.Policy;
import dev.locus.sim.eval.ClaimsFile;
import dev.locus.sim.eval.EvalReport;
import dev.locus.sim.eval.Evaluation;
import dev.locus.sim.latency.LatencyDataset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates location verification on real round trips between servers.",
            "Each host in turn is the device and every other host a landmark (after the",
            "mesh audit removes landmarks whose published positions contradict light",
            "speed), using the minimum round trip of either direction. Without",
            "--hosts/--rtt it uses the bundled WonderProxy data of 2020-07-19. Exit code",
            "3 if any verdict contradicts a published position.",
            "Verdicts tolerate --tolerate-liars F lying landmark operators (default 1; 0",
            "assumes every landmark is honest). --device-outside-audit keeps each device's",
            "own round trips out of the mesh audit, as for a customer chip.",
            "Fault injection: --inject-liars K --move-km D --trials N --seed S moves K",
            "landmarks' published positions and scores every other device against its true",
            "position; --liar-study single|pairs runs the exhaustive studies (every host",
            "within 3,500 km of the restricted area alone, or every pair among the 20",
            "nearest, 8 directions, 300/700/1,500/3,000 km)."
        })
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--hosts", paramLabel = "FILE", description = "hosts.csv: id,name,country,latitude,longitude")
    Path hosts;

    @Option(names = "--rtt", paramLabel = "FILE", description = "rtt.csv: src,dst,min_ms,avg_ms,max_ms")
    Path rtt;

    @Option(
            names = "--claims",
            paramLabel = "FILE",
            description = "claims.csv: device_id,latitude,longitude; evaluates only these (device, site) pairs"
                    + " (default: every host claims its own published position)")
    Path claims;

    @Option(
            names = "--speed-km-per-ms",
            paramLabel = "V",
            defaultValue = "299.792458",
            description = "signal speed bound (default: c = ${DEFAULT-VALUE}); below c verdicts are estimates")
    double speed;

    @Mixin
    RestrictedJurisdictions restricted;

    @Option(
            names = "--zone-radius-km",
            paramLabel = "KM",
            defaultValue = "500",
            description = "licensed zone: within KM of the claimed site (default: ${DEFAULT-VALUE})")
    double zoneRadiusKm;

    @Option(
            names = "--zone-countries",
            paramLabel = "CC,..",
            description = "licensed zone: these countries instead of a radius")
    String zoneCountries;

    @Option(
            names = "--border-margin-km",
            paramLabel = "KM",
            defaultValue = "0",
            description =
                    "distance a region must keep from a border to count as on one side (default: ${DEFAULT-VALUE})")
    double borderMarginKm;

    @Mixin
    JsonReportFile jsonFile;

    @Option(names = "--all", description = "print every row of the table, not just the first 40")
    boolean all;

    @Mixin
    LiarTolerance tolerance;

    @Option(
            names = "--device-outside-audit",
            description = "keep each device's own round trips out of the mesh audit (as for a customer chip)")
    boolean deviceOutsideAudit;

    @Mixin
    FaultInjection faults;

    @Override
    public Integer call() throws Exception {
        if ((hosts == null) != (rtt == null)) {
            throw new IllegalArgumentException(
                    "--hosts and --rtt go together (or leave both out for the bundled data)");
        }
        LatencyDataset data = hosts == null ? LatencyDataset.bundled() : LatencyDataset.read(hosts, rtt);
        int liars = tolerance.liars();
        Policy policy = policy(restricted.codes(), zoneRadiusKm, zoneCountries, speed, borderMarginKm)
                .withToleratedLiars(liars);
        Evaluation evaluation = new Evaluation(data, NaturalEarth.bundled(), policy, deviceOutsideAudit);
        if (faults.asked()) {
            return faults.run(evaluation, deviceOutsideAudit);
        }
        long t0 = System.nanoTime();
        EvalReport report = claims == null
                ? evaluation.run(System.err::println)
                : evaluation.run(ClaimsFile.read(claims, data), true, System.err::println);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        report.printTable(System.out, all);
        System.out.printf(
                "Evaluation took %d ms (mesh audit, %d verdicts, checks)%n",
                elapsedMs, report.entries().size());
        if (jsonFile.write(report.toJson())) {
            System.out.println("JSON report written to " + jsonFile.json);
        }
        return report.summary().unsoundVerdicts() == 0 ? 0 : 3;
    }

    static Policy policy(Set<String> restricted, double zoneKm, String zoneCountries, double speed, double marginKm) {
        if (!(zoneKm > 0 && zoneKm <= 20_000)) {
            throw new IllegalArgumentException("--zone-radius-km must be > 0 and <= 20000, got " + zoneKm);
        }
        if (!(marginKm >= 0 && marginKm <= 1000)) {
            throw new IllegalArgumentException("--border-margin-km must be >= 0 and <= 1000, got " + marginKm);
        }
        if (!(speed > 0 && speed <= SpeedBound.C_KM_PER_MS)) {
            throw new IllegalArgumentException("--speed-km-per-ms must be > 0 and <= " + SpeedBound.C_KM_PER_MS
                    + " (nothing outruns light in vacuum), got " + speed);
        }
        Policy p = Policy.DEFAULT
                .withRestricted(restricted)
                .withSpeed(SpeedBound.ofKmPerMs(speed))
                .withBorderMargin(Distance.ofKm(marginKm));
        if (zoneCountries != null) {
            return p.withZone(new LicensedZone.Countries(
                    RestrictedJurisdictions.codes(Arrays.asList(zoneCountries.split(",")), "--zone-countries")));
        }
        return p.withZone(LicensedZone.withinKm(zoneKm));
    }
}
