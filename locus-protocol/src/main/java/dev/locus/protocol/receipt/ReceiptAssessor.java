package dev.locus.protocol.receipt;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.Assessment;
import dev.locus.geo.verdict.Landmark;
import dev.locus.geo.verdict.Measurement;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verifier;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.RejectReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns receipts into verdicts: checks each receipt ({@link ReceiptVerifier}), keeps the shortest
 * round trip per device and landmark, runs the geo core's {@link Verifier} per device against its
 * declared site, and flags cloned identities ({@link CloneDetector}). Receipts that fail a check
 * are reported with their reason and never reach the geo core. Thread-safe.
 */
public final class ReceiptAssessor {
    private final ReceiptVerifier receipts;
    private final Verifier verifier;
    private final Policy policy;
    private final CloneDetector clones;

    public ReceiptAssessor(ReceiptVerifier receipts, Verifier verifier, Policy policy, CloneDetector clones) {
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clones = Objects.requireNonNull(clones, "clones");
    }

    /** A receipt that was refused, by its position in the input (0-based). */
    public record RefusedReceipt(int index, RejectReason reason, String detail) {}

    /**
     * The verdicts of one device.
     *
     * @param deviceSerial the device
     * @param declaredSite where its licence says it is
     * @param measurements the shortest verified round trip per landmark
     * @param assessment the geo core's verdicts and evidence
     * @param cloneAlerts sightings no travel explains
     */
    public record DeviceReport(
            String deviceSerial,
            GeoPosition declaredSite,
            List<Measurement> measurements,
            Assessment assessment,
            List<CloneDetector.CloneAlert> cloneAlerts) {
        public DeviceReport {
            measurements = List.copyOf(measurements);
            cloneAlerts = List.copyOf(cloneAlerts);
        }
    }

    /** Everything: per-device reports in first-seen order, and every refused receipt. */
    public record Report(List<DeviceReport> devices, List<RefusedReceipt> refused) {
        public Report {
            devices = List.copyOf(devices);
            refused = List.copyOf(refused);
        }
    }

    /**
     * Assesses the receipts.
     *
     * @param records receipts as read from a file (already parsed)
     * @param declaredSite the declared site of each device serial; devices without one are refused
     */
    public Report assess(List<ReceiptRecord> records, Function<String, Optional<GeoPosition>> declaredSite) {
        List<RefusedReceipt> refused = new ArrayList<>();
        Map<String, List<Receipt>> bySerial = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Decoded<Receipt> d = receipts.verify(records.get(i));
            switch (d) {
                case Decoded.Accepted<Receipt>(Receipt r) ->
                    bySerial.computeIfAbsent(r.deviceSerial(), k -> new ArrayList<>())
                            .add(r);
                case Decoded.Rejected<Receipt> rej -> refused.add(new RefusedReceipt(i, rej.reason(), rej.detail()));
            }
        }
        List<DeviceReport> devices = new ArrayList<>();
        for (var e : bySerial.entrySet()) {
            Optional<GeoPosition> site = declaredSite.apply(e.getKey());
            if (site.isEmpty()) {
                refused.add(new RefusedReceipt(
                        -1, RejectReason.UNKNOWN_DEVICE, "device " + e.getKey() + " has no declared site"));
                continue;
            }
            List<Measurement> best = bestPerLandmark(e.getValue());
            devices.add(new DeviceReport(
                    e.getKey(),
                    site.get(),
                    best,
                    verifier.assess(site.get(), best, policy),
                    clones.detect(e.getValue())));
        }
        return new Report(devices, refused);
    }

    /** The geo-core measurement a receipt proves: the landmark's certified position and the shortest round trip. */
    public static Measurement toMeasurement(Receipt r) {
        return new Measurement(
                new Landmark(r.landmarkId(), "", r.landmarkPosition()), RoundTrip.ofNanos(r.minRttNanos()));
    }

    /** The shortest round trip per landmark id, ordered by landmark id. */
    public static List<Measurement> bestPerLandmark(List<Receipt> receipts) {
        Map<String, Receipt> best = new LinkedHashMap<>();
        for (Receipt r : receipts) {
            best.merge(r.landmarkId(), r, (a, b) -> a.minRttNanos() <= b.minRttNanos() ? a : b);
        }
        return best.values().stream()
                .sorted(Comparator.comparing(Receipt::landmarkId))
                .map(ReceiptAssessor::toMeasurement)
                .toList();
    }
}
