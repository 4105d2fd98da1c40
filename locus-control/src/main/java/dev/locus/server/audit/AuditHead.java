package dev.locus.server.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * The audit log's head: the last entry's sequence number and hash, and when that entry was
 * recorded. Publishing it somewhere the database's operators cannot rewrite (a ticket, a signed
 * email) anchors every entry up to it: a rewritten chain cannot end in the same hash.
 *
 * @param seq sequence number of the last entry; 0 when the log is empty
 * @param hash hex SHA-256 of the last entry ({@link AuditChain#GENESIS} when the log is empty)
 * @param recordedAt when the last entry was recorded; empty when the log is empty
 */
public record AuditHead(long seq, String hash, Optional<Instant> recordedAt) {
    public AuditHead {
        if (seq < 0) {
            throw new IllegalArgumentException("audit head seq must be >= 0, got " + seq);
        }
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("audit head hash must be 64 lower-case hex digits, got '" + hash + "'");
        }
    }
}
