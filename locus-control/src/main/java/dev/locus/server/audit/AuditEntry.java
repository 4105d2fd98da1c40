package dev.locus.server.audit;

import java.time.Instant;

/**
 * One entry of the append-only audit log.
 *
 * @param seq position in the chain, from 1
 * @param recordedAt when it was appended (microsecond precision)
 * @param actor who did it (token name, or {@code system})
 * @param action what was done, e.g. {@code site.created}
 * @param entityType kind of thing acted on, e.g. {@code site}
 * @param entityId its identifier
 * @param detailsJson a JSON object with the details
 * @param prevHash hex SHA-256 of the previous entry (64 zeros for the first)
 * @param hash hex SHA-256 over this entry's fields and {@code prevHash}
 */
public record AuditEntry(
        long seq,
        Instant recordedAt,
        String actor,
        String action,
        String entityType,
        String entityId,
        String detailsJson,
        String prevHash,
        String hash) {

    /** This entry carrying {@code newHash}. */
    public AuditEntry withHash(String newHash) {
        return new AuditEntry(seq, recordedAt, actor, action, entityType, entityId, detailsJson, prevHash, newHash);
    }
}
