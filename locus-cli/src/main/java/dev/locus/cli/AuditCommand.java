package dev.locus.cli;

import dev.locus.server.audit.AuditVerification;
import dev.locus.server.audit.AuditVerifier;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.DatabaseConfig;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Checks the append-only, hash-chained audit log.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Recomputes every audit entry's hash and link, and checks the head against the last entry.",
                "Exit 0 and the head hash when intact (publish it elsewhere to anchor the chain);",
                "exit 4 naming the first broken entry when the log was altered, truncated or extended.",
                "Reads the database directly and changes nothing (the schema is validated, not migrated)."
            })
    static final class Verify implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            DatabaseConfig config = db.config();
            if (config.kind() == DatabaseConfig.Kind.EMBEDDED && !Files.exists(db.dataDir.resolve("locus.mv.db"))) {
                throw new IllegalArgumentException("no embedded database in " + db.dataDir.toAbsolutePath()
                        + " (expected locus.mv.db); pass --data-dir or --database");
            }
            try (Database database = Database.open(config, 2, false)) {
                AuditVerification v = database.read(AuditVerifier::verify);
                switch (v) {
                    case AuditVerification.Intact ok -> {
                        System.out.printf("audit log intact: %d entries, head hash %s%n", ok.entries(), ok.headHash());
                        return 0;
                    }
                    case AuditVerification.Broken b -> {
                        System.out.printf("audit log BROKEN at entry %d: %s%n", b.seq(), b.reason());
                        return 4;
                    }
                }
            }
        }
    }
}
