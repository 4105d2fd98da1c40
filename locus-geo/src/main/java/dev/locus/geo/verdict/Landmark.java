package dev.locus.geo.verdict;

import dev.locus.geo.GeoException;
import dev.locus.geo.position.Distance;
import dev.locus.geo.position.GeoPosition;

/**
 * A timing server at a published position.
 *
 * @param id stable identifier, non-blank
 * @param name human-readable name (may be empty)
 * @param position published (surveyed) position
 * @param operator trust domain, non-blank: landmarks of one operator count as one when verdicts
 *     tolerate lying landmarks (a single operator could move all its boxes at once)
 * @param positionUncertainty how far the true position may be from the published one; enlarges
 *     every disc the landmark measures (0 to 1,000 km)
 */
public record Landmark(String id, String name, GeoPosition position, String operator, Distance positionUncertainty) {

    /** Most position uncertainty a landmark may carry: beyond it, it bounds almost nothing. */
    public static final double MAX_POSITION_UNCERTAINTY_KM = 1000;

    public Landmark {
        if (id == null || id.isBlank()) {
            throw new GeoException("landmark id must not be blank");
        }
        if (name == null) {
            throw new GeoException("landmark name must not be null (use \"\")");
        }
        if (position == null) {
            throw new GeoException("landmark " + id + " needs a position");
        }
        if (operator == null || operator.isBlank()) {
            throw new GeoException("landmark " + id + " needs a non-blank operator (its own id when independent)");
        }
        if (positionUncertainty == null || positionUncertainty.km() > MAX_POSITION_UNCERTAINTY_KM) {
            throw new GeoException("landmark " + id + " position uncertainty must be 0.."
                    + (int) MAX_POSITION_UNCERTAINTY_KM + " km, got " + positionUncertainty);
        }
    }

    /** An independent landmark (its own operator) with an exactly known position. */
    public Landmark(String id, String name, GeoPosition position) {
        this(id, name, position, id, Distance.ZERO);
    }

    public Landmark withOperator(String op) {
        return new Landmark(id, name, position, op, positionUncertainty);
    }

    public Landmark withPosition(GeoPosition p) {
        return new Landmark(id, name, p, operator, positionUncertainty);
    }
}
