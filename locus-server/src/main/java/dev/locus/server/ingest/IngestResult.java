package dev.locus.server.ingest;

/** What became of one submitted receipt; both outcomes are stored. */
public sealed interface IngestResult {
    long receiptId();

    record Accepted(long receiptId) implements IngestResult {}

    record Rejected(long receiptId, RejectionReason reason, String detail) implements IngestResult {}
}
