package dev.locus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.boundaries.NaturalEarth;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import dev.locus.geo.verdict.LicensedZone;
import dev.locus.geo.verdict.Measurement;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verifier;
import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.receipt.CloneDetector;
import dev.locus.protocol.receipt.ReceiptAssessor;
import dev.locus.protocol.receipt.ReceiptJsonLines;
import dev.locus.protocol.receipt.ReceiptRecord;
import dev.locus.protocol.receipt.ReceiptVerifier;
import dev.locus.protocol.wire.Decoded;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code locus verify}: turn a receipts file into verdicts with the geo core. */
@Command(
        name = "verify",
        description = {
            "Checks signed receipts and turns them into verdicts.",
            "Check signed receipts (landmark signature, device proof, certificates) and turn them into verdicts:",
            "the shortest round trip per landmark bounds each device (speed of light), judged against its declared site."
        })
public final class VerifyCommand extends CliCommand {
    @Parameters(index = "0", description = "Receipts file (JSON lines, from 'locus agent').")
    Path receipts;

    @Option(
            names = "--landmarks",
            required = true,
            split = ",",
            description = "Trusted landmark certificates: PEM files or directories of *.pem, comma-separated.")
    List<Path> landmarks;

    @Option(
            names = "--ca",
            defaultValue = "ca/ca.pem",
            description = "CA certificate (PEM) for devices and landmarks (default: ${DEFAULT-VALUE}).")
    Path ca;

    @Mixin
    LiarTolerance tolerance;

    @Mixin
    DeclaredSites declared;

    @Option(
            names = "--zone-km",
            defaultValue = "500",
            description = "Licensed zone radius around the declared site, km (default: ${DEFAULT-VALUE}).")
    double zoneKm;

    @Mixin
    RestrictedJurisdictions restricted;

    @Option(
            names = "--max-travel-kmh",
            defaultValue = "1200", // ClonePhysics.DEFAULT_MAX_TRAVEL_KM_PER_HOUR, as the control plane
            description = "Fastest plausible device travel for clone alerts (default: ${DEFAULT-VALUE}).")
    double maxTravelKmh;

    @Mixin
    JsonReportFile jsonFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        Function<String, Optional<GeoPosition>> declaredSite = declared.load();
        X509Certificate anchor = Certificates.readPem(ca).get(0);
        Set<Fingerprint> pinned = new HashSet<>();
        for (Path p : landmarks) {
            for (Path pem : pemFiles(p)) {
                for (X509Certificate c : Certificates.readPem(pem)) {
                    pinned.add(Certificates.fingerprint(c));
                }
            }
        }
        List<ReceiptRecord> records = new ArrayList<>();
        List<Integer> lineOfRecord = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(receipts, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                Decoded<ReceiptRecord> d = ReceiptJsonLines.parseLine(line);
                if (d instanceof Decoded.Rejected<ReceiptRecord> rej) {
                    refused.add(receipts + ":" + n + ": " + rej.reason() + ": " + rej.detail());
                } else {
                    ReceiptRecord rec = ((Decoded.Accepted<ReceiptRecord>) d).value();
                    Fingerprint lm = Certificates.fingerprint(rec.landmarkCertificate());
                    if (!pinned.contains(lm)) {
                        refused.add(receipts + ":" + n + ": INVALID_CERTIFICATE: landmark certificate " + lm + " of '"
                                + rec.receipt().landmarkId() + "' is not among --landmarks");
                    } else {
                        records.add(rec);
                        lineOfRecord.add(n);
                    }
                }
            }
        }
        Policy policy = Policy.DEFAULT
                .withToleratedLiars(tolerance.liars())
                .withRestricted(restricted.codes())
                .withZone(new LicensedZone.Radius(dev.locus.geo.position.Distance.ofKm(zoneKm)));
        ReceiptAssessor assessor = new ReceiptAssessor(
                new ReceiptVerifier(new IdentityVerifier(anchor, Set.of(), InstantSource.system())),
                Verifier.of(NaturalEarth.bundled()),
                policy,
                new CloneDetector(maxTravelKmh));
        ReceiptAssessor.Report report = assessor.assess(records, declaredSite);
        for (ReceiptAssessor.RefusedReceipt rr : report.refused()) {
            String where = rr.index() >= 0 ? receipts + ":" + lineOfRecord.get(rr.index()) : receipts.toString();
            refused.add(where + ": " + rr.reason() + ": " + rr.detail());
        }

        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("receipts", records.size());
        root.put("speedBound", policy.speed().toString());
        ArrayNode devs = root.putArray("devices");
        for (ReceiptAssessor.DeviceReport d : report.devices()) {
            out.printf(
                    "device %s, declared site %s,%s: %s%n",
                    d.deviceSerial(),
                    d.declaredSite().latitudeDegrees(),
                    d.declaredSite().longitudeDegrees(),
                    d.assessment().verdicts());
            ObjectNode o = devs.addObject();
            o.put("deviceSerial", d.deviceSerial());
            o.put(
                    "declaredSite",
                    d.declaredSite().latitudeDegrees() + "," + d.declaredSite().longitudeDegrees());
            ArrayNode v = o.putArray("verdicts");
            d.assessment().verdicts().forEach(x -> v.add(x.name()));
            ArrayNode ms = o.putArray("measurements");
            for (Measurement meas : d.measurements()) {
                Disc disc = Disc.of(meas.landmark().id(), meas.landmark().position(), meas.roundTrip(), policy.speed());
                out.printf(
                        "  %-12s %9.3f ms  -> within %8.1f km of %s,%s%n",
                        meas.landmark().id(),
                        meas.roundTrip().millis(),
                        disc.maxDistance().km(),
                        meas.landmark().position().latitudeDegrees(),
                        meas.landmark().position().longitudeDegrees());
                ObjectNode mo = ms.addObject();
                mo.put("landmarkId", meas.landmark().id());
                mo.put("rttMillis", meas.roundTrip().millis());
                mo.put("maxDistanceKm", disc.maxDistance().km());
            }
            var ev = d.assessment().evidence();
            out.printf(
                    "  region: at most %.1f km from the declared site, area <= %.0f km2, %d landmarks bound it%n",
                    ev.maxDistanceFromSite().km(), ev.areaKm2(), ev.measurementsUsed());
            o.put("maxDistanceFromSiteKm", ev.maxDistanceFromSite().km());
            o.put("areaKm2", ev.areaKm2());
            ArrayNode ca = o.putArray("cloneAlerts");
            for (CloneDetector.CloneAlert a : d.cloneAlerts()) {
                out.println("  ALERT: " + a.describe());
                ca.add(a.describe());
            }
        }
        ArrayNode ref = root.putArray("refused");
        for (String s : refused) {
            err().println("locus verify: refused " + s);
            ref.add(s);
        }
        out.printf(
                "%d receipts verified for %d devices, %d refused%n",
                records.size()
                        - report.refused().stream().filter(x -> x.index() >= 0).count(),
                report.devices().size(),
                refused.size());
        jsonFile.write(m.writeValueAsString(root));
        return refused.isEmpty() ? 0 : 4;
    }

    private static List<Path> pemFiles(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p, "*.pem")) {
            ds.forEach(out::add);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--landmarks directory " + p + " holds no *.pem files");
        }
        return out;
    }
}
