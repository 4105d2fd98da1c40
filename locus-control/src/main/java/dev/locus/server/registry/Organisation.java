package dev.locus.server.registry;

import dev.locus.wire.RegistryValues;
import java.time.Instant;

/** A party to an export: exporter, distributor, end user or cloud operator. */
public record Organisation(
        String id, String name, RegistryValues.OrganisationKind kind, String country, Instant createdAt) {}
