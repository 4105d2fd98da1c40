package dev.locus.server.notify;

import dev.locus.server.alerts.Alert;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told about which alerts. The webhook secret is not part of this value (it never leaves the
 * database but to sign).
 *
 * @param target the webhook URL or the e-mail address
 * @param rules the alert rules this subscription hears; empty for every rule
 * @param minSeverity the least severity it hears
 * @param events the steps of an alert's life it hears of (opened, acknowledged, resolved); never
 *     empty
 */
public record Subscription(
        long id,
        String name,
        Channel channel,
        String target,
        Set<Alert.Rule> rules,
        Alert.Severity minSeverity,
        Set<AlertEvent> events,
        boolean active,
        Instant createdAt,
        String createdBy,
        Optional<Instant> removedAt,
        Optional<String> removedBy) {
    public Subscription {
        rules = Set.copyOf(rules);
        events = Set.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a subscription hears at least one event, got none");
        }
    }

    /** Whether an alert of this rule and severity is sent to this subscription. */
    public boolean hears(Alert.Rule rule, Alert.Severity severity) {
        return active && (rules.isEmpty() || rules.contains(rule)) && severity.compareTo(minSeverity) >= 0;
    }

    /** Whether {@code event} of {@code alert} is sent to this subscription. */
    public boolean hears(Alert alert, AlertEvent event) {
        return events.contains(event) && hears(alert.rule(), alert.severity());
    }
}
