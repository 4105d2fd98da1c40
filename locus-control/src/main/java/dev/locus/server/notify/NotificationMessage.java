package dev.locus.server.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.LocusServerException;
import dev.locus.server.alerts.Alert;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one delivery says about one alert: a JSON body for webhooks, a subject and plain text for
 * e-mail, both in plain language first, with a link to the dashboard when its address is known.
 *
 * @param deliveryId the idempotency key, the same on every attempt
 */
public record NotificationMessage(long deliveryId, String event, Alert alert, Optional<URI> link) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The message for a delivery; the link points at the chip's page or the alert queue. */
    public static NotificationMessage of(long deliveryId, String event, Alert alert, Optional<URI> dashboardUrl) {
        Optional<URI> link = dashboardUrl.map(base -> base.resolve("/#/"
                + (alert.subjectType() == Alert.SubjectType.CHIP
                        ? "chips/" + java.net.URLEncoder.encode(alert.subjectId(), StandardCharsets.UTF_8)
                        : "alerts")));
        return new NotificationMessage(deliveryId, event, alert, link);
    }

    /** One sentence on what the rule means. */
    static String meaning(Alert.Rule rule) {
        return switch (rule) {
            case OUTSIDE_ZONE -> "The chip was proven to be outside the zone its licence allows.";
            case IN_RESTRICTED -> "The chip was proven to be inside a restricted jurisdiction.";
            case UNVERIFIED -> "No measurement has proven where the chip is for longer than the policy allows.";
            case SILENT -> "The chip has stopped answering the landmarks for longer than the policy allows.";
            case MOVED -> "The chip's proven region no longer overlaps the previous one: it has moved.";
            case CLONED_IDENTITY ->
                "One chip identity answered from places too far apart for one device:"
                        + " its key may have been copied.";
            case SUSPECT_LANDMARK -> "A landmark's published position or clock is contradicted by the others.";
        };
    }

    private String subjectName() {
        return (alert.subjectType() == Alert.SubjectType.CHIP ? "chip " : "landmark ") + alert.subjectId();
    }

    /** The step this message is about; an event this version does not know reads as opened. */
    private AlertEvent step() {
        return AlertEvent.fromWireName(event).orElse(AlertEvent.OPENED);
    }

    public String subject() {
        String what = switch (step()) {
            case OPENED -> alert.severity().name();
            case ACKNOWLEDGED -> "acknowledged";
            case RESOLVED -> "resolved";
        };
        return "[Locus] " + what + ": " + alert.rule() + " for " + subjectName();
    }

    /** Who took the step, when and why, for an acknowledgement or a resolution. */
    private Optional<String> stepLine() {
        return switch (step()) {
            case OPENED -> Optional.empty();
            case ACKNOWLEDGED ->
                alert.acknowledgedAt()
                        .map(at -> "Acknowledged by " + alert.acknowledgedBy().orElse("?") + " at " + WHEN.format(at)
                                + ": " + alert.acknowledgeNote().orElse(""));
            case RESOLVED ->
                alert.resolvedAt()
                        .map(at -> "Resolved by " + alert.resolvedBy().orElse("?") + " at " + WHEN.format(at) + ": "
                                + alert.resolutionNote().orElse(""));
        };
    }

    public String plainText() {
        StringBuilder b = new StringBuilder();
        stepLine().ifPresent(l -> b.append(l).append("\n\n"));
        b.append(alert.summary()).append("\n\n");
        b.append(meaning(alert.rule())).append("\n\n");
        b.append("Severity: ").append(alert.severity()).append('\n');
        b.append("About:    ").append(subjectName()).append('\n');
        b.append("Opened:   ").append(WHEN.format(alert.openedAt())).append('\n');
        b.append("Alert:    ")
                .append(alert.id())
                .append(" (rule ")
                .append(alert.rule())
                .append(")\n");
        link.ifPresent(u -> b.append("\nOpen it in Locus: ").append(u).append('\n'));
        b.append("\nLocus delivery ")
                .append(deliveryId)
                .append(". If this delivery id reaches you twice, the second copy is a repeat.\n");
        return b.toString();
    }

    /** The webhook body: the event, the delivery id and the alert, with the same plain text. */
    public byte[] json(ObjectMapper json) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", alert.id());
        a.put("rule", alert.rule().name());
        a.put("severity", alert.severity().name());
        a.put("status", alert.status().name());
        a.put("subject_type", alert.subjectType().name());
        a.put("subject_id", alert.subjectId());
        a.put("summary", alert.summary());
        a.put("meaning", meaning(alert.rule()));
        a.put("opened_at", alert.openedAt().toString());
        alert.acknowledgedAt().ifPresent(at -> a.put("acknowledged_at", at.toString()));
        alert.acknowledgedBy().ifPresent(v -> a.put("acknowledged_by", v));
        alert.acknowledgeNote().ifPresent(v -> a.put("acknowledge_note", v));
        alert.resolvedAt().ifPresent(at -> a.put("resolved_at", at.toString()));
        alert.resolvedBy().ifPresent(v -> a.put("resolved_by", v));
        alert.resolutionNote().ifPresent(v -> a.put("resolution_note", v));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivery_id", deliveryId);
        body.put("event", event);
        body.put("alert", a);
        body.put("link", link.map(URI::toString).orElse(null));
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new LocusServerException("notification body is not serialisable: " + e.getMessage(), e);
        }
    }
}
