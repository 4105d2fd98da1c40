package dev.locus.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.server.LocusServerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedDatabaseTest {
    @TempDir
    Path tmp;

    private Path dataDir() {
        return tmp.resolve("data");
    }

    /** Each statement as the application's database user; {@code %DIR%} is the data directory. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT FILE_READ('%DIR%/database-credentials')",
                "SELECT FILE_WRITE(X'41', '%OUT%/written')",
                "CREATE ALIAS run_java FOR 'java.lang.System.getProperty'",
                "CALL LINK_SCHEMA('linked', '', 'jdbc:h2:mem:other', 'sa', '', 'PUBLIC')",
                "CREATE LINKED TABLE linked_t('', 'jdbc:h2:mem:other', 'sa', '', 'T')",
                "RUNSCRIPT FROM '%DIR%/database-credentials'",
                "SCRIPT TO '%OUT%/dump.sql'",
                "SELECT * FROM CSVREAD('%DIR%/database-credentials')",
                "CALL CSVWRITE('%OUT%/out.csv', 'SELECT * FROM api_tokens')",
                "CREATE TABLE planted (id INT)",
                "CREATE USER intruder PASSWORD 'x' ADMIN",
                "SET TRACE_LEVEL_FILE 3"
            })
    void applicationUser_isRefusedFilesCodeAndSchemaChanges(String template) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        String sql = template.replace("%DIR%", dataDir().toString()).replace("%OUT%", out.toString());
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir()), 2)) {
            assertThat(db.<String>read(EmbeddedDatabaseTest::currentUser)).isEqualTo("locus_app");
            assertThatThrownBy(() -> db.read(c -> {
                        try (Statement s = c.createStatement()) {
                            return s.execute(sql);
                        }
                    }))
                    .as(sql)
                    .isInstanceOf(LocusServerException.class)
                    .hasRootCauseInstanceOf(SQLException.class);
            // and what the application needs still works
            assertThat(db.<Integer>inTransaction(c -> {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("INSERT INTO organisations (id, name, kind, country, created_at)"
                                    + " VALUES ('o1', 'Org', 'EXPORTER', 'US', CURRENT_TIMESTAMP)");
                            return s.executeUpdate("DELETE FROM organisations WHERE id = 'o1'");
                        }
                    }))
                    .isEqualTo(1);
        }
        try (Stream<Path> written = Files.list(out)) {
            assertThat(written).as("nothing written by refused statements").isEmpty();
        }
    }

    private static String currentUser(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT CURRENT_USER")) {
            rs.next();
            return rs.getString(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void dataDirectory_isPrivate_withRandomPasswords_andNoLockFile() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir()), 2)) {
            assertModesPrivate();
        }
        assertModesPrivate();
        try (Stream<Path> files = Files.list(dataDir())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("locus.mv.db", "database-credentials")
                    .noneMatch(n -> n.endsWith(".lock.db") || n.endsWith(".trace.db"));
        }
        String creds = Files.readString(dataDir().resolve("database-credentials"));
        assertThat(creds)
                .containsPattern("owner_password=[A-Za-z0-9_-]{43}")
                .containsPattern("app_password=[A-Za-z0-9_-]{43}");
        assertThatThrownBy(() -> DriverManager.getConnection(
                                DatabaseConfig.embedded(dataDir()).jdbcUrl(), "locus", "")
                        .close())
                .isInstanceOf(SQLException.class);
    }

    private void assertModesPrivate() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir())))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dataDir())) {
            for (Path f : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                        .as(f.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    @Test
    void installationWithTheEmptyPassword_isMovedToRandomPasswords_andItsModesCorrected() throws Exception {
        Files.createDirectories(dataDir());
        String url = DatabaseConfig.embedded(dataDir()).jdbcUrl();
        // as the server before random passwords left it: user locus, empty password, admin
        org.flywaydb.core.Flyway.configure()
                .dataSource(url, "locus", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Files.setPosixFilePermissions(dataDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir().resolve("locus.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir()), 2)) {
            assertThat(db.<String>read(EmbeddedDatabaseTest::currentUser)).isEqualTo("locus_app");
            assertModesPrivate();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "locus", "").close())
                .isInstanceOf(SQLException.class);
        // and it opens again with the stored passwords
        Database.open(DatabaseConfig.embedded(dataDir()), 2).close();
    }

    @Test
    void embeddedUrl_refusesNetworkModes() {
        assertThatThrownBy(() -> new DatabaseConfig(
                        DatabaseConfig.Kind.EMBEDDED, "jdbc:h2:file:/tmp/x;AUTO_SERVER=TRUE", "", ""))
                .hasMessageContaining("network port");
        assertThatThrownBy(() -> new DatabaseConfig(DatabaseConfig.Kind.EMBEDDED, "jdbc:h2:tcp://localhost/x", "", ""))
                .hasMessageContaining("network port");
    }
}
