package dev.locus.geo.position;

import dev.locus.geo.GeoException;

/**
 * A non-negative distance in kilometres. Immutable.
 *
 * @param km the distance in kilometres, finite and >= 0
 */
public record Distance(double km) implements Comparable<Distance> {

    public static final Distance ZERO = new Distance(0);

    public Distance {
        if (!Double.isFinite(km) || km < 0) {
            throw new GeoException("distance must be a finite number of km >= 0, got " + km);
        }
    }

    public static Distance ofKm(double km) {
        return new Distance(km);
    }

    @Override
    public int compareTo(Distance o) {
        return Double.compare(km, o.km);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.1f km", km);
    }
}
