package dev.locus.server.ingest;

import dev.locus.server.common.Page;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.IdPages;
import dev.locus.server.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reading stored receipts. */
public final class ReceiptQueries {
    private ReceiptQueries() {}

    public enum Status {
        ACCEPTED,
        REJECTED
    }

    /**
     * A stored receipt with its outcome.
     *
     * @param rejectionReason empty when accepted
     */
    public record StoredReceipt(
            long id,
            String landmarkId,
            String chipSerial,
            long rttMinNanos,
            List<Long> rttSamplesNanos,
            Instant measuredAt,
            Instant receivedAt,
            int protocolVersion,
            Status status,
            Optional<RejectionReason> rejectionReason,
            Optional<String> rejectionDetail,
            String submittedBy) {}

    static StoredReceipt read(ResultSet rs) throws SQLException {
        String samples = rs.getString("rtt_samples_nanos");
        StoredOutcome outcome = StoredOutcome.read(rs);
        return new StoredReceipt(
                rs.getLong("id"),
                rs.getString("landmark_id"),
                rs.getString("chip_serial"),
                rs.getLong("rtt_min_nanos"),
                samples.isEmpty()
                        ? List.of()
                        : Arrays.stream(samples.split(",")).map(Long::valueOf).toList(),
                Sql.getInstant(rs, "measured_at"),
                outcome.receivedAt(),
                rs.getInt("protocol_version"),
                outcome.status(Status.class),
                outcome.rejectionReason(),
                outcome.rejectionDetail(),
                outcome.submittedBy());
    }

    public static Page<StoredReceipt> page(
            Database db, Optional<String> chipSerial, Optional<Status> status, long afterId, int limit) {
        return StoredOutcome.page(
                db,
                "SELECT id, landmark_id, chip_serial, rtt_min_nanos, rtt_samples_nanos, measured_at, protocol_version, "
                        + StoredOutcome.COLUMNS + " FROM receipts",
                chipSerial.map(s -> IdPages.Filter.equal("chip_serial", s)).stream()
                        .toList(),
                status,
                afterId,
                limit,
                ReceiptQueries::read,
                StoredReceipt::id);
    }
}
