package dev.locus.server.alerts;

import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Alerts counted in groups (by subject, site, licence, organisation, or a grouping another module
 * adds, such as the compliance module's party), the most critical groups first, so an officer
 * facing thousands of alerts sees which chip, site or customer they come from. Thread-safe.
 */
public final class AlertGroups {
    /**
     * One group.
     *
     * @param key the subject id, site id, licence id or organisation id; {@code "none"} for alerts
     *     without one (landmark alerts have no site)
     */
    public record Group(
            String key,
            long alerts,
            long critical,
            long warning,
            long info,
            long open,
            long acknowledged,
            Instant oldestOpenedAt) {}

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{0,31}");

    private final Database db;
    /** Grouping name to an SQL expression over {@code alerts a}, {@code chips c} and {@code sites s}. */
    private final Map<String, String> keys = new ConcurrentHashMap<>(Map.of(
            "subject", "a.subject_id",
            "site", "c.declared_site_id",
            "licence", "c.licence_id",
            "organisation", "s.operator_id"));

    public AlertGroups(Database db) {
        this.db = db;
    }

    /**
     * Adds a grouping, e.g. {@code party} from the compliance module once it maps chips to parties:
     * {@code keySql} is an SQL expression (written in code, never from a request) over {@code
     * alerts a}, {@code chips c} (the subject chip, NULL for landmarks) and {@code sites s}.
     */
    public void addGrouping(String name, String keySql) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("grouping name must be lower-case letters and _, got " + name);
        }
        keys.put(name, keySql);
    }

    /** The groupings offered, sorted. */
    public List<String> groupings() {
        return keys.keySet().stream().sorted().toList();
    }

    /**
     * The groups of the alerts matching {@code filter}, most critical alerts first, then most
     * alerts; at most {@code limit}.
     *
     * @throws InvalidInputException when {@code by} is not one of {@link #groupings()}
     */
    public List<Group> groups(String by, AlertFilter filter, int limit) {
        String key = keys.get(by);
        if (key == null) {
            throw new InvalidInputException(List.of(new FieldProblem(0, "by", by, "must be one of " + groupings())));
        }
        String k = "COALESCE(" + key + ", 'none')";
        String sql = "SELECT " + k + " AS k, COUNT(*) AS n,"
                + " SUM(CASE WHEN a.severity = 'CRITICAL' THEN 1 ELSE 0 END) AS critical,"
                + " SUM(CASE WHEN a.severity = 'WARNING' THEN 1 ELSE 0 END) AS warning,"
                + " SUM(CASE WHEN a.severity = 'INFO' THEN 1 ELSE 0 END) AS info,"
                + " SUM(CASE WHEN a.status = 'OPEN' THEN 1 ELSE 0 END) AS open_n,"
                + " SUM(CASE WHEN a.status = 'ACKNOWLEDGED' THEN 1 ELSE 0 END) AS ack_n,"
                + " MIN(a.opened_at) AS oldest"
                + " FROM alerts a LEFT JOIN chips c ON a.subject_type = 'CHIP' AND c.serial = a.subject_id"
                + " LEFT JOIN sites s ON s.id = c.declared_site_id WHERE 1 = 1" + filter.conditions()
                + " GROUP BY " + k + " ORDER BY critical DESC, n DESC, k LIMIT ?";
        return db.read(c -> Sql.query(
                c,
                sql,
                ps -> ps.setInt(filter.bind(ps, 1), limit),
                rs -> new Group(
                        rs.getString("k"),
                        rs.getLong("n"),
                        rs.getLong("critical"),
                        rs.getLong("warning"),
                        rs.getLong("info"),
                        rs.getLong("open_n"),
                        rs.getLong("ack_n"),
                        Sql.getInstant(rs, "oldest"))));
    }

    /** The groups as a response body. */
    public static Map<String, Object> body(String by, List<Group> groups) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("by", by);
        m.put("groups", groups);
        return m;
    }
}
