package dev.locus.cli;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs11DeviceKey;
import dev.locus.protocol.identity.Pkcs11Token;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code locus ca}: the manufacturer CA that certifies devices and landmarks. */
@Command(
        name = "ca",
        description =
                "Device CA: create it, certify device keys (serial + model) and landmark keys (surveyed position).",
        subcommands = {CaCommand.Init.class, CaCommand.IssueDevice.class, CaCommand.IssueLandmark.class})
public final class CaCommand extends GroupCommand {
    @Command(name = "init", description = "Create a new CA: DIR/ca.p12 (key) and DIR/ca.pem (trust anchor).")
    static final class Init extends CliCommand {
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
            ca.save(dir.resolve("ca.p12"), keyPassword());
            Certificates.writePem(dir.resolve("ca.pem"), ca.certificate());
            out().printf(
                            "CA '%s' created: %s (key), %s (certificate, %s)%n",
                            name,
                            dir.resolve("ca.p12"),
                            dir.resolve("ca.pem"),
                            Certificates.fingerprint(ca.certificate()));
            return 0;
        }
    }

    /**
     * Generates a key and has the CA in {@code --ca} certify it: OUT/NAME.pem holds the certificate
     * and OUT/NAME.p12 the key (or a PKCS#11 token keeps it).
     */
    abstract static class Issue extends CliCommand {
        @Option(names = "--ca", defaultValue = "ca", description = "CA directory (default: ${DEFAULT-VALUE}).")
        Path caDir;

        @Option(names = "--out", description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--validity-days", description = "Validity in days.")
        int validityDays;

        /** The defaults of {@code --out} and {@code --validity-days} for this kind of key. */
        Issue(String defaultOut, int defaultValidityDays) {
            out = Path.of(defaultOut);
            validityDays = defaultValidityDays;
        }

        /**
         * The CA in {@code --ca}, loaded before {@code name} (given as {@code option}) is checked:
         * it names the key files, so it must be 1 to 64 of A-Z a-z 0-9 . _ -.
         */
        final CertificateAuthority ca(String option, String name) throws Exception {
            Path p12 = caDir.resolve("ca.p12");
            if (!Files.exists(p12)) {
                throw new IllegalArgumentException(
                        "--ca " + caDir + " must hold ca.p12 (run 'locus ca init --dir " + caDir + "')");
            }
            CertificateAuthority ca =
                    CertificateAuthority.load(p12, keyPassword(), InstantSource.system(), new SecureRandom());
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException(
                        option + " must be 1..64 of A-Z a-z 0-9 . _ - (it names the key file), got '" + name + "'");
            }
            return ca;
        }

        /** Writes {@code certificate} to OUT/NAME.pem and prints {@code WHAT certified: WHERE (FINGERPRINT)}. */
        final void certified(Path out, String name, X509Certificate certificate, String what, Object where)
                throws IOException {
            Certificates.writePem(out.resolve(name + ".pem"), certificate);
            out().printf("%s certified: %s (%s)%n", what, where, Certificates.fingerprint(certificate));
        }
    }

    @Command(
            name = "issue-device",
            description = "Generate a device key and certify its serial and model: OUT/SERIAL.p12 and OUT/SERIAL.pem.")
    static final class IssueDevice extends Issue {
        @Option(names = "--serial", required = true, description = "Device (GPU board) serial number.")
        String serial;

        @Option(names = "--model", required = true, description = "Device model, e.g. 'NVIDIA H100 80GB HBM3'.")
        String model;

        @ArgGroup(exclusive = false, heading = "Generate the key inside a PKCS#11 token instead:%n")
        TokenOptions token;

        IssueDevice() {
            super("devices", 1825);
        }

        @Override
        public Integer call() throws Exception {
            CertificateAuthority ca = ca("--serial", serial);
            String device = "device " + serial + " (" + model + ")";
            Duration validity = Duration.ofDays(validityDays);
            Optional<Pkcs11Token> t = token == null ? Optional.empty() : token.open();
            if (t.isPresent()) {
                try (Pkcs11Token tok = t.get();
                        Pkcs11DeviceKey key = Pkcs11DeviceKey.generate(tok, serial, ca, serial, model, validity)) {
                    Files.createDirectories(out);
                    certified(
                            out,
                            serial,
                            key.identity().certificate(),
                            device,
                            "key generated non-extractable in PKCS#11 slot " + token.slot);
                }
                return 0;
            }
            Path p12 = out.resolve(serial + ".p12");
            try (Pkcs12DeviceKey key =
                    Pkcs12DeviceKey.create(p12, ca, serial, model, validity, keyPassword(), new SecureRandom())) {
                certified(out, serial, key.identity().certificate(), device, p12);
            }
            return 0;
        }
    }

    @Command(
            name = "issue-landmark",
            description =
                    "Generate a landmark key and certify its id and surveyed position: OUT/ID.p12 and OUT/ID.pem.")
    static final class IssueLandmark extends Issue {
        @Option(names = "--id", required = true, description = "Landmark id, e.g. sg1.")
        String id;

        @Option(names = "--name", description = "Human-readable name (default: the id).")
        String name;

        @Option(names = "--position", required = true, description = "Surveyed position LAT,LON in decimal degrees.")
        String position;

        IssueLandmark() {
            super("landmarks", 365);
        }

        @Override
        public Integer call() throws Exception {
            CertificateAuthority ca = ca("--id", id);
            Path p12 = out.resolve(id + ".p12");
            try (LandmarkKey key = LandmarkKey.create(
                    p12,
                    ca,
                    id,
                    name == null ? id : name,
                    GeoPosition.parse(position),
                    Duration.ofDays(validityDays),
                    keyPassword(),
                    new SecureRandom())) {
                certified(out, id, key.identity().certificate(), "landmark " + id + " at " + position, p12);
            }
            return 0;
        }
    }
}
