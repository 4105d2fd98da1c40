package dev.locus.server.registry;

import dev.locus.geo.position.GeoPosition;
import java.time.Instant;

/**
 * A data centre with a surveyed position.
 *
 * @param zoneRadiusKm radius of the licensed zone around {@code position}, in km
 */
public record Site(
        String id,
        String name,
        String operatorId,
        String country,
        GeoPosition position,
        double zoneRadiusKm,
        Instant createdAt) {}
