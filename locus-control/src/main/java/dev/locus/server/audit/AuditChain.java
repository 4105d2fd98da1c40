package dev.locus.server.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** The hash that links audit entries: SHA-256 over length-prefixed fields, so no two encodings collide. */
public final class AuditChain {
    /** The {@code prevHash} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** Hex SHA-256 of the entry's content and its predecessor's hash. */
    public static String hash(
            String prevHash,
            long seq,
            Instant recordedAt,
            String actor,
            String action,
            String entityType,
            String entityId,
            String detailsJson) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
        update(sha, "locus-audit-v1");
        update(sha, prevHash);
        sha.update(ByteBuffer.allocate(16)
                .putLong(seq)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt))
                .array());
        update(sha, actor);
        update(sha, action);
        update(sha, entityType);
        update(sha, entityId);
        update(sha, detailsJson);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Recomputes {@code entry}'s hash from its fields. */
    public static String hashOf(AuditEntry entry) {
        return hash(
                entry.prevHash(),
                entry.seq(),
                entry.recordedAt(),
                entry.actor(),
                entry.action(),
                entry.entityType(),
                entry.entityId(),
                entry.detailsJson());
    }

    private static void update(MessageDigest sha, String field) {
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }
}
