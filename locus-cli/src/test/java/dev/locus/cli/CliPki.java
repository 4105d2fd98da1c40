package dev.locus.cli;

import static dev.locus.cli.ProtocolCommandsIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.protocol.identity.LandmarkKey;
import java.io.PrintWriter;
import java.nio.file.Path;

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
        ProtocolCommandsIT.Run lm = run(
                "ca",
                "issue-landmark",
                "--ca",
                ca,
                "--id",
                "sg1",
                "--name",
                "Singapore",
                "--position",
                LANDMARK_POSITION,
                "--out",
                dir.resolve("landmarks").toString());
        assertThat(lm.exit()).as(lm.err()).isZero();
        return LandmarkKey.load(
                dir.resolve("landmarks/sg1.p12"), KeyPasswords.get(new PrintWriter(java.io.Writer.nullWriter())));
    }
}
