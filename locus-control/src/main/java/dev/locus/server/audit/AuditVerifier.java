package dev.locus.server.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Walks the whole audit log and reports the first entry whose sequence, link or hash is wrong, or
 * a head that does not match the last entry (entries deleted from the end). Streams rows, so memory
 * stays constant. An attacker who can rewrite the whole database can rewrite the whole chain;
 * publishing the head hash elsewhere (it is printed by {@code locus audit verify}) closes that.
 */
public final class AuditVerifier {
    private AuditVerifier() {}

    /**
     * Verifies the chain in one repeatable-read transaction on {@code c}, so appends committed
     * meanwhile are not seen half-way. Restores the connection's settings afterwards.
     */
    public static AuditVerification verify(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return verifySnapshot(c);
        } finally {
            c.rollback();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    private static AuditVerification verifySnapshot(Connection c) throws SQLException {
        long expectedSeq = 1;
        String prevHash = AuditChain.GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log ORDER BY seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditEntry e = AuditLog.read(rs);
                    if (e.seq() != expectedSeq) {
                        return new AuditVerification.Broken(
                                expectedSeq,
                                "entry " + expectedSeq + " is missing (next stored entry is " + e.seq() + ")");
                    }
                    if (!e.prevHash().equals(prevHash)) {
                        return new AuditVerification.Broken(
                                e.seq(),
                                "prev_hash " + e.prevHash() + " does not match the hash of entry " + (e.seq() - 1)
                                        + " (" + prevHash + ")");
                    }
                    String recomputed = AuditChain.hashOf(e);
                    if (!recomputed.equals(e.hash())) {
                        return new AuditVerification.Broken(
                                e.seq(),
                                "content does not match its hash (stored " + e.hash() + ", recomputed " + recomputed
                                        + "): the entry was altered");
                    }
                    prevHash = e.hash();
                    expectedSeq++;
                }
            }
        }
        long entries = expectedSeq - 1;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new AuditVerification.Broken(entries, "audit_head row is missing");
            }
            long headSeq = rs.getLong(1);
            String headHash = rs.getString(2);
            if (headSeq != entries || !headHash.equals(prevHash)) {
                return new AuditVerification.Broken(
                        Math.min(headSeq, entries + 1),
                        "head records entry " + headSeq + " with hash " + headHash + " but the log ends at entry "
                                + entries + " with hash " + prevHash + ": entries were removed or added");
            }
        }
        return new AuditVerification.Intact(entries, prevHash);
    }
}
