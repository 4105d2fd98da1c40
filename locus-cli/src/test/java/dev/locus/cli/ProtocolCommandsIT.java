package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.landmark.LandmarkConfig;
import dev.locus.landmark.LandmarkServer;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.sim.relay.DelayRelay;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The documented workflow through the command line: CA, device and landmark certificates, a
 * landmark (in process) behind an emulated 1 ms link, the agent, and verify turning the receipts
 * into verdicts. Key stores use LOCUS_KEY_PASSWORD or the demo default, as the commands do.
 */
class ProtocolCommandsIT {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LocusCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void caAgentAndVerify_endToEnd(@TempDir Path dir) throws Exception {
        LandmarkKey key = CliPki.issue(dir, "1650923000001", "NVIDIA H100 80GB HBM3");
        String ca = dir.resolve("ca").toString();
        assertThat(run("ca", "issue-device", "--ca", ca, "--serial", "../evil", "--model", "x")
                        .err())
                .contains("--serial must be");

        IdentityVerifier ids = new IdentityVerifier(
                Certificates.readPem(dir.resolve("ca/ca.pem")).get(0), Set.of(), InstantSource.system());
        try (LandmarkServer lm =
                        LandmarkServer.start(LandmarkConfig.builder(key, ids).build());
                DelayRelay link = CliPki.halfMillisecondLink(lm, "it-link")) {
            Path receipts = dir.resolve("receipts.jsonl");
            Run agent = run(
                    "agent",
                    "--device-keys",
                    dir.resolve("devices").toString(),
                    "--landmarks",
                    "127.0.0.1:" + link.address().getPort(),
                    "--rounds",
                    "4",
                    "--out",
                    receipts.toString(),
                    "--ca",
                    dir.resolve("ca/ca.pem").toString(),
                    "--nvidia-smi",
                    "/nonexistent/nvidia-smi");
            assertThat(agent.exit()).as(agent.err()).isZero();
            assertThat(agent.out()).contains("1650923000001 -> sg1").contains("1 receipts appended");
            assertThat(Files.readAllLines(receipts)).hasSize(1);

            Run verify = verify(
                    dir,
                    receipts,
                    "--tolerate-liars", // one landmark: it can only prove anything if assumed honest
                    "0",
                    "--json",
                    dir.resolve("report.json").toString());
            assertThat(verify.exit()).as(verify.err()).isZero();
            // one landmark 1+ ms away bounds the chip to ~150 km of Singapore (plus relay lateness): in the
            // 500 km zone with room for ~2 ms of scheduling delay on a busy machine, far from CN/HK/MO
            assertThat(verify.out()).contains("[EXCLUDES_RESTRICTED, IN_ZONE]");
            assertThat(Files.readString(dir.resolve("report.json"))).contains("\"IN_ZONE\"");

            // a receipt whose readable round trip was edited is refused, with its line
            String line = Files.readAllLines(receipts).get(0);
            Path edited = dir.resolve("edited.jsonl");
            Files.write(edited, List.of(line.replaceFirst("\"minRttNanos\":\\d+", "\"minRttNanos\":1")));
            Run bad = verify(dir, edited);
            assertThat(bad.exit()).isEqualTo(4);
            assertThat(bad.err()).contains("edited.jsonl:1: BAD_RECEIPT: minRttNanos says '1'");
        }
    }

    /** {@code locus verify RECEIPTS} with the landmarks and CA under {@code dir}, for a site in Singapore. */
    private static Run verify(Path dir, Path receipts, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "verify",
                receipts.toString(),
                "--landmarks",
                dir.resolve("landmarks").toString(),
                "--ca",
                dir.resolve("ca/ca.pem").toString(),
                "--site",
                "1.35,103.8"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void landmarkRefusesAPositionOtherThanTheCertifiedOne(@TempDir Path dir) {
        String ca = dir.resolve("ca").toString();
        run("ca", "init", "--dir", ca);
        CliPki.issueSingaporeLandmark(ca, dir.resolve("landmarks"));
        Run r = run(
                "landmark",
                "--position",
                "22.3,114.1667",
                "--key",
                dir.resolve("landmarks/sg1.p12").toString(),
                "--port",
                "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--position 22.3,114.1667 differs from the certified position 1.3667,103.75");
    }
}
