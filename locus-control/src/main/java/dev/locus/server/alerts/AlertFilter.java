package dev.locus.server.alerts;

import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.persistence.Sql;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which alerts an officer is looking at: statuses, severity, rule, the chip, its site, licence or
 * organisation (the site's operator, the licence's exporter or end user), the assignee, when it
 * was opened, and a case-insensitive substring of the subject or summary. Read from query
 * parameters (the same names in the API, the dashboard and saved views) and turned into SQL
 * conditions over {@code alerts} aliased {@code a}.
 */
public record AlertFilter(
        Set<Alert.Status> statuses,
        Optional<Alert.Severity> severity,
        Optional<Alert.Rule> rule,
        Optional<String> chipSerial,
        Optional<String> site,
        Optional<String> licence,
        Optional<String> organisation,
        Optional<String> assignee,
        Optional<Instant> openedFrom,
        Optional<Instant> openedTo,
        Optional<String> text) {

    /** The query parameters read, in the order a saved view writes them. */
    public static final List<String> PARAMETERS = List.of(
            "status",
            "severity",
            "rule",
            "chip_serial",
            "site",
            "licence",
            "organisation",
            "assignee",
            "opened_from",
            "opened_to",
            "q");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@ -]{0,99}");

    public AlertFilter {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** Every alert. */
    public static AlertFilter all() {
        return new AlertFilter(
                Set.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * Reads the filter from named parameters ({@code status} is a comma-separated list, or {@code
     * ALL}; times are ISO-8601 instants; {@code q} at most 100 characters).
     *
     * @throws InvalidInputException naming every bad parameter
     */
    public static AlertFilter parse(Function<String, String> param) {
        List<FieldProblem> problems = new ArrayList<>();
        Function<String, Optional<String>> get = name ->
                Optional.ofNullable(param.apply(name)).map(String::strip).filter(s -> !s.isEmpty());
        Set<Alert.Status> statuses = EnumSet.noneOf(Alert.Status.class);
        for (String s : get.apply("status").orElse("").split(",")) {
            String v = s.strip().toUpperCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            if (v.equals("ALL")) {
                statuses.clear();
                break;
            }
            constant("status", v, Alert.Status.class, problems).ifPresent(statuses::add);
        }
        AlertFilter f = new AlertFilter(
                statuses,
                get.apply("severity").flatMap(v -> constant("severity", v, Alert.Severity.class, problems)),
                get.apply("rule").flatMap(v -> constant("rule", v, Alert.Rule.class, problems)),
                id(get, "chip_serial", problems),
                id(get, "site", problems),
                id(get, "licence", problems),
                id(get, "organisation", problems),
                id(get, "assignee", problems),
                instant(get, "opened_from", problems),
                instant(get, "opened_to", problems),
                get.apply("q").filter(q -> {
                    if (q.length() > 100) {
                        problems.add(new FieldProblem(0, "q", q, "must be at most 100 characters"));
                        return false;
                    }
                    return true;
                }));
        if (f.openedFrom().isPresent()
                && f.openedTo().isPresent()
                && f.openedTo().get().isBefore(f.openedFrom().get())) {
            problems.add(
                    new FieldProblem(0, "opened_to", f.openedTo().get().toString(), "must not be before opened_from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return f;
    }

    /** The parameters that give this filter back through {@link #parse}, e.g. for a saved view. */
    public Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            m.put("status", statuses.stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        }
        severity.ifPresent(v -> m.put("severity", v.name()));
        rule.ifPresent(v -> m.put("rule", v.name()));
        chipSerial.ifPresent(v -> m.put("chip_serial", v));
        site.ifPresent(v -> m.put("site", v));
        licence.ifPresent(v -> m.put("licence", v));
        organisation.ifPresent(v -> m.put("organisation", v));
        assignee.ifPresent(v -> m.put("assignee", v));
        openedFrom.ifPresent(v -> m.put("opened_from", v.toString()));
        openedTo.ifPresent(v -> m.put("opened_to", v.toString()));
        text.ifPresent(v -> m.put("q", v));
        return m;
    }

    /** {@link #parameters()} as a URL query string without the {@code ?}. */
    public String query() {
        return parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** SQL conditions, each starting with {@code AND}, over {@code alerts a}; values bound by {@link #bind}. */
    public String conditions() {
        StringBuilder w = new StringBuilder();
        if (!statuses.isEmpty()) {
            w.append(" AND a.status IN (")
                    .append(Sql.placeholders(statuses.size()))
                    .append(")");
        }
        severity.ifPresent(v -> w.append(" AND a.severity = ?"));
        rule.ifPresent(v -> w.append(" AND a.rule = ?"));
        chipSerial.ifPresent(v -> w.append(" AND a.subject_type = 'CHIP' AND a.subject_id = ?"));
        site.ifPresent(v -> w.append(" AND a.subject_type = 'CHIP' AND a.subject_id IN"
                + " (SELECT serial FROM chips WHERE declared_site_id = ?)"));
        licence.ifPresent(v -> w.append(
                " AND a.subject_type = 'CHIP' AND a.subject_id IN (SELECT serial FROM chips WHERE licence_id = ?)"));
        organisation.ifPresent(v -> w.append(" AND a.subject_type = 'CHIP' AND a.subject_id IN (SELECT c.serial"
                + " FROM chips c JOIN sites s ON s.id = c.declared_site_id LEFT JOIN licences l ON l.id = c.licence_id"
                + " WHERE s.operator_id = ? OR l.exporter_id = ? OR l.end_user_id = ?)"));
        assignee.ifPresent(v -> w.append(" AND a.assignee = ?"));
        openedFrom.ifPresent(v -> w.append(" AND a.opened_at >= ?"));
        openedTo.ifPresent(v -> w.append(" AND a.opened_at < ?"));
        text.ifPresent(
                v -> w.append(" AND (LOWER(a.subject_id) LIKE ? ESCAPE '!' OR LOWER(a.summary) LIKE ? ESCAPE '!')"));
        return w.toString();
    }

    /**
     * Binds the values of {@link #conditions()} from parameter {@code first} on.
     *
     * @return the next free parameter index
     */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Alert.Status s : statuses.stream().sorted().toList()) {
            ps.setString(i++, s.name());
        }
        if (severity.isPresent()) {
            ps.setString(i++, severity.get().name());
        }
        if (rule.isPresent()) {
            ps.setString(i++, rule.get().name());
        }
        for (Optional<String> v : List.of(chipSerial, site, licence)) {
            if (v.isPresent()) {
                ps.setString(i++, v.get());
            }
        }
        if (organisation.isPresent()) {
            for (int k = 0; k < 3; k++) {
                ps.setString(i++, organisation.get());
            }
        }
        if (assignee.isPresent()) {
            ps.setString(i++, assignee.get());
        }
        if (openedFrom.isPresent()) {
            Sql.setInstant(ps, i++, openedFrom.get());
        }
        if (openedTo.isPresent()) {
            Sql.setInstant(ps, i++, openedTo.get());
        }
        if (text.isPresent()) {
            String like = "%"
                    + text.get()
                            .toLowerCase(Locale.ROOT)
                            .replace("!", "!!")
                            .replace("%", "!%")
                            .replace("_", "!_")
                    + "%";
            ps.setString(i++, like);
            ps.setString(i++, like);
        }
        return i;
    }

    private static <E extends Enum<E>> Optional<E> constant(
            String name, String v, Class<E> type, List<FieldProblem> problems) {
        try {
            return Optional.of(Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(0, name, v, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return Optional.empty();
        }
    }

    private static Optional<String> id(
            Function<String, Optional<String>> get, String name, List<FieldProblem> problems) {
        return get.apply(name).filter(v -> {
            if (!ID.matcher(v).matches()) {
                problems.add(new FieldProblem(
                        0,
                        name,
                        v,
                        "must be 1 to 100 letters, digits or . _ : @ - and spaces, starting with a letter"
                                + " or digit"));
                return false;
            }
            return true;
        });
    }

    private static Optional<Instant> instant(
            Function<String, Optional<String>> get, String name, List<FieldProblem> problems) {
        return get.apply(name).flatMap(v -> {
            try {
                return Optional.of(Instant.parse(v));
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(0, name, v, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z"));
                return Optional.empty();
            }
        });
    }
}
