package dev.locus.server.notify;

import dev.locus.server.alerts.Alert;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates, lists and removes notification subscriptions; every change is in the audit log (without
 * the secret). Thread-safe.
 */
public record Subscriptions(AuditedStore store, boolean emailConfigured) {
    /** Active subscriptions at most: each alert writes one outbox row per matching one. */
    public static final int MAX_ACTIVE = 100;

    static final List<String> FIELDS =
            List.of("name", "channel", "target", "rules", "min_severity", "events", "secret");

    /**
     * Adds a subscription from request fields: {@code name}, {@code channel} (WEBHOOK or EMAIL),
     * {@code target} (URL or address), {@code rules} (comma-separated alert rules, empty for all),
     * {@code min_severity} (default WARNING), {@code events} (comma-separated steps of an alert's life
     * of OPENED, ACKNOWLEDGED and RESOLVED, default OPENED) and, for a webhook, {@code secret} (32 to 256
     * characters, the HMAC key).
     *
     * @throws InvalidInputException naming every bad field (never echoing the secret)
     */
    public Subscription create(Map<String, String> fields, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(fields, 0, problems);
        String name = reader.text("name", 100);
        Channel channel = reader.enumValue("channel", Channel.class, Channel.WEBHOOK);
        String target = reader.text("target", 500);
        Set<Alert.Rule> rules = rules(fields.getOrDefault("rules", ""), problems);
        Alert.Severity minSeverity =
                reader.optionalEnum("min_severity", Alert.Severity.class).orElse(Alert.Severity.WARNING);
        Set<AlertEvent> events = events(fields.getOrDefault("events", ""), problems);
        Optional<String> secret = Optional.ofNullable(fields.get("secret")).filter(s -> !s.isEmpty());
        reader.rejectUnknown(FIELDS);
        if (problems.stream()
                .noneMatch(p -> p.field().equals("target") || p.field().equals("channel"))) {
            Targets.check(channel, target, emailConfigured).ifPresent(m -> reader.problem("target", m));
        }
        if (channel == Channel.WEBHOOK
                && (secret.isEmpty()
                        || secret.get().length() < 32
                        || secret.get().length() > 256)) {
            problems.add(new FieldProblem(
                    0, "secret", "", "is required for a webhook: 32 to 256 characters, the HMAC-SHA256 key"));
        }
        if (channel == Channel.EMAIL && secret.isPresent()) {
            problems.add(new FieldProblem(0, "secret", "", "is only for webhooks"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return store.db().inTransaction(c -> {
            if (activeCount(c) >= MAX_ACTIVE) {
                throw new InvalidInputException(List.of(new FieldProblem(
                        0, "name", name, "cannot be added: " + MAX_ACTIVE + " subscriptions are active; remove one")));
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO notification_subscriptions (name, channel, target, rules, min_severity, secret,"
                            + " active, created_at, created_by, events) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setString(1, name);
                ps.setString(2, channel.name());
                ps.setString(3, target);
                ps.setString(4, rules.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                ps.setString(5, minSeverity.name());
                Sql.setOptionalString(ps, 6, secret);
                Sql.setInstant(ps, 7, store.clock().instant());
                ps.setString(8, actor);
                ps.setString(9, names(events));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", name);
            details.put("channel", channel.name());
            details.put("target", target);
            details.put("rules", rules.stream().map(Enum::name).sorted().toList());
            details.put("min_severity", minSeverity.name());
            details.put("events", events.stream().map(Enum::name).sorted().toList());
            store.audit()
                    .append(
                            c,
                            actor,
                            "notification.subscribed",
                            "notification_subscription",
                            Long.toString(id),
                            details);
            return find(c, id).orElseThrow();
        });
    }

    /** Stops a subscription; its pending deliveries are not sent. Empty when no active one has this id. */
    public Optional<Subscription> remove(long id, String actor) {
        return store.db().inTransaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE notification_subscriptions SET active = FALSE,"
                    + " removed_at = ?, removed_by = ? WHERE id = ? AND active")) {
                Sql.setInstant(ps, 1, store.clock().instant());
                ps.setString(2, actor);
                ps.setLong(3, id);
                n = ps.executeUpdate();
            }
            if (n == 0) {
                return Optional.<Subscription>empty();
            }
            store.audit()
                    .append(
                            c,
                            actor,
                            "notification.unsubscribed",
                            "notification_subscription",
                            Long.toString(id),
                            Map.of());
            return find(c, id);
        });
    }

    /** Subscriptions by id, removed ones included. */
    public Page<Subscription> page(long afterId, int limit) {
        return store.db().read(c -> {
            List<Subscription> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT * FROM notification_subscriptions WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return Page.of(out, limit, s -> Long.toString(s.id()));
        });
    }

    public Optional<Subscription> subscription(long id) {
        return store.db().read(c -> find(c, id));
    }

    /** The active subscriptions, inside the caller's transaction. */
    static List<Subscription> active(Connection c) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT * FROM notification_subscriptions WHERE active ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    /** The webhook secret of a subscription, for signing only. */
    static Optional<String> secret(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM notification_subscriptions WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static Optional<Subscription> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM notification_subscriptions WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static int activeCount(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM notification_subscriptions WHERE active");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Set<Alert.Rule> rules(String text, List<FieldProblem> problems) {
        Set<Alert.Rule> out = EnumSet.noneOf(Alert.Rule.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                out.add(Alert.Rule.valueOf(name));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(
                        0,
                        "rules",
                        part.strip(),
                        "must be comma-separated alert rules of " + Arrays.toString(Alert.Rule.values())
                                + ", or empty for every rule"));
            }
        }
        return out;
    }

    private static Set<AlertEvent> events(String text, List<FieldProblem> problems) {
        Set<AlertEvent> out = EnumSet.noneOf(AlertEvent.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                out.add(AlertEvent.valueOf(name));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(
                        0,
                        "events",
                        part.strip(),
                        "must be comma-separated alert events of " + Arrays.toString(AlertEvent.values())
                                + ", or empty for OPENED only"));
            }
        }
        return out.isEmpty() ? EnumSet.of(AlertEvent.OPENED) : out;
    }

    private static String names(Set<AlertEvent> events) {
        return events.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        String rules = rs.getString("rules");
        Set<Alert.Rule> ruleSet = EnumSet.noneOf(Alert.Rule.class);
        for (String r : rules.split(",")) {
            if (!r.isBlank()) {
                ruleSet.add(Alert.Rule.valueOf(r.strip()));
            }
        }
        return new Subscription(
                rs.getLong("id"),
                rs.getString("name"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("target"),
                ruleSet,
                Alert.Severity.valueOf(rs.getString("min_severity")),
                Arrays.stream(rs.getString("events").split(","))
                        .map(e -> AlertEvent.valueOf(e.strip()))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(AlertEvent.class))),
                rs.getBoolean("active"),
                Sql.getInstant(rs, "created_at"),
                rs.getString("created_by"),
                Sql.getOptionalInstant(rs, "removed_at"),
                Sql.getOptionalString(rs, "removed_by"));
    }
}
