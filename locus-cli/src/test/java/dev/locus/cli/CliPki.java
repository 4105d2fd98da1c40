package dev.locus.cli;

import static dev.locus.cli.ProtocolCommandsIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.landmark.LandmarkServer;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.sim.relay.DelayRelay;
import dev.locus.sim.relay.LinkDelay;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/** A CA, one device and the Singapore landmark, issued through the documented `ca` commands. */
final class CliPki {

    static final String LANDMARK_POSITION = "1.3667,103.75";

    private CliPki() {}

    /** Issues DIR/ca, DIR/devices/SERIAL.* and DIR/landmarks/sg1.*; returns the landmark's key. */
    static LandmarkKey issue(Path dir, String serial, String model) throws Exception {
        String ca = dir.resolve("ca").toString();
        ProtocolCommandsIT.Run init = run("ca", "init", "--dir", ca);
        assertThat(init.exit()).as(init.err()).isZero();
        ProtocolCommandsIT.Run dev = run(
                "ca",
                "issue-device",
                "--ca",
                ca,
                "--serial",
                serial,
                "--model",
                model,
                "--out",
                dir.resolve("devices").toString());
        assertThat(dev.exit()).as(dev.err()).isZero();
        ProtocolCommandsIT.Run lm = issueSingaporeLandmark(ca, dir.resolve("landmarks"), "--name", "Singapore");
        assertThat(lm.exit()).as(lm.err()).isZero();
        return LandmarkKey.load(
                dir.resolve("landmarks/sg1.p12"), KeyPasswords.get(new PrintWriter(java.io.Writer.nullWriter())));
    }

    /** Runs `ca issue-landmark` of CA {@code ca} for landmark sg1 at {@link #LANDMARK_POSITION}, into {@code out}. */
    static ProtocolCommandsIT.Run issueSingaporeLandmark(String ca, Path out, String... options) {
        String[] landmark = {
            "ca", "issue-landmark", "--ca", ca, "--id", "sg1", "--position", LANDMARK_POSITION, "--out", out.toString()
        };
        return run(
                Stream.concat(Arrays.stream(landmark), Arrays.stream(options)).toArray(String[]::new));
    }

    /** A loopback link to {@code landmark} that delays each direction by 0.5 ms (a 1 ms round trip). */
    static DelayRelay halfMillisecondLink(LandmarkServer landmark, String name) throws IOException {
        return DelayRelay.start(
                new InetSocketAddress("127.0.0.1", 0),
                landmark.localAddress(),
                LinkDelay.fixed(500_000),
                LinkDelay.fixed(500_000),
                name);
    }
}
