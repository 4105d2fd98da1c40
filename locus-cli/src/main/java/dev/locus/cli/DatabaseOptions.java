package dev.locus.cli;

import dev.locus.server.persistence.DatabaseConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir} and {@code --database}, shared by commands that open the database directly. */
final class DatabaseOptions {
    @Option(
            names = "--data-dir",
            defaultValue = "locus-data",
            description = "Directory for the embedded database and the admin token (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--database",
            defaultValue = "embedded",
            description = "'embedded' (H2 in PostgreSQL mode under --data-dir) or a PostgreSQL URL such as"
                    + " jdbc:postgresql://localhost:5432/locus?user=locus&password=... (default: ${DEFAULT-VALUE}).")
    String database;

    DatabaseConfig config() {
        return DatabaseConfig.parse(database, dataDir);
    }
}
