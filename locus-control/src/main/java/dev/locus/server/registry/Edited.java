package dev.locus.server.registry;

/**
 * A registry record as an edit left it.
 *
 * @param record the record as stored now
 * @param version its version, for the next edit's {@code If-Match}
 */
public record Edited<T>(T record, String version) {}
