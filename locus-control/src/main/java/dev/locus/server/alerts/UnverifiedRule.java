package dev.locus.server.alerts;

import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * Raises {@link Alert.Rule#UNVERIFIED} for installed chips registered longer ago than the policy
 * period that have no proven verdict ({@code VerdictEngine.provesCompliance}) within it. Thread-safe.
 */
public record UnverifiedRule(Database db, AlertService alerts, InstantSource clock, Duration allowed) {
    public UnverifiedRule {
        if (allowed.isNegative() || allowed.isZero()) {
            throw new IllegalArgumentException("unverified period must be > 0, got " + allowed);
        }
    }

    /** Checks every installed chip once; returns how many new alerts were opened. */
    public int check() {
        Instant cutoff = clock.instant().minus(allowed);
        List<String> serials = db.read(c -> Sql.query(
                c,
                "SELECT c.serial FROM chips c LEFT JOIN chip_verdicts v ON v.chip_serial = c.serial WHERE c.status ="
                        + " 'INSTALLED' AND c.created_at < ? AND (v.last_proven_at IS NULL OR v.last_proven_at < ?) AND"
                        + " NOT EXISTS (SELECT 1 FROM alerts x WHERE x.subject_type = 'CHIP' AND x.subject_id = c.serial"
                        + " AND x.rule = 'UNVERIFIED' AND x.status <> 'RESOLVED')",
                ps -> {
                    Sql.setInstant(ps, 1, cutoff);
                    Sql.setInstant(ps, 2, cutoff);
                },
                rs -> rs.getString(1)));
        int opened = 0;
        for (String serial : serials) {
            if (alerts.raise(
                            Alert.Rule.UNVERIFIED,
                            Alert.Severity.WARNING,
                            Alert.SubjectType.CHIP,
                            serial,
                            "chip " + serial + " has no proven location for " + Durations.readable(allowed),
                            Map.of("policy_seconds", allowed.toSeconds(), "since", cutoff.toString()))
                    .isPresent()) {
                opened++;
            }
        }
        return opened;
    }
}
