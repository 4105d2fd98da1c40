package dev.locus.wire;

/**
 * The body of {@code POST /api/v1/alerts/{id}/acknowledge} and {@code .../resolve}.
 *
 * @param note why, for the audit log (1-2000 characters)
 */
public record AlertNote(String note) {}
