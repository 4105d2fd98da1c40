package dev.locus.server.notify;

import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Writes one pending delivery per matching active subscription inside the transaction that opens,
 * acknowledges or resolves an alert: the deliveries exist exactly when the step does, whatever
 * happens to the process after the commit. Thread-safe.
 */
public final class NotificationOutbox implements AlertService.RaiseHook, AlertService.StatusHook {
    /** The event of a delivery about a newly opened alert. */
    public static final String OPENED = AlertEvent.OPENED.wireName();

    private final InstantSource clock;

    public NotificationOutbox(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public void raised(Connection c, Alert alert) throws SQLException {
        write(c, alert, AlertEvent.OPENED);
    }

    @Override
    public void changed(Connection c, Alert alert) throws SQLException {
        write(c, alert, AlertEvent.of(alert.status()));
    }

    private void write(Connection c, Alert alert, AlertEvent event) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_deliveries (subscription_id, alert_id,"
                + " event, status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)")) {
            int rows = 0;
            for (Subscription s : Subscriptions.active(c)) {
                if (!s.hears(alert, event)) {
                    continue;
                }
                ps.setLong(1, s.id());
                ps.setLong(2, alert.id());
                ps.setString(3, event.wireName());
                Sql.setInstant(ps, 4, now);
                Sql.setInstant(ps, 5, now);
                ps.addBatch();
                rows++;
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }
}
