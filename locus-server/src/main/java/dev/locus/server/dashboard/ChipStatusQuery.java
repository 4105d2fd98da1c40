package dev.locus.server.dashboard;

import dev.locus.server.persistence.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Where {@link ChipStatus} is read from the database: the joins and columns every dashboard query
 * about chips adds ({@code c} is the chips table), and how a row becomes a status. A proof is
 * stale when the chip's last accepted attestation (or, never having attested since, its latest
 * assessment) is older than the silence policy. Thread-safe.
 */
final class ChipStatusQuery {
    /** Per chip, the OR of the {@link ChipStatus.OpenAlert} bits of its unresolved alerts. */
    private static final String OPEN_ALERTS = "(SELECT subject_id, SUM(DISTINCT CASE rule"
            + " WHEN 'IN_RESTRICTED' THEN 1 WHEN 'OUTSIDE_ZONE' THEN 2 WHEN 'CLONED_IDENTITY' THEN 4"
            + " WHEN 'SILENT' THEN 8 WHEN 'MOVED' THEN 16 WHEN 'UNVERIFIED' THEN 32 ELSE 0 END) AS open_alerts"
            + " FROM alerts WHERE subject_type = 'CHIP' AND status <> 'RESOLVED' GROUP BY subject_id)";

    /** Joins after {@code FROM chips c}. */
    static final String JOINS = " LEFT JOIN chip_verdicts v ON v.chip_serial = c.serial"
            + " LEFT JOIN chip_activity ca ON ca.chip_serial = c.serial"
            + " LEFT JOIN " + OPEN_ALERTS + " oa ON oa.subject_id = c.serial";

    /**
     * Columns {@code verdicts}, {@code assessed_at}, {@code last_attested_at}, {@code stale} (0 or 1)
     * and {@code open_alerts};
     * {@code stale} takes one parameter, the instant before which a proof is stale ({@link #staleBefore}).
     */
    static final String COLUMNS = "v.verdicts, v.assessed_at, ca.last_measured_at AS last_attested_at,"
            + " CASE WHEN v.verdicts IS NOT NULL AND COALESCE(ca.last_measured_at, v.assessed_at) < ? THEN 1 ELSE 0 END"
            + " AS stale, COALESCE(oa.open_alerts, 0) AS open_alerts";

    private final InstantSource clock;
    private final Duration staleAfter;

    ChipStatusQuery(InstantSource clock, Duration staleAfter) {
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Sets the parameter of {@link #COLUMNS}' stale column. */
    void bindStaleBefore(PreparedStatement ps, int index) throws SQLException {
        Sql.setInstant(ps, index, staleBefore());
    }

    Instant staleBefore() {
        return clock.instant().minus(staleAfter);
    }

    /** The status of the current row of a query that selected {@link #COLUMNS}. */
    static ChipStatus read(ResultSet rs) throws SQLException {
        return ChipStatus.of(
                Headline.of(rs.getString("verdicts")),
                rs.getInt("stale") == 1,
                ChipStatus.OpenAlert.of(rs.getInt("open_alerts")));
    }
}
