package dev.locus.server.notify;

import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox rows. Each attempt first claims its delivery in a committed transaction (the
 * attempt is counted and the delivery held for {@link RetryPolicy#claim()}, so two dispatchers
 * never send it at once and a process that dies while sending leaves it to be retried), then
 * sends, then records the attempt and either marks the delivery DELIVERED (once: only a PENDING
 * row changes) or schedules the next attempt with exponential backoff, FAILED after the last.
 * A crash between a send and its mark sends the delivery again with the same id: at least once,
 * and the id lets the receiver drop the repeat (ADR 0018). Thread-safe; meant for one thread.
 */
public record NotificationDispatcher(
        Database db,
        AlertService alerts,
        InstantSource clock,
        RetryPolicy retry,
        Map<Channel, Sender> senders,
        Optional<URI> dashboardUrl) {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    /** @param senders one per channel that can be used; a channel without one fails its attempts */
    public NotificationDispatcher {
        senders = Map.copyOf(senders);
    }

    private record Claim(Delivery delivery, Recipient recipient) {
        Subscription subscription() {
            return recipient.subscription();
        }
    }

    /**
     * Tries the deliveries due now, oldest first, at most {@code max}.
     *
     * @return how many were delivered
     */
    public int deliverDue(int max) {
        Instant now = clock.instant();
        List<Long> due = db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM notification_deliveries"
                    + " WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")) {
                Sql.setInstant(ps, 1, now);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
        int delivered = 0;
        for (long id : due) {
            if (attempt(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean attempt(long id) {
        Optional<Claim> claimed = db.inTransaction(c -> claim(c, id));
        if (claimed.isEmpty()) {
            return false; // delivered, given up or claimed by another dispatcher meanwhile
        }
        Claim k = claimed.get();
        if (!k.subscription().active()) {
            record(k, Optional.of("not sent: the subscription was removed"), true);
            return false;
        }
        Sender sender = senders.get(k.subscription().channel());
        if (sender == null) {
            record(k, Optional.of("no " + k.subscription().channel() + " sender is configured"), false);
            return false;
        }
        Optional<Alert> alert = alerts.alert(k.delivery().alertId());
        if (alert.isEmpty()) {
            record(k, Optional.of("alert " + k.delivery().alertId() + " no longer exists"), true);
            return false;
        }
        NotificationMessage message =
                NotificationMessage.of(k.delivery().id(), k.delivery().event(), alert.get(), dashboardUrl);
        try {
            sender.send(message, k.recipient());
        } catch (DeliveryFailure f) {
            LOG.info(
                    "notification delivery {} attempt {} to subscription {} failed: {}",
                    id,
                    k.delivery().attempts(),
                    k.subscription().id(),
                    f.getMessage());
            record(k, Optional.of(f.getMessage()), false);
            return false;
        }
        record(k, Optional.empty(), false);
        return true;
    }

    private Optional<Claim> claim(Connection c, long id) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("UPDATE notification_deliveries SET attempts = attempts + 1,"
                + " next_attempt_at = ? WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?")) {
            Sql.setInstant(ps, 1, now.plus(retry.claim()));
            ps.setLong(2, id);
            Sql.setInstant(ps, 3, now);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        Delivery d;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notification_deliveries WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                d = DeliveryLog.read(rs);
            }
        }
        Subscription s = Subscriptions.find(c, d.subscriptionId()).orElseThrow();
        return Optional.of(new Claim(d, new Recipient(s, Subscriptions.secret(c, s.id()))));
    }

    /** Records the attempt; {@code failure} empty means delivered. */
    private void record(Claim k, Optional<String> failure, boolean giveUp) {
        Instant now = clock.instant();
        int attempt = k.delivery().attempts();
        String detail =
                failure.map(f -> f.length() > 1000 ? f.substring(0, 1000) : f).orElse("delivered");
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_attempts (delivery_id, attempt,"
                    + " attempted_at, outcome, detail) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, k.delivery().id());
                ps.setInt(2, attempt);
                Sql.setInstant(ps, 3, now);
                ps.setString(4, failure.isEmpty() ? "DELIVERED" : "FAILED");
                ps.setString(5, detail);
                ps.executeUpdate();
            }
            if (failure.isEmpty()) {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE notification_deliveries SET status = 'DELIVERED',"
                                + " delivered_at = ?, last_error = NULL WHERE id = ? AND status = 'PENDING'")) {
                    Sql.setInstant(ps, 1, now);
                    ps.setLong(2, k.delivery().id());
                    ps.executeUpdate();
                }
            } else if (giveUp || attempt >= retry.maxAttempts()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE notification_deliveries SET status = 'FAILED',"
                        + " last_error = ? WHERE id = ? AND status = 'PENDING'")) {
                    ps.setString(1, detail);
                    ps.setLong(2, k.delivery().id());
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE notification_deliveries SET next_attempt_at = ?,"
                        + " last_error = ? WHERE id = ? AND status = 'PENDING'")) {
                    Sql.setInstant(ps, 1, now.plus(retry.delayAfter(attempt)));
                    ps.setString(2, detail);
                    ps.setLong(3, k.delivery().id());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}
