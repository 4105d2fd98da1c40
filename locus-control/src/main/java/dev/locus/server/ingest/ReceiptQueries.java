package dev.locus.server.ingest;

import dev.locus.server.common.Page;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.IdPages;
import dev.locus.server.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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

    public static Page<StoredReceipt> page(
            Database db, Optional<String> chipSerial, Optional<Status> status, long afterId, int limit) {
        List<IdPages.Filter> filters = new ArrayList<>();
        chipSerial.ifPresent(s -> filters.add(IdPages.Filter.equal("chip_serial", s)));
        status.ifPresent(s -> filters.add(IdPages.Filter.equal("status", s.name())));
        return db.read(c -> IdPages.read(
                c,
                "SELECT id, landmark_id, chip_serial, rtt_min_nanos, rtt_samples_nanos, measured_at, received_at,"
                        + " protocol_version, status, rejection_reason, rejection_detail, submitted_by FROM receipts",
                filters,
                afterId,
                limit,
                ReceiptQueries::read,
                StoredReceipt::id));
    }

    static StoredReceipt read(ResultSet rs) throws SQLException {
        String samples = rs.getString("rtt_samples_nanos");
        return new StoredReceipt(
                rs.getLong("id"),
                rs.getString("landmark_id"),
                rs.getString("chip_serial"),
                rs.getLong("rtt_min_nanos"),
                samples.isEmpty()
                        ? List.of()
                        : Arrays.stream(samples.split(",")).map(Long::valueOf).toList(),
                Sql.getInstant(rs, "measured_at"),
                Sql.getInstant(rs, "received_at"),
                rs.getInt("protocol_version"),
                Status.valueOf(rs.getString("status")),
                Sql.getOptionalString(rs, "rejection_reason").map(RejectionReason::valueOf),
                Sql.getOptionalString(rs, "rejection_detail"),
                rs.getString("submitted_by"));
    }
}
