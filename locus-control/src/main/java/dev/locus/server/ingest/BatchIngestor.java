package dev.locus.server.ingest;

import dev.locus.server.auth.Principal;
import dev.locus.server.persistence.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The steps both ingestion paths (receipts, peer round trips) take with a batch: its size checked,
 * the checks that need no database made first, then one transaction that checks the rest and stores
 * every submission with its outcome, retried when a concurrent batch got in the way, and last what
 * follows a commit. Thread-safe when the subclass is.
 *
 * @param <S> a submission
 * @param <B> what the transaction stored, as the subclass acts on it after the commit
 */
public abstract class BatchIngestor<S, B> {
    /** Attempts at a batch's transaction. */
    private static final int MAX_ATTEMPTS = 3;

    private final Database db;
    private final IngestPolicy policy;
    private final InstantSource clock;
    private final Kind kind;

    /**
     * What is ingested, for messages.
     *
     * @param plural e.g. {@code receipts}, in the batch size check
     * @param batch e.g. {@code receipt batch}, when the transaction keeps colliding
     * @param retryable which failures of the transaction a new attempt may not meet again
     */
    public record Kind(String plural, String batch, Predicate<SQLException> retryable) {}

    protected BatchIngestor(Database db, IngestPolicy policy, InstantSource clock, Kind kind) {
        this.db = db;
        this.policy = policy;
        this.clock = clock;
        this.kind = kind;
    }

    /** The live policy. */
    public IngestPolicy policy() {
        return policy;
    }

    /** As {@link #ingest(List, Principal, IngestPolicy)} under the live policy. */
    public List<IngestResult> ingest(List<S> batch, Principal submitter) {
        return ingest(batch, submitter, policy);
    }

    /**
     * Checks and stores a batch under {@code policy} (another than the live one for bulk files of
     * older submissions); results are in submission order.
     *
     * @throws IllegalArgumentException when the batch is empty or larger than {@link IngestPolicy#MAX_BATCH}
     */
    public List<IngestResult> ingest(List<S> batch, Principal submitter, IngestPolicy policy) {
        IngestPolicy.requireBatchSize(batch.size(), kind.plural());
        Instant now = clock.instant();
        List<Optional<Rejection>> early = batch.stream()
                .map(s -> statelessCheck(s, submitter, policy, now))
                .toList();
        B stored = db.inTransactionRetrying(
                MAX_ATTEMPTS, kind.retryable(), kind.batch(), c -> store(c, batch, early, submitter, now));
        return committed(stored);
    }

    /** A rejection, as the checks return it. */
    protected static Optional<Rejection> reject(RejectionReason reason, String detail) {
        return Rejection.of(reason, detail);
    }

    /** The checks of one submission that need no database; the first problem found, if any. */
    protected abstract Optional<Rejection> statelessCheck(S s, Principal submitter, IngestPolicy policy, Instant now);

    /**
     * Checks the submissions {@code early} found no problem with against the database and stores
     * the batch, in one attempt at the transaction.
     *
     * @param early per submission, the problem {@link #statelessCheck} found
     * @param now when the batch was received
     */
    protected abstract B store(
            Connection c, List<S> batch, List<Optional<Rejection>> early, Principal submitter, Instant now)
            throws SQLException;

    /** Acts on a committed batch; returns its results in submission order. */
    protected abstract List<IngestResult> committed(B stored);
}
