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

    /** Hex SHA-256 of {@code entry}'s content and its predecessor's hash (the hash it carries is not read). */
    public static String hashOf(AuditEntry entry) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
        update(sha, "locus-audit-v1");
        update(sha, entry.prevHash());
        sha.update(ByteBuffer.allocate(16)
                .putLong(entry.seq())
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, entry.recordedAt()))
                .array());
        update(sha, entry.actor());
        update(sha, entry.action());
        update(sha, entry.entityType());
        update(sha, entry.entityId());
        update(sha, entry.detailsJson());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String field) {
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }
}
