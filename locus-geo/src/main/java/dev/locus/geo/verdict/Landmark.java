package dev.locus.geo.verdict;

import dev.locus.geo.GeoException;
import dev.locus.geo.position.GeoPosition;

/**
 * A timing server at a published position.
 *
 * @param id stable identifier, non-blank
 * @param name human-readable name (may be empty)
 * @param position published (surveyed) position
 */
public record Landmark(String id, String name, GeoPosition position) {
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
    }
}
