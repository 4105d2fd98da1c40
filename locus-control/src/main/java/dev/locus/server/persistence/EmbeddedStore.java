package dev.locus.server.persistence;

import dev.locus.server.LocusServerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database's owner side: opens the files (no network listener: no {@code
 * AUTO_SERVER}, no TCP server), keeps the data directory private, moves an installation from the
 * empty password to random ones, creates the application user with row rights only, and holds the
 * owner's connection that makes commits durable ({@code CHECKPOINT SYNC}). The application's pool
 * connects as {@value EmbeddedCredentials#APP}, which cannot create aliases, read or write files,
 * link schemas or run scripts (those need admin rights in H2). Thread-safe.
 */
final class EmbeddedStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    /** H2's error code for a wrong user name or password. */
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    /** H2's error code for a database file locked by another process. */
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private final Path dataDir;
    private final EmbeddedCredentials credentials;
    /** Used under this object's lock only. */
    private final Connection owner;

    private EmbeddedStore(Path dataDir, EmbeddedCredentials credentials, Connection owner) {
        this.dataDir = dataDir;
        this.credentials = credentials;
        this.owner = owner;
    }

    /**
     * Secures the data directory, connects as the owner (migrating an empty password), and makes
     * sure the application user exists with its rights. Migrations run separately, as the owner.
     *
     * @throws DatabaseInUseException when the files are in use by another process (a running
     *     server)
     * @throws LocusServerException when the credentials do not open them
     */
    static EmbeddedStore open(DatabaseConfig config, Path dataDir) {
        DataDirectory.secure(dataDir);
        EmbeddedCredentials creds = EmbeddedCredentials.loadOrCreate(dataDir);
        Connection owner = connectOwner(config, dataDir, creds);
        try {
            DataDirectory.secure(dataDir); // the files H2 has just created
            EmbeddedStore store = new EmbeddedStore(dataDir, creds, owner);
            store.ensureAppUser();
            return store;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(owner);
            throw new LocusServerException(
                    "cannot prepare the embedded database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static Connection connectOwner(DatabaseConfig config, Path dataDir, EmbeddedCredentials creds) {
        try {
            return DriverManager.getConnection(config.jdbcUrl(), EmbeddedCredentials.OWNER, creds.ownerPassword());
        } catch (SQLException e) {
            if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
                throw new DatabaseInUseException(
                        "the embedded database in " + dataDir.toAbsolutePath()
                                + " is in use by another process (a running server locks it); stop that process, or go"
                                + " through its API",
                        e);
            }
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw new LocusServerException(
                        "cannot open the embedded database in " + dataDir + ": " + e.getMessage(), e);
            }
        }
        // An installation from before random passwords: the owner's password is empty. Set it.
        try {
            Connection c = DriverManager.getConnection(config.jdbcUrl(), EmbeddedCredentials.OWNER, "");
            try (Statement s = c.createStatement()) {
                s.execute("ALTER USER " + EmbeddedCredentials.OWNER + " SET PASSWORD '" + creds.ownerPassword() + "'");
            }
            LOG.info(
                    "embedded database in {}: the empty owner password was replaced by a random one ({})",
                    dataDir,
                    dataDir.resolve(EmbeddedCredentials.FILE));
            return c;
        } catch (SQLException e) {
            throw new LocusServerException(
                    "cannot open the embedded database in " + dataDir
                            + ": the passwords in " + dataDir.resolve(EmbeddedCredentials.FILE)
                            + " do not open it (restore that file from the backup it was taken with)",
                    e);
        }
    }

    private synchronized void ensureAppUser() throws SQLException {
        String app = EmbeddedCredentials.APP;
        try (Statement s = owner.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + app + " PASSWORD '" + credentials.appPassword() + "'");
            s.execute("ALTER USER " + app + " SET PASSWORD '" + credentials.appPassword() + "'");
            s.execute("ALTER USER " + app + " ADMIN FALSE");
        }
    }

    /** Grants the application user row rights on every table of the schema (after migrations). */
    synchronized void grantAppRights() throws SQLException {
        try (Statement s = owner.createStatement()) {
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA public TO " + EmbeddedCredentials.APP);
        }
    }

    String ownerUser() {
        return EmbeddedCredentials.OWNER;
    }

    String ownerPassword() {
        return credentials.ownerPassword();
    }

    /**
     * The URL the application's pool connects with: the owner's first connection opened the
     * database with its settings; settings that only an admin may set are left out.
     */
    static String appUrl(DatabaseConfig config) {
        return config.jdbcUrl()
                .replace(";TRACE_LEVEL_FILE=4", "")
                .replace(";DB_CLOSE_ON_EXIT=FALSE", "")
                .replace(";MAX_COMPACT_TIME=0", "");
    }

    String appUser() {
        return EmbeddedCredentials.APP;
    }

    String appPassword() {
        return credentials.appPassword();
    }

    /**
     * Writes everything committed so far to the file and forces it to the device: a committed
     * transaction survives the process being killed and the machine losing power.
     */
    synchronized void checkpoint() throws SQLException {
        try (Statement s = owner.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /** Runs maintenance that needs the owner's rights (e.g. {@code ANALYZE}). */
    synchronized <T> T asOwner(SqlWork<T> work) throws SQLException {
        return work.run(owner);
    }

    @Override
    public synchronized void close() {
        closeQuietly(owner);
        if (Files.isDirectory(dataDir)) {
            DataDirectory.secure(dataDir);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing the embedded database's owner connection: {}", e.getMessage());
        }
    }
}
