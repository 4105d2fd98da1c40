package dev.locus.sim.latency;

import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.Landmark;

/**
 * A server of the latency data set at its published position.
 *
 * @param id identifier from {@code hosts.csv}
 * @param name city-like name
 * @param country ISO 3166-1 alpha-2 code as published
 * @param position published position (may be wrong: that is what the mesh audit is for)
 */
public record Host(String id, String name, String country, GeoPosition position) {

    /** The host acting as a landmark. */
    public Landmark asLandmark() {
        return new Landmark(id, name, position);
    }
}
