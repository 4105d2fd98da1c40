package dev.locus.server.dashboard;

import dev.locus.server.persistence.Sql;
import dev.locus.server.verdicts.Headline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link ChipStatus} is read from the database: the joins and columns every dashboard query
 * about chips adds ({@code c} is the chips table), and how a row becomes a status. A proof is
 * stale when the chip's last accepted attestation (or, never having attested since, its latest
 * assessment) is older than the silence policy. Open alerts are read per chip through the alerts'
 * subject index; the fleet summary, which needs every chip, reads each table once instead ({@link
 * #eachChip}). Thread-safe.
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

    /** A chip's latest verdict's headline and when the proof behind it was last renewed. */
    private record Proof(Headline latest, Instant provedAt) {}

    /** Where {@link #eachChip} reports one chip: where it is counted and its status. */
    interface ChipSink {
        void chip(String siteId, Optional<String> licenceId, ChipStatus status);
    }

    /**
     * The status of every chip, reported to {@code sink} with its declared site and licence. Each
     * table is read once, on its own, and the rows meet here: the open alerts grouped per chip,
     * every chip's latest verdict and the age of its proof (its last attestation, or without one its
     * latest assessment) into a map, then every chip. No query joins per chip: H2, the embedded
     * database, joins by one index lookup per row, which made the fleet summary take seconds at
     * 100,000 chips on a busy machine; a plain scan costs a fraction of that. Memory: one map entry
     * per chip with a verdict.
     *
     * @return the instant until which, without a write, every reported status holds: the first
     *     moment a proof now fresh turns stale (far in the future when none is fresh)
     */
    Instant eachChip(Connection c, ChipSink sink) throws SQLException {
        Map<String, Integer> alerts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT x.subject_id, " + ALERT_BITS + " AS open_alerts"
                                + " FROM alerts x WHERE x.subject_type = 'CHIP' AND x.status <> 'RESOLVED' GROUP BY x.subject_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                alerts.put(rs.getString(1), rs.getInt(2));
            }
        }
        // stale as in PROOF_COLUMNS (same instant as bindStaleBefore): the last attestation is
        // old, or there is none and the latest assessment is old
        Instant staleBefore = Sql.micros(clock.instant().minus(staleAfter));
        Map<String, Headline> headlines = new HashMap<>();
        Map<String, Proof> proofs = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT chip_serial, verdicts, assessed_at FROM chip_verdicts")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    proofs.put(
                            rs.getString("chip_serial"),
                            new Proof(
                                    headlines.computeIfAbsent(rs.getString("verdicts"), Headline::of),
                                    Sql.getInstant(rs, "assessed_at")));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT chip_serial, last_measured_at FROM chip_activity")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant measured = Sql.getInstant(rs, "last_measured_at");
                    proofs.computeIfPresent(rs.getString("chip_serial"), (k, p) -> new Proof(p.latest(), measured));
                }
            }
        }
        Instant freshestTurnsStale = Instant.MAX;
        try (PreparedStatement ps = c.prepareStatement("SELECT serial, declared_site_id, licence_id FROM chips")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String serial = rs.getString(1);
                    Proof proof = proofs.get(serial);
                    boolean stale = proof != null && proof.provedAt().isBefore(staleBefore);
                    if (proof != null && !stale) {
                        Instant turns = proof.provedAt().plus(staleAfter);
                        if (turns.isBefore(freshestTurnsStale)) {
                            freshestTurnsStale = turns;
                        }
                    }
                    sink.chip(
                            rs.getString(2),
                            Optional.ofNullable(rs.getString(3)),
                            ChipStatus.of(
                                    proof == null ? Headline.NO_VERDICT : proof.latest(),
                                    stale,
                                    ChipStatus.OpenAlert.of(alerts.getOrDefault(serial, 0))));
                }
            }
        }
        return freshestTurnsStale;
    }
}
