package dev.locus.wire;

import java.util.List;

/**
 * The answer to a batch of receipts ({@code POST /api/v1/receipts}) or peer round trips ({@code POST
 * /api/v1/landmark-round-trips}): how many were accepted and rejected, and one outcome per item in
 * the order sent. Every item is stored, rejected ones with their reason.
 *
 * @param accepted items accepted
 * @param rejected items rejected
 * @param results one outcome per item sent
 */
public record IngestSummary(int accepted, int rejected, List<Outcome> results) {
    public IngestSummary {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /**
     * One item's outcome.
     *
     * @param receiptId the stored row's id
     * @param status {@code ACCEPTED} or {@code REJECTED}
     * @param reason the rejection's reason code (e.g. {@code NOT_AUTHORISED}); empty when accepted
     * @param detail what was wrong, for a person; empty when accepted
     */
    public record Outcome(long receiptId, String status, String reason, String detail) {
        public Outcome {
            reason = reason == null ? "" : reason;
            detail = detail == null ? "" : detail;
        }

        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }
    }
}
