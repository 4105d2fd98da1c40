package dev.locus.compliance.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.Json;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Fresh migrated databases for the compliance tests: embedded H2 always, PostgreSQL too when
 * {@code LOCUS_TEST_POSTGRES_URL} is set (a new schema each).
 */
public final class TestDb {
    private TestDb() {}

    public static List<String> engines() {
        List<String> out = new ArrayList<>(List.of("h2"));
        postgresUrl().ifPresent(u -> out.add("postgres"));
        return out;
    }

    private static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv("LOCUS_TEST_POSTGRES_URL")).filter(s -> !s.isBlank());
    }

    public static Database fresh(String engine) {
        String name = "c_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (engine.equals("h2")) {
            return Database.open(DatabaseConfig.inMemory(name), 4);
        }
        String url = postgresUrl().orElseThrow();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema: " + e, e);
        }
        return Database.open(
                DatabaseConfig.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name), 4);
    }

    public static AuditLog audit() {
        return new AuditLog(Clock.systemUTC(), new ObjectMapper());
    }

    /** {@code db} with a fresh audit log, the system clock and the control plane's JSON mapper. */
    public static AuditedStore store(Database db) {
        return new AuditedStore(db, audit(), Clock.systemUTC(), Json.mapper());
    }
}
