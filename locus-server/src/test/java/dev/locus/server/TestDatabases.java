package dev.locus.server;

import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The databases every persistence test runs against: embedded H2 always, and PostgreSQL when
 * {@code LOCUS_TEST_POSTGRES_URL} is set (e.g. {@code
 * jdbc:postgresql://localhost:5432/locus_test?user=locus&password=locus}). Each call gives a fresh,
 * empty, migrated database (a new H2 in-memory database, or a new PostgreSQL schema).
 */
public final class TestDatabases {
    public static final String POSTGRES_ENV = "LOCUS_TEST_POSTGRES_URL";

    private static final List<String> CREATED = java.util.Collections.synchronizedList(new ArrayList<>());

    static {
        // Drop the schemas this JVM created (and only those) when the test run ends.
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreatedSchemas, "drop-test-schemas"));
    }

    private TestDatabases() {}

    private static void dropCreatedSchemas() {
        Optional<String> url = postgresUrl();
        if (url.isEmpty() || CREATED.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url.get());
                Statement s = c.createStatement()) {
            for (String schema : List.copyOf(CREATED)) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test schemas " + CREATED + ": " + e.getMessage());
        }
    }

    /** The engines to test: {@code h2}, plus {@code postgres} when configured. */
    public static List<String> engines() {
        List<String> out = new ArrayList<>(List.of("h2"));
        if (postgresUrl().isPresent()) {
            out.add("postgres");
        }
        return out;
    }

    public static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv(POSTGRES_ENV)).filter(s -> !s.isBlank());
    }

    /** A fresh migrated database on {@code engine}. */
    public static Database fresh(String engine) {
        return Database.open(freshConfig(engine), 8);
    }

    public static DatabaseConfig freshConfig(String engine) {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (engine) {
            case "h2" -> DatabaseConfig.inMemory(name);
            case "postgres" -> {
                String url = postgresUrl().orElseThrow(() -> new IllegalStateException(POSTGRES_ENV + " is not set"));
                try (Connection c = DriverManager.getConnection(url);
                        Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + name);
                    CREATED.add(name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create test schema on " + POSTGRES_ENV + ": " + e, e);
                }
                yield DatabaseConfig.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
            }
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    }
}
