package dev.locus.server.registry;

import dev.locus.geo.position.GeoPosition;
import dev.locus.server.Bytes;
import java.time.Instant;

/**
 * A timing server at a known position.
 *
 * @param publicKey its Ed25519 receipt-signing key (32 bytes, raw)
 */
public record Landmark(
        String id,
        String name,
        GeoPosition position,
        Bytes publicKey,
        Model.LandmarkStatus status,
        Instant createdAt) {}
