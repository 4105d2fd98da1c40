package dev.locus.server.notify;

import dev.locus.server.alerts.Alert;
import java.util.Locale;
import java.util.Optional;

/** A step in an alert's life that a subscription can ask to hear of. */
public enum AlertEvent {
    /** The alert was opened (the default: what every subscription hears unless told otherwise). */
    OPENED,
    /** A person acknowledged it. */
    ACKNOWLEDGED,
    /** A person or the rule that raised it resolved it. */
    RESOLVED;

    /** The name a delivery and a webhook body carry, e.g. {@code alert.resolved}. */
    public String wireName() {
        return "alert." + name().toLowerCase(Locale.ROOT);
    }

    /** The event that moved an alert into {@code status}. */
    public static AlertEvent of(Alert.Status status) {
        return switch (status) {
            case OPEN -> OPENED;
            case ACKNOWLEDGED -> ACKNOWLEDGED;
            case RESOLVED -> RESOLVED;
        };
    }

    /** The event of a delivery's stored name, empty for one this version does not know. */
    public static Optional<AlertEvent> fromWireName(String wire) {
        for (AlertEvent e : values()) {
            if (e.wireName().equals(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
