package dev.locus.server.mesh;

import dev.locus.server.common.Page;
import dev.locus.server.ingest.RejectionReason;
import dev.locus.server.ingest.StoredOutcome;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.IdPages;
import dev.locus.server.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored peer round trips, accepted and rejected, for the API. */
public final class PeerRoundTripQueries {
    private PeerRoundTripQueries() {}

    /** Outcome filter. */
    public enum Status {
        ACCEPTED,
        REJECTED
    }

    /**
     * A stored peer round trip with its outcome.
     *
     * @param rttMinNanos shortest round trip, in nanoseconds
     * @param rejectionReason empty when accepted
     */
    public record StoredRoundTrip(
            long id,
            String measuringLandmarkId,
            String measuredLandmarkId,
            long rttMinNanos,
            Instant measuredAt,
            Instant receivedAt,
            Status status,
            Optional<RejectionReason> rejectionReason,
            Optional<String> rejectionDetail,
            String submittedBy) {}

    /** Round trips by id, optionally of one landmark (either side) and one status. */
    public static Page<StoredRoundTrip> page(
            Database db, Optional<String> landmarkId, Optional<Status> status, long afterId, int limit) {
        return StoredOutcome.page(
                db,
                "SELECT id, measuring_landmark_id, measured_landmark_id, rtt_min_nanos, measured_at, "
                        + StoredOutcome.COLUMNS + " FROM landmark_round_trips",
                landmarkId.stream()
                        .map(l -> new IdPages.Filter(
                                "(measuring_landmark_id = ? OR measured_landmark_id = ?)", List.of(l, l)))
                        .toList(),
                status,
                afterId,
                limit,
                PeerRoundTripQueries::read,
                StoredRoundTrip::id);
    }

    private static StoredRoundTrip read(ResultSet rs) throws SQLException {
        StoredOutcome outcome = StoredOutcome.read(rs);
        return new StoredRoundTrip(
                rs.getLong("id"),
                rs.getString("measuring_landmark_id"),
                rs.getString("measured_landmark_id"),
                rs.getLong("rtt_min_nanos"),
                Sql.getInstant(rs, "measured_at"),
                outcome.receivedAt(),
                outcome.status(Status.class),
                outcome.rejectionReason(),
                outcome.rejectionDetail(),
                outcome.submittedBy());
    }
}
