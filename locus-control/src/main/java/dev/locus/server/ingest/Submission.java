package dev.locus.server.ingest;

import java.util.Optional;

/**
 * A receipt as submitted, with any problem found while decoding it. A malformed submission is
 * still stored (with what could be read) and rejected as {@link RejectionReason#MALFORMED}.
 */
public record Submission(Receipt receipt, Optional<String> malformed) {
    public static Submission of(Receipt receipt) {
        return new Submission(receipt, Optional.empty());
    }
}
