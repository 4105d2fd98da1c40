package dev.locus.cli;

import picocli.CommandLine.Option;

/** {@code --database} of a load run that starts a control plane on a fresh database. */
final class BenchDatabase {
    @Option(
            names = "--database",
            defaultValue = "embedded",
            description = "'embedded' (a fresh H2 under a temporary directory) or a PostgreSQL URL; the run"
                    + " creates its own schema there and touches nothing else (default: ${DEFAULT-VALUE})")
    String database;
}
