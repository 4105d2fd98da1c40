package dev.locus.sim.eval;

import dev.locus.geo.position.GeoPosition;

/**
 * A device claiming to run at a site.
 *
 * @param deviceId host id of the device
 * @param site the claimed site
 */
public record Claim(String deviceId, GeoPosition site) {}
