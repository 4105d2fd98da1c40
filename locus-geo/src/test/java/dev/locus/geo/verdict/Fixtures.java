package dev.locus.geo.verdict;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.jurisdiction.Jurisdiction;
import dev.locus.geo.jurisdiction.Jurisdictions;
import dev.locus.geo.position.GeoPosition;
import java.util.ArrayList;
import java.util.List;

/** Synthetic jurisdictions and honest measurements for geo-core tests. */
final class Fixtures {

    private Fixtures() {}

    /** A lat/lon box as a ring, densified so geodesic edges follow the parallels closely. */
    static List<GeoPosition> box(double lat0, double lon0, double lat1, double lon1) {
        List<GeoPosition> ring = new ArrayList<>();
        int n = 40;
        double width = lon1 > lon0 ? lon1 - lon0 : lon1 + 360 - lon0;
        for (int i = 0; i <= n; i++) {
            ring.add(GeoPosition.ofDegrees(lat0, wrap(lon0 + width * i / n)));
        }
        for (int i = 0; i <= n; i++) {
            ring.add(GeoPosition.ofDegrees(lat1, wrap(lon1 - width * i / n)));
        }
        return ring;
    }

    /**
     * {@code minCount} to {@code minCount + countSpread - 1} honest landmarks around the truth,
     * {@code minDeg} to {@code minDeg + spreadDeg} degrees away (most near), each a little or up to
     * {@code 1 + slowStretch} times slower than light, half of them with up to {@code maxExtraMs} more.
     */
    static List<Measurement> randomHonest(
            java.util.Random rnd,
            GeoPosition truth,
            int minCount,
            int countSpread,
            double minDeg,
            double spreadDeg,
            double slowStretch,
            double maxExtraMs) {
        int n = minCount + rnd.nextInt(countSpread);
        List<Measurement> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double dist = minDeg + spreadDeg * rnd.nextDouble() * rnd.nextDouble();
            double bearing = 2 * Math.PI * rnd.nextDouble();
            double lat = Math.max(-89, Math.min(89, truth.latitudeDegrees() + dist * Math.sin(bearing)));
            double lon = wrap(truth.longitudeDegrees() + dist * Math.cos(bearing));
            double stretch = 1 + rnd.nextDouble() * (rnd.nextBoolean() ? 0.05 : slowStretch);
            double extraMs = rnd.nextBoolean() ? 0 : rnd.nextDouble() * maxExtraMs;
            ms.add(honest("L" + i, GeoPosition.ofDegrees(lat, lon), truth, stretch, extraMs));
        }
        return ms;
    }

    static double wrap(double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return l == -180 && lon > 0 ? 180 : l;
    }

    /**
     * AA: a box 30..50N 100..120E (the "restricted" test country). BB: two island boxes. FJ: a box
     * across the antimeridian. PN: the cap north of 80N. SEA: a box south of AA.
     */
    static final Jurisdictions WORLD = Jurisdictions.of(List.of(
            Jurisdiction.fromRings("AA", "Box", List.of(box(30, 100, 50, 120))),
            Jurisdiction.fromRings("BB", "Islands", List.of(box(-10, 0, -5, 5), box(-10, 10, -5, 15))),
            Jurisdiction.fromRings("FJ", "Antimeridian", List.of(box(-20, 175, -10, -175))),
            Jurisdiction.fromRings("PN", "Polar", List.of(polarCap(80))),
            Jurisdiction.fromRings("SE", "South", List.of(box(0, 100, 20, 120)))));

    static List<GeoPosition> polarCap(double lat) {
        List<GeoPosition> ring = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            ring.add(GeoPosition.ofDegrees(lat, -180 + 5 * i));
        }
        return ring;
    }

    /** Every landmark assumed honest (F = 0): these tests are about the geometry. */
    static final Policy HONEST = Policy.DEFAULT.withToleratedLiars(0);

    static final Policy POLICY = HONEST.withRestricted(java.util.Set.of("AA"));

    /** An honest round trip: light time over the true geodesic, stretched by a factor, plus a delay. */
    static Measurement honest(String id, GeoPosition landmark, GeoPosition device, double stretch, double extraMs) {
        double km = landmark.geodesicDistanceTo(device).km();
        double ms = 2 * km / SpeedBound.C_KM_PER_MS * stretch + extraMs;
        return new Measurement(new Landmark(id, id, landmark), RoundTrip.ofMillis(Math.max(ms, 0.001)));
    }

    /** Landmarks in a ring of the given radius (degrees) around the device. */
    static List<Measurement> ringAround(GeoPosition device, double radiusDeg, int n, double stretch, double extraMs) {
        List<Measurement> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double lat = Math.max(-89.9, Math.min(89.9, device.latitudeDegrees() + radiusDeg * Math.sin(a)));
            double lon = wrap(device.longitudeDegrees() + radiusDeg * Math.cos(a));
            ms.add(honest("L" + i, GeoPosition.ofDegrees(lat, lon), device, stretch, extraMs));
        }
        return ms;
    }
}
