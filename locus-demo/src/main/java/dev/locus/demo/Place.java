package dev.locus.demo;

import dev.locus.geo.position.GeoPosition;
import dev.locus.sim.latency.Host;

/**
 * Where something runs in the emulated world: one of the real servers of the latency data set,
 * whose measured round trips to the other servers give the emulated links.
 *
 * @param host the real server standing for this place
 */
record Place(Host host) {

    String name() {
        return host.name();
    }

    String country() {
        return host.country();
    }

    GeoPosition position() {
        return host.position();
    }
}
