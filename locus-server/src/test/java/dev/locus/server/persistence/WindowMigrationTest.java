package dev.locus.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Migration V3 on an installation that already holds receipts and verdicts (written at V2). */
class WindowMigrationTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static Connection connect(DatabaseConfig config) throws SQLException {
        return config.user().isEmpty()
                ? DriverManager.getConnection(config.jdbcUrl())
                : DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void existingReceiptsAndVerdicts_fillWindowMinimaAndLatestVerdicts(String engine) throws Exception {
        DatabaseConfig config = TestDatabases.freshConfig(engine);
        // Keeps an in-memory H2 database alive between the two steps.
        try (Connection keep = connect(config)) {
            Flyway.configure()
                    .dataSource(config.jdbcUrl(), config.user(), config.password())
                    .locations("classpath:db/migration")
                    .target("2")
                    .load()
                    .migrate();
            try (Statement s = keep.createStatement()) {
                String t = "TIMESTAMP WITH TIME ZONE '2026-11-22 10:00:00+00'";
                s.execute("INSERT INTO organisations VALUES ('op', 'Operator', 'CLOUD_OPERATOR', 'SG', " + t + ")");
                s.execute("INSERT INTO sites VALUES ('sg-1', 'SG', 'op', 'SG', 1.29, 103.85, 50, " + t + ")");
                for (String chip : List.of("GPU-1", "GPU-2")) {
                    s.execute("INSERT INTO chips VALUES ('" + chip + "', 'H100', NULL, NULL, 'sg-1', 'INSTALLED', " + t
                            + ")");
                }
                long id = 1;
                // GPU-1: two landmarks, the shortest accepted one per landmark must win; a shorter
                // rejected receipt must not.
                Object[][] receipts = {
                    {"lm-a", "GPU-1", 500_000L, "ACCEPTED", "10:01"},
                    {"lm-a", "GPU-1", 400_000L, "ACCEPTED", "10:02"},
                    {"lm-a", "GPU-1", 100_000L, "REJECTED", "10:03"},
                    {"lm-b", "GPU-1", 900_000L, "ACCEPTED", "10:04"},
                    {"lm-a", "GPU-2", 700_000L, "ACCEPTED", "10:05"},
                };
                try (var ps = keep.prepareStatement("INSERT INTO receipts (id, landmark_id, chip_serial, nonce,"
                        + " rtt_min_nanos, rtt_samples_nanos, measured_at, received_at, protocol_version, signature,"
                        + " payload, status, submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 'test')")) {
                    for (Object[] r : receipts) {
                        ps.setLong(1, id++);
                        ps.setString(2, (String) r[0]);
                        ps.setString(3, (String) r[1]);
                        ps.setBytes(4, new byte[] {1});
                        ps.setLong(5, (Long) r[2]);
                        ps.setString(6, r[2].toString());
                        Sql.setInstant(ps, 7, java.time.Instant.parse("2026-11-22T" + r[4] + ":00Z"));
                        Sql.setInstant(ps, 8, java.time.Instant.parse("2026-11-22T10:30:00Z"));
                        ps.setBytes(9, new byte[] {2});
                        ps.setBytes(10, new byte[] {3});
                        ps.setString(11, (String) r[3]);
                        ps.executeUpdate();
                    }
                }
                // GPU-1: proven, then unproven (latest); GPU-2: one unproven verdict.
                String[][] verdicts = {
                    {"1", "GPU-1", "EXCLUDES_RESTRICTED,IN_ZONE", "TRUE", "10:10"},
                    {"2", "GPU-1", "INCONCLUSIVE", "FALSE", "10:20"},
                    {"3", "GPU-2", "INCONCLUSIVE", "FALSE", "10:15"},
                };
                for (String[] v : verdicts) {
                    String at = "TIMESTAMP WITH TIME ZONE '2026-11-22 " + v[4] + ":00+00'";
                    s.execute("INSERT INTO verdicts (id, chip_serial, window_start, window_end, verdicts, proven,"
                            + " evidence_json, assessed_at) VALUES (" + v[0] + ", '" + v[1] + "', " + t + ", " + at
                            + ", '" + v[2] + "', " + v[3] + ", '{}', " + at + ")");
                }
            }
            try (Database db = Database.open(config, 2)) {
                List<String> window = db.read(c -> rows(
                        c,
                        "SELECT chip_serial, landmark_id, receipt_id, rtt_min_nanos FROM chip_window"
                                + " ORDER BY chip_serial, landmark_id"));
                assertThat(window).containsExactly("GPU-1 lm-a 2 400000", "GPU-1 lm-b 4 900000", "GPU-2 lm-a 5 700000");
                List<String> latest = db.read(c -> rows(
                        c,
                        "SELECT chip_serial, verdict_id, proven, last_proven_at IS NOT NULL FROM chip_verdicts"
                                + " ORDER BY chip_serial"));
                assertThat(latest).containsExactly("GPU-1 2 false true", "GPU-2 3 false false");
            }
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? " " : "").append(String.valueOf(rs.getObject(i)));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
