package dev.locus.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.locus.server.LocusServerException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection to the control-plane database, migrated to the newest schema when opened.
 * Every transaction run through {@link #inTransaction} is durable when it returns: on PostgreSQL
 * by its commit ({@code synchronous_commit} on), on the embedded database by a checkpoint forced to
 * the device, shared by the commits that wait at the same time ({@link GroupCommit}). Thread-safe.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final Optional<EmbeddedStore> embedded;
    private final GroupCommit groupCommit;
    private final AtomicLong commits = new AtomicLong();

    private Database(DatabaseConfig config, HikariDataSource dataSource, Optional<EmbeddedStore> embedded) {
        this.config = config;
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.groupCommit = new GroupCommit(embedded.isPresent() ? embedded.get()::checkpoint : () -> {});
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
     * The embedded database on files is opened as its owner for the migrations, and the pool then
     * connects as the application user, which has row rights only.
     *
     * @throws LocusServerException when the database cannot be reached, is locked by another
     *     process (embedded), or cannot be migrated
     */
    public static Database open(DatabaseConfig config, int maxPoolSize, boolean migrate) {
        Optional<EmbeddedStore> embedded = config.dataDir().map(dir -> EmbeddedStore.open(config, dir));
        try {
            if (embedded.isPresent()) {
                EmbeddedStore store = embedded.get();
                migrate(
                        config,
                        Flyway.configure().dataSource(config.jdbcUrl(), store.ownerUser(), store.ownerPassword()),
                        migrate);
                store.grantAppRights();
                store.checkpoint();
            }
            HikariDataSource ds = pool(config, maxPoolSize, embedded);
            try {
                if (embedded.isEmpty()) {
                    migrate(config, Flyway.configure().dataSource(ds), migrate);
                }
            } catch (RuntimeException e) {
                ds.close();
                throw e;
            }
            return new Database(config, ds, embedded);
        } catch (java.sql.SQLException | RuntimeException e) {
            embedded.ifPresent(EmbeddedStore::close);
            if (e instanceof LocusServerException l) {
                throw l;
            }
            throw new LocusServerException("cannot open database " + config.safeUrl() + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(DatabaseConfig config, int maxPoolSize, Optional<EmbeddedStore> embedded) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(embedded.isPresent() ? EmbeddedStore.appUrl(config) : config.jdbcUrl());
        if (embedded.isPresent()) {
            hc.setUsername(embedded.get().appUser());
            hc.setPassword(embedded.get().appPassword());
        } else {
            if (!config.user().isEmpty()) {
                hc.setUsername(config.user());
            }
            if (!config.password().isEmpty() || config.kind() == DatabaseConfig.Kind.EMBEDDED) {
                hc.setPassword(config.password());
            }
        }
        if (config.kind() == DatabaseConfig.Kind.POSTGRES) {
            // A commit returns only once its WAL record is on disk, whatever the server's default.
            hc.setConnectionInitSql("SET synchronous_commit = on");
        }
        hc.setMaximumPoolSize(maxPoolSize);
        hc.setPoolName("locus-db");
        hc.setAutoCommit(true);
        hc.setConnectionTimeout(10_000);
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new LocusServerException("cannot connect to database " + config.safeUrl() + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(DatabaseConfig config, FluentConfiguration flywayConfig, boolean migrate) {
        try {
            Flyway flyway = flywayConfig.locations("classpath:db/migration").load();
            if (!migrate) {
                flyway.validate();
                return;
            }
            var result = flyway.migrate();
            LOG.info(
                    "database {} at schema version {} ({} migrations applied)",
                    config.safeUrl(),
                    currentVersion(flyway),
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            throw new LocusServerException(
                    (migrate ? "cannot migrate database " : "database schema is not current: ") + config.safeUrl()
                            + ": " + e.getMessage(),
                    e);
        }
    }

    /** The schema version now applied (Flyway reports none as the target when nothing was pending). */
    private static String currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? "none"
                : current.getVersion().getVersion();
    }

    public DatabaseConfig config() {
        return config;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws.
     * When it returns the commit is durable (it survives the process being killed), so its result
     * may be acknowledged to a client.
     *
     * @throws LocusServerException wrapping any {@link SQLException}, including a failure to make
     *     the commit durable
     */
    public <T> T inTransaction(SqlWork<T> work) {
        T result;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                result = work.run(c);
                c.commit();
                commits.incrementAndGet();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LocusServerException("database error: " + e.getMessage(), e);
        }
        awaitDurable();
        return result;
    }

    /**
     * As {@link #inTransaction}, run again (up to {@code attempts} times in all) while it fails
     * with an SQL error that {@code retryable} accepts: a concurrent transaction committed first,
     * and {@code work} re-checks against what it committed.
     *
     * @param what names the work in the error thrown when every attempt collided
     * @throws LocusServerException wrapping the SQL error that was not retryable, or the last one
     */
    public <T> T inTransactionRetrying(int attempts, Predicate<SQLException> retryable, String what, SqlWork<T> work) {
        LocusServerException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return inTransaction(work);
            } catch (LocusServerException e) {
                if (!(e.getCause() instanceof SQLException se) || !retryable.test(se)) {
                    throw e;
                }
                last = e;
            }
        }
        throw new LocusServerException(what + " kept colliding with concurrent batches", last);
    }

    /**
     * Returns once everything committed before this call is durable: for reads whose answer a
     * client may hold the server to later (the audit log's head), and after writes made outside
     * {@link #inTransaction}.
     *
     * @throws LocusServerException when the flush fails
     */
    public void awaitDurable() {
        try {
            groupCommit.awaitDurable();
        } catch (SQLException e) {
            throw new LocusServerException("cannot make committed data durable: " + e.getMessage(), e);
        }
    }

    /**
     * Transactions committed through this instance so far, counted once each commit is visible to
     * every later read: a result computed by a read that started after this returned {@code n}
     * includes every one of those commits. Writes by another process sharing a PostgreSQL database
     * are not counted.
     */
    public long commits() {
        return commits.get();
    }

    /** Durability requests and the flushes that served them (fewer when commits were grouped). */
    public long[] groupCommitCounts() {
        return new long[] {groupCommit.requests(), groupCommit.flushes()};
    }

    /**
     * Runs maintenance work that needs the owner's rights on the embedded database (such as {@code
     * ANALYZE}); elsewhere on a pooled connection.
     */
    public <T> T maintenance(SqlWork<T> work) {
        try {
            if (embedded.isPresent()) {
                return embedded.get().asOwner(work);
            }
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
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
        embedded.ifPresent(EmbeddedStore::close);
    }
}
