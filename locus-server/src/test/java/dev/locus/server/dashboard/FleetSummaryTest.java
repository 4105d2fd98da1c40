package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.Fixtures;
import dev.locus.server.MutableClock;
import dev.locus.server.TestDatabases;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fleet summary, shared between requests until something is committed or a proof turns stale,
 * always counts what a full per-chip recomputation counts: after every one of a few hundred seeded
 * random writes (verdicts, attestations, alerts opened and resolved, chips added and moved) and
 * random passes of time, per site and fleet-wide, on every engine. The recomputation is the
 * per-chip query the chip list and chip page use ({@link ChipStatusQuery#COLUMNS}).
 */
class FleetSummaryTest {
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);
    private static final List<String> SITES = List.of("site-a", "site-b", "site-c");
    private static final List<String> VERDICT_SETS = List.of(
            "IN_ZONE", "OUTSIDE_ZONE", "IN_RESTRICTED", "INCONCLUSIVE", "INCONSISTENT", "EXCLUDES_RESTRICTED,IN_ZONE");

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sharedSummary_equalsAFullRecomputation_afterRandomWritesAndTime(String engine) {
        Database db = TestDatabases.fresh(engine);
        MutableClock clock = new MutableClock(Fixtures.NOW);
        AlertService alerts = Fixtures.alerts(db, clock);
        ChipStatusQuery status = new ChipStatusQuery(clock, STALE_AFTER);
        // no age bound: only commits and proofs turning stale may end a shared summary
        FleetQueries fleet = new FleetQueries(db, clock, status, Duration.ofDays(365));
        Random random = new Random(20261206L);
        List<String> chips = new ArrayList<>();
        db.inTransaction(c -> {
            exec(
                    c,
                    "INSERT INTO organisations (id, name, kind, country, created_at) VALUES ('op', 'Op',"
                            + " 'CLOUD_OPERATOR', 'SG', CURRENT_TIMESTAMP)");
            for (String s : SITES) {
                exec(
                        c,
                        "INSERT INTO sites (id, name, operator_id, country, latitude_deg, longitude_deg,"
                                + " zone_radius_km, created_at) VALUES ('" + s + "', '" + s
                                + "', 'op', 'SG', 1.3, 103.8, 50, CURRENT_TIMESTAMP)");
            }
            return null;
        });
        int shared = 0;
        for (int step = 0; step < 300; step++) {
            int kind = chips.size() < 5 ? 0 : random.nextInt(7);
            switch (kind) {
                case 0 -> chips.add(addChip(db, random, chips.size()));
                case 1 -> verdict(db, clock, random, pick(chips, random));
                case 2 -> attest(db, clock, random, pick(chips, random));
                case 3 ->
                    alerts.raise(
                            Alert.Rule.values()[random.nextInt(Alert.Rule.values().length - 1)],
                            Alert.Severity.WARNING,
                            Alert.SubjectType.CHIP,
                            pick(chips, random),
                            "random",
                            Map.of());
                case 4 -> resolveOne(db, alerts, random);
                case 5 -> move(db, random, pick(chips, random));
                default -> clock.advance(Duration.ofSeconds(random.nextInt(20)));
            }
            Map<String, Object> first = fleet.summary();
            assertThat(counts(first)).as("step %d (%s)", step, engine).isEqualTo(recompute(db, status));
            Map<String, Object> again = fleet.summary();
            if (again == first) {
                shared++;
            }
            assertThat(counts(again)).as("step %d again", step).isEqualTo(recompute(db, status));
        }
        assertThat(shared)
                .as("the second read with nothing written shares the first")
                .isGreaterThan(200);
        clock.advance(STALE_AFTER.plusSeconds(1));
        assertThat(counts(fleet.summary()))
                .as("proofs turned stale with no write")
                .isEqualTo(recompute(db, status));
    }

    private static String pick(List<String> chips, Random random) {
        return chips.get(random.nextInt(chips.size()));
    }

    private static String addChip(Database db, Random random, int n) {
        String serial = "GPU-" + n;
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chips (serial, model, declared_site_id,"
                    + " status, created_at, serial_key) VALUES (?, 'H100', ?, 'INSTALLED', CURRENT_TIMESTAMP, ?)")) {
                ps.setString(1, serial);
                ps.setString(2, SITES.get(random.nextInt(SITES.size())));
                ps.setString(3, serial);
                return ps.executeUpdate();
            }
        });
        return serial;
    }

    private static void verdict(Database db, MutableClock clock, Random random, String serial) {
        String set = VERDICT_SETS.get(random.nextInt(VERDICT_SETS.size()));
        db.inTransaction(c -> {
            long id = Sql.insertReturningId(
                    c,
                    "INSERT INTO verdicts (chip_serial, window_start, window_end, verdicts, proven, evidence_json,"
                            + " assessed_at) VALUES (?, ?, ?, ?, TRUE, '{}', ?)",
                    ps -> {
                        ps.setString(1, serial);
                        Sql.setInstant(ps, 2, clock.instant().minusSeconds(60));
                        Sql.setInstant(ps, 3, clock.instant());
                        ps.setString(4, set);
                        Sql.setInstant(ps, 5, clock.instant());
                    });
            exec(c, "DELETE FROM chip_verdicts WHERE chip_serial = '" + serial + "'");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chip_verdicts (chip_serial, verdict_id,"
                    + " verdicts, proven, assessed_at, valid_until) VALUES (?, ?, ?, TRUE, ?, ?)")) {
                ps.setString(1, serial);
                ps.setLong(2, id);
                ps.setString(3, set);
                Sql.setInstant(ps, 4, clock.instant());
                Sql.setInstant(ps, 5, clock.instant().plusSeconds(600));
                return ps.executeUpdate();
            }
        });
    }

    private static void attest(Database db, MutableClock clock, Random random, String serial) {
        db.inTransaction(c -> {
            exec(c, "DELETE FROM chip_activity WHERE chip_serial = '" + serial + "'");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chip_activity (chip_serial,"
                    + " last_measured_at, last_landmark_id, last_receipt_id) VALUES (?, ?, 'lm', 1)")) {
                ps.setString(1, serial);
                Sql.setInstant(ps, 2, clock.instant().minusSeconds(random.nextInt(40)));
                return ps.executeUpdate();
            }
        });
    }

    private static void resolveOne(Database db, AlertService alerts, Random random) {
        List<Long> open = db.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM alerts WHERE status <> 'RESOLVED'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        if (!open.isEmpty()) {
            alerts.resolve(open.get(random.nextInt(open.size())), "random", "officer");
        }
    }

    private static void move(Database db, Random random, String serial) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chips SET declared_site_id = ? WHERE serial = ?")) {
                ps.setString(1, SITES.get(random.nextInt(SITES.size())));
                ps.setString(2, serial);
                return ps.executeUpdate();
            }
        });
    }

    /** Per site (and "*" for the fleet), the count of each status the summary reports, zeros left out. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Long>> counts(Map<String, Object> summary) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Map<String, Object> site : (List<Map<String, Object>>) summary.get("sites")) {
            out.put((String) site.get("id"), nonZero((Map<String, Object>) site.get("chips")));
        }
        out.put("*", nonZero((Map<String, Object>) summary.get("fleet")));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> nonZero(Map<String, Object> counts) {
        Map<String, Long> out = new TreeMap<>();
        ((Map<String, Long>) counts.get("by_status")).forEach((k, v) -> {
            if (v != 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The same counts from one row per chip, read the way the chip list reads a chip's status. */
    private static Map<String, Map<String, Long>> recompute(Database db, ChipStatusQuery status) {
        return db.read(c -> {
            Map<String, Map<String, Long>> out = new TreeMap<>();
            SITES.forEach(s -> out.put(s, new TreeMap<>()));
            out.put("*", new TreeMap<>());
            try (PreparedStatement ps = c.prepareStatement("SELECT c.declared_site_id, " + ChipStatusQuery.COLUMNS
                    + " FROM chips c" + ChipStatusQuery.JOINS)) {
                status.bindStaleBefore(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String s = ChipStatusQuery.read(rs).name();
                        out.get(rs.getString(1)).merge(s, 1L, Long::sum);
                        out.get("*").merge(s, 1L, Long::sum);
                    }
                }
            }
            return out;
        });
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
