package dev.locus.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.EachEngine;
import dev.locus.server.Json;
import dev.locus.server.persistence.Database;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

class AuditLogTest {
    /** Appends {@code n} entries recorded at a fixed time. */
    private static void append(Database db, int n) {
        AuditLog log =
                new AuditLog(InstantSource.fixed(Instant.parse("2026-11-22T12:00:00.123456789Z")), Json.mapper());
        for (int i = 0; i < n; i++) {
            int k = i;
            db.inTransaction(c -> log.append(c, "alice", "site.created", "site", "s" + k, Map.of("k", k)));
        }
    }

    /** Changes the stored log behind its back. */
    private static void tamper(Database db, String sql) {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    @EachEngine
    void head_isTheLastEntrysSeqHashAndTime_orGenesisWhenEmpty(Database db) {
        AuditHead empty = db.read(AuditLog::head);
        assertThat(empty.seq()).isZero();
        assertThat(empty.hash()).isEqualTo(AuditChain.GENESIS);
        assertThat(empty.recordedAt()).isEmpty();

        append(db, 3);
        AuditHead h = db.read(AuditLog::head);
        AuditEntry last = db.read(c -> AuditLog.page(c, 2, 1)).get(0);
        assertThat(h.seq()).isEqualTo(3);
        assertThat(h.hash()).isEqualTo(last.hash()).isNotEqualTo(AuditChain.GENESIS);
        assertThat(h.recordedAt()).contains(Instant.parse("2026-11-22T12:00:00.123456Z"));
        assertThat(((AuditVerification.Intact) db.read(AuditVerifier::verify)).headHash())
                .isEqualTo(h.hash());
    }

    @EachEngine
    void untouchedChain_verifiesIntactWithItsLength(Database db) {
        append(db, 5);
        AuditVerification v = db.read(AuditVerifier::verify);
        assertThat(v).isInstanceOf(AuditVerification.Intact.class);
        assertThat(((AuditVerification.Intact) v).entries()).isEqualTo(5);
    }

    @EachEngine
    void editedDetails_breakTheChainAtThatEntry(Database db) {
        append(db, 5);
        tamper(db, "UPDATE audit_log SET details_json = '{\"k\":99}' WHERE seq = 3");
        AuditVerification v = db.read(AuditVerifier::verify);
        assertThat(v).isInstanceOfSatisfying(AuditVerification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).contains("altered");
        });
    }

    @EachEngine
    void deletedLastEntry_isDetectedThroughTheHead(Database db) {
        append(db, 4);
        tamper(db, "DELETE FROM audit_log WHERE seq = 4");
        assertThat(db.read(AuditVerifier::verify)).isInstanceOf(AuditVerification.Broken.class);
    }

    @EachEngine
    void deletedMiddleEntry_isReportedAsMissing(Database db) {
        append(db, 4);
        tamper(db, "DELETE FROM audit_log WHERE seq = 2");
        assertThat(db.read(AuditVerifier::verify))
                .isInstanceOfSatisfying(
                        AuditVerification.Broken.class, b -> assertThat(b.seq()).isEqualTo(2));
    }

    @EachEngine
    void rehashedEditedEntry_stillBreaksTheLinkOfItsSuccessor(Database db) {
        append(db, 3);
        AuditEntry e2 = db.read(c -> AuditLog.page(c, 1, 1)).get(0);
        AuditEntry forged = new AuditEntry(
                e2.seq(),
                e2.recordedAt(),
                "mallory",
                e2.action(),
                e2.entityType(),
                e2.entityId(),
                e2.detailsJson(),
                e2.prevHash(),
                "");
        String forgedHash = AuditChain.hashOf(forged);
        db.inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE audit_log SET actor = 'mallory', hash = ? WHERE seq = 2")) {
                ps.setString(1, forgedHash);
                return ps.executeUpdate();
            }
        });
        assertThat(db.read(AuditVerifier::verify))
                .isInstanceOfSatisfying(
                        AuditVerification.Broken.class, b -> assertThat(b.seq()).isEqualTo(3));
    }
}
