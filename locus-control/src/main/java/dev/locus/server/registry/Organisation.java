package dev.locus.server.registry;

import java.time.Instant;

/** A party to an export: exporter, distributor, end user or cloud operator. */
public record Organisation(String id, String name, Model.OrganisationKind kind, String country, Instant createdAt) {}
