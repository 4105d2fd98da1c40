package dev.locus.server.registry;

import dev.locus.wire.RegistryValues;
import java.time.Instant;
import java.util.Optional;

/** A step in a chip's chain of custody. */
public record CustodyEvent(
        long id,
        String chipSerial,
        RegistryValues.CustodyKind kind,
        Optional<String> siteId,
        Instant occurredAt,
        String recordedBy,
        String note) {}
