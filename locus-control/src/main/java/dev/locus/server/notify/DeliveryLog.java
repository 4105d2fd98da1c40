package dev.locus.server.notify;

import dev.locus.server.common.Page;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.IdPages;
import dev.locus.server.persistence.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the outbox and its attempts: the delivery log. Thread-safe. */
public final class DeliveryLog {
    private final Database db;

    public DeliveryLog(Database db) {
        this.db = db;
    }

    /** Deliveries by id, optionally of one status, alert or subscription. */
    public Page<Delivery> page(
            Optional<Delivery.Status> status,
            Optional<Long> alertId,
            Optional<Long> subscriptionId,
            long afterId,
            int limit) {
        List<IdPages.Filter> filters = new ArrayList<>();
        status.ifPresent(s -> filters.add(IdPages.Filter.equal("status", s.name())));
        alertId.ifPresent(a -> filters.add(IdPages.Filter.equal("alert_id", a)));
        subscriptionId.ifPresent(s -> filters.add(IdPages.Filter.equal("subscription_id", s)));
        return db.read(c -> IdPages.read(
                c, "SELECT * FROM notification_deliveries", filters, afterId, limit, DeliveryLog::read, Delivery::id));
    }

    public Optional<Delivery> delivery(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notification_deliveries WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Delivery>empty();
                }
            }
        });
    }

    /** Every attempt of one delivery, oldest first (at most {@link RetryPolicy#maxAttempts()}, 100). */
    public List<DeliveryAttempt> attempts(long deliveryId) {
        return db.read(c -> Sql.query(
                c,
                "SELECT * FROM notification_attempts WHERE delivery_id = ? ORDER BY attempt, id LIMIT 200",
                ps -> ps.setLong(1, deliveryId),
                DeliveryLog::attempt));
    }

    private static DeliveryAttempt attempt(ResultSet rs) throws SQLException {
        return new DeliveryAttempt(
                rs.getLong("delivery_id"),
                rs.getInt("attempt"),
                Sql.getInstant(rs, "attempted_at"),
                DeliveryAttempt.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"));
    }

    static Delivery read(ResultSet rs) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("subscription_id"),
                rs.getLong("alert_id"),
                rs.getString("event"),
                Delivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                Sql.getInstant(rs, "created_at"),
                Sql.getInstant(rs, "next_attempt_at"),
                Sql.getOptionalInstant(rs, "delivered_at"),
                Sql.getOptionalString(rs, "last_error"));
    }
}
