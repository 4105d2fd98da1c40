package dev.locus.server.notify;

import dev.locus.server.common.Page;
import dev.locus.server.persistence.Database;
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
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT * FROM notification_deliveries WHERE id > ?");
            status.ifPresent(s -> sql.append(" AND status = ?"));
            alertId.ifPresent(a -> sql.append(" AND alert_id = ?"));
            subscriptionId.ifPresent(s -> sql.append(" AND subscription_id = ?"));
            sql.append(" ORDER BY id LIMIT ?");
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setLong(i++, afterId);
                if (status.isPresent()) {
                    ps.setString(i++, status.get().name());
                }
                if (alertId.isPresent()) {
                    ps.setLong(i++, alertId.get());
                }
                if (subscriptionId.isPresent()) {
                    ps.setLong(i++, subscriptionId.get());
                }
                ps.setInt(i, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return Page.of(out, limit, d -> Long.toString(d.id()));
        });
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
        return db.read(c -> {
            List<DeliveryAttempt> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM notification_attempts WHERE delivery_id = ?" + " ORDER BY attempt, id LIMIT 200")) {
                ps.setLong(1, deliveryId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeliveryAttempt(
                                rs.getLong("delivery_id"),
                                rs.getInt("attempt"),
                                Sql.getInstant(rs, "attempted_at"),
                                DeliveryAttempt.Outcome.valueOf(rs.getString("outcome")),
                                rs.getString("detail")));
                    }
                }
            }
            return out;
        });
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
