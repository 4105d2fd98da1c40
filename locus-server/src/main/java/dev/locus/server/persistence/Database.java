package dev.locus.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.locus.server.LocusServerException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection to the control-plane database, migrated to the newest schema when opened.
 * Thread-safe.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;

    private Database(DatabaseConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and applies pending Flyway migrations.
     *
     * @throws LocusServerException when the database cannot be reached or migrated
     */
    public static Database open(DatabaseConfig config, int maxPoolSize) {
        return open(config, maxPoolSize, true);
    }

    /**
     * Opens the pool; with {@code migrate} false, only validates that the schema is current (for
     * read-only tools such as {@code locus audit verify}, which must not change what they check).
     */
    public static Database open(DatabaseConfig config, int maxPoolSize, boolean migrate) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        if (!config.user().isEmpty()) {
            hc.setUsername(config.user());
        }
        if (!config.password().isEmpty() || config.kind() == DatabaseConfig.Kind.EMBEDDED) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(maxPoolSize);
        hc.setPoolName("locus-db");
        hc.setAutoCommit(true);
        hc.setConnectionTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new LocusServerException("cannot connect to database " + config.safeUrl() + ": " + e.getMessage(), e);
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load();
            if (!migrate) {
                flyway.validate();
                return new Database(config, ds);
            }
            var result = flyway.migrate();
            LOG.info(
                    "database {} at schema version {} ({} migrations applied)",
                    config.safeUrl(),
                    result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            ds.close();
            throw new LocusServerException(
                    (migrate ? "cannot migrate database " : "database schema is not current: ") + config.safeUrl()
                            + ": " + e.getMessage(),
                    e);
        }
        return new Database(config, ds);
    }

    public DatabaseConfig config() {
        return config;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws.
     *
     * @throws LocusServerException wrapping any {@link SQLException}
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LocusServerException("database error: " + e.getMessage(), e);
        }
    }

    /** Runs read-only {@code work} on a pooled connection in auto-commit mode. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new LocusServerException("database error: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException re) {
            cause.addSuppressed(re);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
