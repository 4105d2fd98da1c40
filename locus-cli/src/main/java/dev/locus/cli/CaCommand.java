package dev.locus.cli;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code locus ca}: the manufacturer CA that certifies devices and landmarks. */
@Command(
        name = "ca",
        mixinStandardHelpOptions = true,
        description =
                "Device CA: create it, certify device keys (serial + model) and landmark keys (surveyed position).",
        subcommands = {CaCommand.Init.class, CaCommand.IssueDevice.class, CaCommand.IssueLandmark.class})
public final class CaCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CertificateAuthority loadCa(Path dir, picocli.CommandLine.Model.CommandSpec spec) throws Exception {
        Path p12 = dir.resolve("ca.p12");
        if (!Files.exists(p12)) {
            throw new IllegalArgumentException(
                    "--ca " + dir + " must hold ca.p12 (run 'locus ca init --dir " + dir + "')");
        }
        return CertificateAuthority.load(
                p12, KeyPasswords.get(spec.commandLine().getErr()), InstantSource.system(), new SecureRandom());
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Create a new CA: DIR/ca.p12 (key) and DIR/ca.pem (trust anchor).")
    static final class Init implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--dir",
                defaultValue = "ca",
                description = "Directory for the CA files (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(names = "--name", defaultValue = "Locus Device CA", description = "CA common name.")
        String name;

        @Option(names = "--validity-days", defaultValue = "3650", description = "Validity in days.")
        int validityDays;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(dir);
            CertificateAuthority ca = CertificateAuthority.create(
                    name, Duration.ofDays(validityDays), InstantSource.system(), new SecureRandom());
            ca.save(dir.resolve("ca.p12"), KeyPasswords.get(spec.commandLine().getErr()));
            Certificates.writePem(dir.resolve("ca.pem"), ca.certificate());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "CA '%s' created: %s (key), %s (certificate, %s)%n",
                            name,
                            dir.resolve("ca.p12"),
                            dir.resolve("ca.pem"),
                            Certificates.fingerprint(ca.certificate()));
            return 0;
        }
    }

    @Command(
            name = "issue-device",
            mixinStandardHelpOptions = true,
            description = "Generate a device key and certify its serial and model: OUT/SERIAL.p12 and OUT/SERIAL.pem.")
    static final class IssueDevice implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--ca", defaultValue = "ca", description = "CA directory (default: ${DEFAULT-VALUE}).")
        Path caDir;

        @Option(names = "--serial", required = true, description = "Device (GPU board) serial number.")
        String serial;

        @Option(names = "--model", required = true, description = "Device model, e.g. 'NVIDIA H100 80GB HBM3'.")
        String model;

        @Option(
                names = "--out",
                defaultValue = "devices",
                description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--validity-days", defaultValue = "1825", description = "Validity in days.")
        int validityDays;

        @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Generate the key inside a PKCS#11 token instead:%n")
        TokenOptions token;

        @Override
        public Integer call() throws Exception {
            CertificateAuthority ca = loadCa(caDir, spec);
            if (!serial.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException(
                        "--serial must be 1..64 of A-Z a-z 0-9 . _ - (it names the key file), got '" + serial + "'");
            }
            var t = token == null ? java.util.Optional.<dev.locus.protocol.identity.Pkcs11Token>empty() : token.open();
            if (t.isPresent()) {
                try (var tok = t.get();
                        var key = dev.locus.protocol.identity.Pkcs11DeviceKey.generate(
                                tok, serial, ca, serial, model, Duration.ofDays(validityDays))) {
                    Files.createDirectories(out);
                    Certificates.writePem(
                            out.resolve(serial + ".pem"), key.identity().certificate());
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "device %s (%s) certified: key generated non-extractable in PKCS#11 slot %d (%s)%n",
                                    serial, model, token.slot, key.identity().fingerprint());
                }
                return 0;
            }
            Path p12 = out.resolve(serial + ".p12");
            try (Pkcs12DeviceKey key = Pkcs12DeviceKey.create(
                    p12,
                    ca,
                    serial,
                    model,
                    Duration.ofDays(validityDays),
                    KeyPasswords.get(spec.commandLine().getErr()),
                    new SecureRandom())) {
                Certificates.writePem(
                        out.resolve(serial + ".pem"), key.identity().certificate());
                spec.commandLine()
                        .getOut()
                        .printf(
                                "device %s (%s) certified: %s (%s)%n",
                                serial, model, p12, key.identity().fingerprint());
            }
            return 0;
        }
    }

    @Command(
            name = "issue-landmark",
            mixinStandardHelpOptions = true,
            description =
                    "Generate a landmark key and certify its id and surveyed position: OUT/ID.p12 and OUT/ID.pem.")
    static final class IssueLandmark implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--ca", defaultValue = "ca", description = "CA directory (default: ${DEFAULT-VALUE}).")
        Path caDir;

        @Option(names = "--id", required = true, description = "Landmark id, e.g. sg1.")
        String id;

        @Option(names = "--name", description = "Human-readable name (default: the id).")
        String name;

        @Option(names = "--position", required = true, description = "Surveyed position LAT,LON in decimal degrees.")
        String position;

        @Option(
                names = "--out",
                defaultValue = "landmarks",
                description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--validity-days", defaultValue = "365", description = "Validity in days.")
        int validityDays;

        @Override
        public Integer call() throws Exception {
            CertificateAuthority ca = loadCa(caDir, spec);
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException(
                        "--id must be 1..64 of A-Z a-z 0-9 . _ - (it names the key file), got '" + id + "'");
            }
            Path p12 = out.resolve(id + ".p12");
            try (LandmarkKey key = LandmarkKey.create(
                    p12,
                    ca,
                    id,
                    name == null ? id : name,
                    GeoPosition.parse(position),
                    Duration.ofDays(validityDays),
                    KeyPasswords.get(spec.commandLine().getErr()),
                    new SecureRandom())) {
                Certificates.writePem(out.resolve(id + ".pem"), key.identity().certificate());
                spec.commandLine()
                        .getOut()
                        .printf(
                                "landmark %s at %s certified: %s (%s)%n",
                                id, position, p12, key.identity().fingerprint());
            }
            return 0;
        }
    }
}
