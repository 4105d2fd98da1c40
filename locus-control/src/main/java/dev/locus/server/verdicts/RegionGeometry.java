package dev.locus.server.verdicts;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2Point;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.region.Disc;
import dev.locus.geo.region.RegionOutline;
import dev.locus.server.registry.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Display outlines for a feasible region: each of the geo core's discs (S2 caps, as the verdict
 * used them) as a sampled circle, the intersection as the boundary points of every disc that lie in
 * all the others ordered around their centre, and a licensed zone as a circle of its radius on a
 * sphere of mean Earth radius. These outlines are drawn for people; the verdict itself is decided
 * exactly by the geo core from the discs and never from these polygons.
 *
 * <p>Longitudes are unwrapped along each ring (they may leave [-180, 180]) so rings that cross the
 * antimeridian draw as one shape; a ring around a pole is closed through the pole. Stateless.
 */
public final class RegionGeometry {
    /** Mean Earth radius (IUGG), in km. */
    static final double EARTH_RADIUS_KM = 6371.0088;
    /** Boundary samples per disc: every half degree of bearing. */
    static final int SAMPLES = 720;

    /** A disc: centre in degrees, radius in km. */
    public record DiscKm(double latitudeDeg, double longitudeDeg, double radiusKm) {
        double angleRadians() {
            return radiusKm / EARTH_RADIUS_KM;
        }

        double[] unit() {
            return RegionGeometry.unit(latitudeDeg, longitudeDeg);
        }
    }

    private RegionGeometry() {}

    /**
     * The bounding discs named in a stored verdict's {@code evidence}, with the speed bound of its
     * policy (light in fibre when it names none).
     */
    public static List<Disc> boundingDiscs(JsonNode evidence) {
        return EvidenceJson.readDiscs(evidence.path("bounding_discs"), evidence.path("policy"));
    }

    /** The outline of {@code site}'s licensed zone. */
    public static List<double[]> licensedZone(Site site) {
        return circle(
                new DiscKm(site.position().latitudeDegrees(), site.position().longitudeDegrees(), site.zoneRadiusKm()));
    }

    /** A closed ring of [longitude, latitude] pairs in degrees around the disc. */
    public static List<double[]> circle(DiscKm d) {
        List<double[]> ring = new ArrayList<>(SAMPLES + 3);
        for (int i = 0; i <= SAMPLES; i++) {
            ring.add(destination(d, 360.0 * i / SAMPLES));
        }
        return closeAroundPole(unwrap(ring), d.latitudeDeg());
    }

    /** A closed ring of [longitude, latitude] pairs in degrees around a geo-core disc's cap. */
    public static List<double[]> circle(S2Cap cap) {
        List<double[]> ring = new ArrayList<>(SAMPLES + 3);
        for (S2Point p : RegionOutline.circle(cap, SAMPLES)) {
            ring.add(lonLat(new double[] {p.getX(), p.getY(), p.getZ()}));
        }
        return closeAroundPole(unwrap(ring), GeoPosition.of(cap.axis()).latitudeDegrees());
    }

    /**
     * The outline of the intersection of the caps (the geo core's discs, exactly as the verdict
     * used them), or empty when they do not all meet, when none is given, or when a cap is wider
     * than a hemisphere (the intersection may then not be convex and is left to the discs).
     */
    public static Optional<List<double[]>> intersection(List<S2Cap> caps) {
        if (caps.isEmpty() || caps.stream().anyMatch(c -> c.angle().radians() >= Math.PI / 2)) {
            return Optional.empty();
        }
        if (caps.size() == 1) {
            return Optional.of(circle(caps.get(0)));
        }
        List<double[]> inside = new ArrayList<>();
        for (S2Cap cap : caps) {
            List<S2Point> boundary = RegionOutline.circle(cap, SAMPLES);
            for (S2Point p : boundary.subList(0, SAMPLES)) {
                boolean inAll = true;
                for (S2Cap other : caps) {
                    if (other != cap && other.axis().angle(p) > other.angle().radians() + 1e-9) {
                        inAll = false;
                        break;
                    }
                }
                if (inAll) {
                    inside.add(new double[] {p.getX(), p.getY(), p.getZ()});
                }
            }
        }
        if (inside.size() < 3) {
            return Optional.empty();
        }
        double[] c = new double[3];
        for (double[] u : inside) {
            c[0] += u[0];
            c[1] += u[1];
            c[2] += u[2];
        }
        double norm = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        if (norm < 1e-12) {
            return Optional.empty();
        }
        double[] centre = {c[0] / norm, c[1] / norm, c[2] / norm};
        // a tangent frame at the centre orders boundary points by bearing
        double[] east = normalise(cross(new double[] {0, 0, 1}, centre));
        if (east == null) {
            east = new double[] {0, 1, 0};
        }
        double[] north = cross(centre, east);
        double[] e = east;
        inside.sort(Comparator.comparingDouble(u -> Math.atan2(dot(u, north), dot(u, e))));
        List<double[]> ring = new ArrayList<>();
        for (double[] u : inside) {
            ring.add(lonLat(u));
        }
        ring.add(ring.get(0).clone());
        double centreLat = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, centre[2]))));
        return Optional.of(closeAroundPole(unwrap(ring), centreLat));
    }

    /** The point {@code d.radiusKm} from the centre at the bearing, as [longitude, latitude] degrees. */
    public static double[] destination(DiscKm d, double bearingDeg) {
        double phi1 = Math.toRadians(d.latitudeDeg());
        double lambda1 = Math.toRadians(d.longitudeDeg());
        double delta = d.angleRadians();
        double theta = Math.toRadians(bearingDeg);
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = lambda1
                + Math.atan2(
                        Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                        Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        return new double[] {Math.toDegrees(lambda2), Math.toDegrees(phi2)};
    }

    private static List<double[]> unwrap(List<double[]> ring) {
        List<double[]> out = new ArrayList<>(ring.size() + 2);
        double prev = Double.NaN;
        for (double[] p : ring) {
            double lon = p[0];
            if (!Double.isNaN(prev)) {
                while (lon - prev > 180) {
                    lon -= 360;
                }
                while (lon - prev < -180) {
                    lon += 360;
                }
            }
            out.add(new double[] {lon, p[1]});
            prev = lon;
        }
        return out;
    }

    /** A ring that winds once around a pole ends 360° from where it began: close it via the pole. */
    private static List<double[]> closeAroundPole(List<double[]> ring, double centreLatDeg) {
        double[] first = ring.get(0);
        double[] last = ring.get(ring.size() - 1);
        if (Math.abs(last[0] - first[0]) < 180) {
            return ring;
        }
        double pole = centreLatDeg >= 0 ? 90 : -90;
        List<double[]> out = new ArrayList<>(ring);
        out.add(new double[] {last[0], pole});
        out.add(new double[] {first[0], pole});
        out.add(first.clone());
        return out;
    }

    static double[] unit(double latDeg, double lonDeg) {
        double phi = Math.toRadians(latDeg);
        double lambda = Math.toRadians(lonDeg);
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }

    private static double[] lonLat(double[] u) {
        return new double[] {
            Math.toDegrees(Math.atan2(u[1], u[0])), Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, u[2]))))
        };
    }

    static double angle(double[] a, double[] b) {
        double[] x = cross(a, b);
        return Math.atan2(Math.sqrt(dot(x, x)), dot(a, b));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        return n < 1e-12 ? null : new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
