package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.audit.AuditVerification;
import dev.locus.server.audit.AuditVerifier;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.DatabaseConfig;
import dev.locus.server.persistence.DatabaseInUseException;
import java.io.PrintWriter;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "audit",
        description = "Checks the append-only, hash-chained audit log, or prints its head for anchoring.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class})
final class AuditCommand extends GroupCommand {
    @Command(
            name = "verify",
            description = {
                "Recomputes every audit entry's hash and link, and checks the head against the last entry.",
                "Exit 0 and the head hash when intact (publish it elsewhere to anchor the chain);",
                "exit 4 naming the first broken entry when the log was altered, truncated or extended.",
                "Reads the database directly and changes nothing (the schema is validated, not migrated).",
                "The embedded database can only be read this way while the server is stopped (the server locks it);",
                "while it runs, use its API (GET /api/v1/audit/verify)."
            })
    static final class Verify extends CliCommand {
        @Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            DatabaseConfig config = db.config();
            if (config.kind() == DatabaseConfig.Kind.EMBEDDED && !Files.exists(db.dataDir.resolve("locus.mv.db"))) {
                throw new IllegalArgumentException("no embedded database in " + db.dataDir.toAbsolutePath()
                        + " (expected locus.mv.db); pass --data-dir or --database");
            }
            Database opened;
            try {
                opened = Database.open(config, 2, false);
            } catch (DatabaseInUseException e) {
                throw new IllegalArgumentException("the embedded database in " + db.dataDir.toAbsolutePath()
                        + " is locked by the running server (the embedded database has no network port and is"
                        + " opened by one process at a time). Stop the server to verify the files directly, or"
                        + " ask the running server: GET /api/v1/audit/verify with an ADMIN, COMPLIANCE_OFFICER or AUDITOR"
                        + " token ('locus audit head' reads the head through the API)");
            }
            try (Database database = opened) {
                AuditVerification v = database.read(AuditVerifier::verify);
                PrintWriter out = out();
                int exit = switch (v) {
                    case AuditVerification.Intact ok -> {
                        out.printf("audit log intact: %d entries, head hash %s%n", ok.entries(), ok.headHash());
                        yield 0;
                    }
                    case AuditVerification.Broken b -> {
                        out.printf("audit log BROKEN at entry %d: %s%n", b.seq(), b.reason());
                        yield 4;
                    }
                };
                out.flush();
                return exit;
            }
        }
    }

    @Command(
            name = "head",
            description = {
                "Prints the audit log's head through the API: the last entry's sequence number, hash and time.",
                "Publish it where the database's operators cannot rewrite it (a ticket, a signed email): a",
                "rewritten chain cannot end in the same hash, and 'locus audit verify' checks the chain up to it.",
                "The server also logs it at start and every hour (structured: audit_seq, audit_hash)."
            })
    static final class Head extends ApiView {
        @Override
        String answer() {
            return api.get("/api/v1/audit/head");
        }

        @Override
        void human(JsonNode head, PrintWriter out) {
            JsonNode at = head.path("recorded_at");
            out.printf(
                    "audit head: seq %d hash %s recorded_at %s%n",
                    head.path("seq").asLong(),
                    head.path("hash").asText(),
                    at.isNull() || at.isMissingNode() ? "- (empty log)" : at.asText());
        }
    }
}
