package dev.locus.protocol.receipt;

import dev.locus.geo.position.EarthModel;
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
 * maxTravelKmPerHour}: it uses straight-line (chord) distances, which light and any traveller must
 * at least cover, on a sphere of the Earth's smallest radius, and the vacuum speed of light. Thread-safe.
 */
public final class CloneDetector {
    /** Speed of light in vacuum, km per nanosecond. */
    static final double C_KM_PER_NANO = 299_792.458 / 1e9;

    private final double maxTravelKmPerHour;

    /** @param maxTravelKmPerHour fastest plausible travel of a device (1000 km/h covers airliners) */
    public CloneDetector(double maxTravelKmPerHour) {
        if (!(maxTravelKmPerHour > 0) || !Double.isFinite(maxTravelKmPerHour)) {
            throw new IllegalArgumentException("maxTravelKmPerHour must be > 0 and finite, got " + maxTravelKmPerHour);
        }
        this.maxTravelKmPerHour = maxTravelKmPerHour;
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
                    double separation = minimumSeparationKm(a, b);
                    Duration dt =
                            Duration.between(a.measuredAt(), b.measuredAt()).abs();
                    double travelKm = maxTravelKmPerHour * dt.toNanos() / 3.6e12;
                    if (separation > travelKm) {
                        alerts.add(new CloneAlert(e.getKey(), a, b, separation, dt));
                    }
                }
            }
        }
        return alerts;
    }

    /** Least straight-line distance between any point within reach of a and any point within reach of b. */
    static double minimumSeparationKm(Receipt a, Receipt b) {
        double angle =
                a.landmarkPosition().toS2Point().angle(b.landmarkPosition().toS2Point());
        double chordKm = 2 * EarthModel.SOUND_RADIUS_KM * Math.sin(angle / 2);
        double reachA = a.minRttNanos() * C_KM_PER_NANO / 2;
        double reachB = b.minRttNanos() * C_KM_PER_NANO / 2;
        return chordKm - reachA - reachB;
    }
}
