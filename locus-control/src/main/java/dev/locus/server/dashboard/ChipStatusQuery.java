package dev.locus.server.dashboard;

import dev.locus.server.persistence.Sql;
import dev.locus.server.verdicts.Headline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link ChipStatus} is read from the database: the joins and columns every dashboard query
 * about chips adds ({@code c} is the chips table), and how a row becomes a status. A proof is
 * stale when the chip's last accepted attestation (or, never having attested since, its latest
 * assessment) is older than the silence policy. Open alerts are read per chip through the alerts'
 * subject index; the fleet summary, which groups every chip, reads them the other way round
 * ({@link #chipsWithOpenAlerts}), from the few chips that have any. Thread-safe.
 */
final class ChipStatusQuery {
    /** The OR of the {@link ChipStatus.OpenAlert} bits of alerts {@code x}. */
    private static final String ALERT_BITS = "SUM(DISTINCT CASE x.rule"
            + " WHEN 'IN_RESTRICTED' THEN 1 WHEN 'OUTSIDE_ZONE' THEN 2 WHEN 'CLONED_IDENTITY' THEN 4"
            + " WHEN 'SILENT' THEN 8 WHEN 'MOVED' THEN 16 WHEN 'UNVERIFIED' THEN 32 ELSE 0 END)";

    /** Joins after {@code FROM chips c}. */
    static final String JOINS = " LEFT JOIN chip_verdicts v ON v.chip_serial = c.serial"
            + " LEFT JOIN chip_activity ca ON ca.chip_serial = c.serial";

    /**
     * Columns {@code verdicts}, {@code assessed_at}, {@code last_attested_at} and {@code stale} (0
     * or 1); {@code stale} takes one parameter, the instant before which a proof is stale.
     */
    static final String PROOF_COLUMNS = "v.verdicts, v.assessed_at, ca.last_measured_at AS last_attested_at,"
            + " CASE WHEN v.verdicts IS NOT NULL AND COALESCE(ca.last_measured_at, v.assessed_at) < ? THEN 1 ELSE 0 END"
            + " AS stale";

    /** {@link #PROOF_COLUMNS} and {@code open_alerts}, the chip's open alert bits. */
    static final String COLUMNS = PROOF_COLUMNS + ", COALESCE((SELECT " + ALERT_BITS + " FROM alerts x"
            + " WHERE x.subject_type = 'CHIP' AND x.subject_id = c.serial AND x.status <> 'RESOLVED'), 0)"
            + " AS open_alerts";

    private final InstantSource clock;
    private final Duration staleAfter;

    ChipStatusQuery(InstantSource clock, Duration staleAfter) {
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Sets the parameter of the stale column. */
    void bindStaleBefore(PreparedStatement ps, int index) throws SQLException {
        Sql.setInstant(ps, index, clock.instant().minus(staleAfter));
    }

    /** The status of the current row of a query that selected {@link #COLUMNS}. */
    static ChipStatus read(ResultSet rs) throws SQLException {
        return ChipStatus.of(
                Headline.of(rs.getString("verdicts")),
                rs.getInt("stale") == 1,
                ChipStatus.OpenAlert.of(rs.getInt("open_alerts")));
    }

    /** The status of the current row of a query that selected {@link #PROOF_COLUMNS} only. */
    static ChipStatus readWithoutAlerts(ResultSet rs) throws SQLException {
        return ChipStatus.of(
                Headline.of(rs.getString("verdicts")), rs.getInt("stale") == 1, ChipStatus.OpenAlert.of(0));
    }

    /** A chip with open alerts: where it is counted, and its status without and with them. */
    record Overruled(
            String siteId,
            Optional<String> licenceId,
            String operatorId,
            ChipStatus withoutAlerts,
            ChipStatus status) {}

    /**
     * Every chip with an open (unresolved) alert, found from the alerts' side: first the chips and
     * their alert bits (one grouped query over open alerts), then their proofs by primary key, 500 at
     * a time. Two plain queries, so no engine evaluates the grouped alerts once per chip.
     */
    List<Overruled> chipsWithOpenAlerts(Connection c) throws SQLException {
        Map<String, Integer> bits = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT x.subject_id, " + ALERT_BITS + " AS open_alerts"
                                + " FROM alerts x WHERE x.subject_type = 'CHIP' AND x.status <> 'RESOLVED' GROUP BY x.subject_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bits.put(rs.getString(1), rs.getInt(2));
            }
        }
        List<Overruled> out = new ArrayList<>();
        List<String> serials = new ArrayList<>(bits.keySet());
        for (int from = 0; from < serials.size(); from += 500) {
            List<String> chunk = serials.subList(from, Math.min(serials.size(), from + 500));
            try (PreparedStatement ps = c.prepareStatement("SELECT c.serial, c.declared_site_id, c.licence_id,"
                    + " s.operator_id, " + PROOF_COLUMNS + " FROM chips c JOIN sites s ON s.id = c.declared_site_id"
                    + JOINS + " WHERE c.serial IN (" + Sql.placeholders(chunk.size()) + ")")) {
                bindStaleBefore(ps, 1);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ChipStatus proof = readWithoutAlerts(rs);
                        out.add(new Overruled(
                                rs.getString("declared_site_id"),
                                Optional.ofNullable(rs.getString("licence_id")),
                                rs.getString("operator_id"),
                                proof,
                                ChipStatus.of(
                                        Headline.of(rs.getString("verdicts")),
                                        rs.getInt("stale") == 1,
                                        ChipStatus.OpenAlert.of(bits.get(rs.getString("serial"))))));
                    }
                }
            }
        }
        return out;
    }
}
