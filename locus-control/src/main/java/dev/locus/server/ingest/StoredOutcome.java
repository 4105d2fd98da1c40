package dev.locus.server.ingest;

import dev.locus.server.auth.Principal;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.IdPages;
import dev.locus.server.persistence.RowReader;
import dev.locus.server.persistence.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What every stored submission (a receipt, a peer round trip) records about its outcome, in the
 * same columns of its table, and the one way they are written, read back and listed.
 *
 * @param receivedAt when the control plane received it
 * @param status {@code ACCEPTED} or {@code REJECTED}
 * @param rejectionReason empty when accepted
 * @param rejectionDetail empty when accepted
 * @param submittedBy the submitter's actor name
 */
public record StoredOutcome(
        Instant receivedAt,
        String status,
        Optional<RejectionReason> rejectionReason,
        Optional<String> rejectionDetail,
        String submittedBy) {

    /** The outcome columns, in the order {@link #bind} sets them. */
    public static final String COLUMNS = "received_at, status, rejection_reason, rejection_detail, submitted_by";

    /** Longest submitter name stored. */
    private static final int MAX_SUBMITTER = 100;

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * Sets the {@link #COLUMNS} of a submission received {@code now} from {@code submitter}, from
     * parameter {@code first} on.
     */
    public static void bind(
            PreparedStatement ps, int first, Instant now, Optional<Rejection> rejection, Principal submitter)
            throws SQLException {
        Sql.setInstant(ps, first, now);
        ps.setString(first + 1, rejection.isPresent() ? "REJECTED" : "ACCEPTED");
        Sql.setOptionalString(ps, first + 2, rejection.map(x -> x.reason().name()));
        Sql.setOptionalString(ps, first + 3, rejection.map(Rejection::detail));
        ps.setString(first + 4, clip(submitter.actor(), MAX_SUBMITTER));
    }

    /** Reads the {@link #COLUMNS} of a stored submission. */
    public static StoredOutcome read(ResultSet rs) throws SQLException {
        return new StoredOutcome(
                Sql.getInstant(rs, "received_at"),
                rs.getString("status"),
                Sql.getOptionalString(rs, "rejection_reason").map(RejectionReason::valueOf),
                Sql.getOptionalString(rs, "rejection_detail"),
                rs.getString("submitted_by"));
    }

    /** The outcome as the {@code status} filter of a listing names it. */
    public <S extends Enum<S>> S status(Class<S> type) {
        return Enum.valueOf(type, status);
    }

    /** The answer for a submission stored as row {@code id} (0 when it was not stored). */
    public static IngestResult result(long id, Optional<Rejection> rejection) {
        return rejection
                .<IngestResult>map(r -> new IngestResult.Rejected(id, r.reason(), r.detail()))
                .orElseGet(() -> new IngestResult.Accepted(id));
    }

    /**
     * A page of the submissions of a listing, by id: those after {@code afterId} that meet {@code
     * filters} and, when given, have {@code status}.
     *
     * @param selectFrom {@code SELECT} the submission's own columns, then the {@link #COLUMNS},
     *     {@code FROM} its table
     */
    public static <T> Page<T> page(
            Database db,
            String selectFrom,
            List<IdPages.Filter> filters,
            Optional<? extends Enum<?>> status,
            long afterId,
            int limit,
            RowReader<T> reader,
            ToLongFunction<T> id) {
        List<IdPages.Filter> all = new ArrayList<>(filters);
        status.ifPresent(s -> all.add(IdPages.Filter.equal("status", s.name())));
        return db.read(c -> IdPages.read(c, selectFrom, all, afterId, limit, reader, id));
    }

    /** {@code text}, cut to at most {@code max} characters. */
    public static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** Keeps absurd timestamps of rejected submissions within what both databases store. */
    public static Instant clamp(Instant t) {
        return t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST) ? LATEST : t;
    }
}
