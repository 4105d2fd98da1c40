package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.Json;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.DatabaseConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
    @TempDir
    Path dataDir;

    private int verify() {
        CommandLine cli = LocusCli.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute("audit", "verify", "--data-dir", dataDir.toString());
    }

    @Test
    void intactLog_exitsZero_editedEntry_exitsFour() {
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), 2)) {
            AuditLog log = new AuditLog(InstantSource.system(), Json.mapper());
            for (int i = 0; i < 3; i++) {
                int k = i;
                db.inTransaction(c -> log.append(c, "alice", "chip.created", "chip", "C" + k, Map.of()));
            }
        }
        assertThat(verify()).isZero();
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), 2)) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE audit_log SET entity_id = 'C9' WHERE seq = 2");
                }
            });
        }
        assertThat(verify()).isEqualTo(4);
    }

    @Test
    void missingDatabase_isAnInputErrorNotACrash() {
        assertThat(verify()).isEqualTo(1);
    }
}
