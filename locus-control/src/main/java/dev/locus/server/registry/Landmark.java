package dev.locus.server.registry;

import dev.locus.geo.position.GeoPosition;
import dev.locus.server.Bytes;
import dev.locus.wire.RegistryValues;
import java.time.Instant;

/**
 * A timing server at a known position.
 *
 * @param publicKey its Ed25519 receipt-signing key (32 bytes, raw)
 * @param operator its trust domain: landmarks of one operator count as one when verdicts tolerate
 *     lying landmarks (default: its own id, i.e. independent)
 * @param positionUncertaintyKm how far its true position may be from the registered one (0..1000)
 */
public record Landmark(
        String id,
        String name,
        GeoPosition position,
        Bytes publicKey,
        RegistryValues.LandmarkStatus status,
        Instant createdAt,
        String operator,
        double positionUncertaintyKm) {

    /** An independent landmark (its own operator) with an exactly known position. */
    public Landmark(
            String id,
            String name,
            GeoPosition position,
            Bytes publicKey,
            RegistryValues.LandmarkStatus status,
            Instant createdAt) {
        this(id, name, position, publicKey, status, createdAt, id, 0);
    }

    /** The landmark as the geo core sees it. */
    public dev.locus.geo.verdict.Landmark asGeoLandmark() {
        return new dev.locus.geo.verdict.Landmark(
                id, name, position, operator, dev.locus.geo.position.Distance.ofKm(positionUncertaintyKm));
    }
}
