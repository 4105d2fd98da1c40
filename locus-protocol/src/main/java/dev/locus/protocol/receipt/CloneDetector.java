package dev.locus.protocol.receipt;

import dev.locus.geo.bound.ClonePhysics;
import dev.locus.geo.bound.RoundTrip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags a device identity seen at two places that no travel explains: two verified receipts for
 * the same serial whose light-speed balls around their landmarks are farther apart than the device
 * could have travelled between the two measurements. That happens when a device key was copied to
 * a decoy (or a second chip) while the original answers elsewhere.
 *
 * <p>The test never raises a false alarm for an honest device moving no faster than {@code
 * maxTravelKmPerHour}: it is the geo core's {@link ClonePhysics} (straight-line distances, which
 * light and any traveller must at least cover, and the vacuum speed of light), the same model as the
 * control plane's CLONED_IDENTITY rule. Thread-safe.
 */
public final class CloneDetector {
    private final ClonePhysics physics;

    /**
     * @param maxTravelKmPerHour fastest plausible travel of a device ({@link
     *     ClonePhysics#DEFAULT_MAX_TRAVEL_KM_PER_HOUR} covers airliners)
     */
    public CloneDetector(double maxTravelKmPerHour) {
        this.physics = ClonePhysics.ofMaxTravel(maxTravelKmPerHour);
    }

    /** One impossible pair of sightings. */
    public record CloneAlert(
            String deviceSerial, Receipt first, Receipt second, double separationKm, Duration between) {
        /** One line for people: which landmarks, how far apart, how little time. */
        public String describe() {
            return String.format(
                    "device %s answered %s and %s %d ms apart, yet the two sightings are at least %.0f km apart"
                            + " (cloned identity?)",
                    deviceSerial, first.landmarkId(), second.landmarkId(), between.toMillis(), separationKm);
        }
    }

    /** Every impossible pair among the receipts, grouped by device serial, in time order. */
    public List<CloneAlert> detect(Collection<Receipt> receipts) {
        Map<String, List<Receipt>> bySerial = new LinkedHashMap<>();
        for (Receipt r : receipts) {
            bySerial.computeIfAbsent(r.deviceSerial(), k -> new ArrayList<>()).add(r);
        }
        List<CloneAlert> alerts = new ArrayList<>();
        for (var e : bySerial.entrySet()) {
            List<Receipt> seen = new ArrayList<>(e.getValue());
            seen.sort(Comparator.comparing(Receipt::measuredAt));
            for (int i = 0; i < seen.size(); i++) {
                for (int j = i + 1; j < seen.size(); j++) {
                    Receipt a = seen.get(i);
                    Receipt b = seen.get(j);
                    ClonePhysics.Comparison cmp = physics.compare(sighting(a), sighting(b));
                    if (cmp.impossible()) {
                        Duration dt =
                                Duration.between(a.measuredAt(), b.measuredAt()).abs();
                        alerts.add(new CloneAlert(e.getKey(), a, b, cmp.minimumSeparationKm(), dt));
                    }
                }
            }
        }
        return alerts;
    }

    private static ClonePhysics.Sighting sighting(Receipt r) {
        return new ClonePhysics.Sighting(r.landmarkPosition(), RoundTrip.ofNanos(r.minRttNanos()), r.measuredAt());
    }
}
