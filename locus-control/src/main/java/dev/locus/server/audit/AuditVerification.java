package dev.locus.server.audit;

/** Outcome of checking the audit chain end to end. */
public sealed interface AuditVerification {

    /** Every entry links to its predecessor and hashes to its stored hash; the head matches the last. */
    record Intact(long entries, String headHash) implements AuditVerification {}

    /** The first place the chain breaks, with what was expected there. */
    record Broken(long seq, String reason) implements AuditVerification {}
}
