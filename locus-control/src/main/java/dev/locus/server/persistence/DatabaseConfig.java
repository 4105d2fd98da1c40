package dev.locus.server.persistence;

import dev.locus.server.LocusServerException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the control plane keeps its data: an embedded H2 database (PostgreSQL mode, files under a
 * data directory; the default) or a PostgreSQL server.
 *
 * @param kind which engine
 * @param jdbcUrl the JDBC URL; for PostgreSQL it may carry {@code user} and {@code password}
 *     parameters
 * @param user user name, empty to take it from the URL
 * @param password password, empty to take it from the URL; never logged
 * @param dataDir for the embedded database on files: the private data directory holding them and
 *     their random passwords ({@code database-credentials}); the user and password above are then
 *     unused. Empty for PostgreSQL and in-memory H2.
 */
public record DatabaseConfig(Kind kind, String jdbcUrl, String user, String password, Optional<Path> dataDir) {

    public enum Kind {
        EMBEDDED,
        POSTGRES
    }

    public DatabaseConfig {
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new LocusServerException(
                    "database URL must start with jdbc:h2: or jdbc:postgresql:, got '" + redact(jdbcUrl) + "'");
        }
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        if (jdbcUrl.startsWith("jdbc:h2:")
                && (upper.contains("AUTO_SERVER")
                        || upper.startsWith("JDBC:H2:TCP:")
                        || upper.startsWith("JDBC:H2:SSL:"))) {
            throw new LocusServerException("the embedded database must not open or use a network port (no AUTO_SERVER,"
                    + " no H2 TCP server), got '" + redact(jdbcUrl) + "'");
        }
    }

    /** As the canonical constructor, without a data directory (PostgreSQL, in-memory H2). */
    public DatabaseConfig(Kind kind, String jdbcUrl, String user, String password) {
        this(kind, jdbcUrl, user, password, Optional.empty());
    }

    /**
     * The embedded database in {@code dataDir/locus.mv.db}, opened by this process only: no network
     * listener, the file locked while open ({@code FILE_LOCK=FS}: no lock file), H2's own trace sent
     * to the application log rather than a file, and closed by its owner (the control plane's
     * shutdown) rather than by H2's own shutdown hook racing it, without the chunk-moving compaction
     * on close (H2 2.3.232 trips its own assertion in it after many small checkpoints; the store
     * still compacts itself in the background while open). The directory is made private (700, files 600) and
     * the passwords are random per installation (see {@link Database#open}).
     */
    public static DatabaseConfig embedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath();
        String file = dir.resolve("locus").toString();
        return new DatabaseConfig(
                Kind.EMBEDDED,
                "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                        + ";FILE_LOCK=FS;TRACE_LEVEL_FILE=4;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0",
                "",
                "",
                Optional.of(dir));
    }

    /** An in-memory H2 database that lives as long as the JVM holds a connection to it; for tests. */
    public static DatabaseConfig inMemory(String name) {
        return new DatabaseConfig(
                Kind.EMBEDDED,
                "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                        + ";DB_CLOSE_DELAY=-1",
                "locus",
                "");
    }

    /** A PostgreSQL server; accepts {@code jdbc:postgresql://...} or {@code postgresql://...}. */
    public static DatabaseConfig postgres(String url) {
        String jdbc = url.startsWith("jdbc:") ? url : "jdbc:" + url;
        if (!jdbc.startsWith("jdbc:postgresql:")) {
            throw new LocusServerException(
                    "PostgreSQL URL must start with jdbc:postgresql:, got '" + redact(url) + "'");
        }
        return new DatabaseConfig(Kind.POSTGRES, jdbc, "", "");
    }

    /**
     * Parses the {@code --database} option: {@code embedded} (under {@code dataDir}) or a PostgreSQL
     * URL, optionally prefixed with {@code postgres }.
     */
    public static DatabaseConfig parse(String spec, Path dataDir) {
        String s = spec.strip();
        if (s.equalsIgnoreCase("embedded")) {
            return embedded(dataDir);
        }
        if (s.regionMatches(true, 0, "postgres ", 0, 9)) {
            s = s.substring(9).strip();
        }
        if (s.startsWith("jdbc:postgresql:") || s.startsWith("postgresql:")) {
            return postgres(s);
        }
        throw new LocusServerException(
                "--database must be 'embedded' or a PostgreSQL URL (jdbc:postgresql://host:port/db), got '"
                        + redact(spec) + "'");
    }

    /** The URL with any password parameter masked, for logs and messages. */
    public String safeUrl() {
        return redact(jdbcUrl);
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + kind + ", " + safeUrl() + "]";
    }
}
