package dev.locus.server.ingest;

/**
 * What became of one submitted receipt. Accepted receipts are stored; a rejected one is counted and
 * stored when sampled ({@code receiptId} is then its row, else 0).
 */
public sealed interface IngestResult {
    long receiptId();

    record Accepted(long receiptId) implements IngestResult {}

    record Rejected(long receiptId, RejectionReason reason, String detail) implements IngestResult {
        /** True when the rejected receipt was stored as a row (it is counted either way). */
        public boolean stored() {
            return receiptId > 0;
        }
    }
}
