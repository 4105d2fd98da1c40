package dev.locus.server.ingest;

import dev.locus.server.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The control plane's canonical receipt encoding, version 1, until the protocol module's receipts
 * replace it. Big-endian: {@code "LCR1"}, u16 version, u16-length-prefixed UTF-8 landmark id and
 * chip serial, u16-length-prefixed nonce, i64 measured-at (microseconds since the epoch), i64
 * minimum RTT (ns), u16 sample count, i64 samples (ns).
 */
public final class ReceiptPayloadV1 {
    public static final int VERSION = 1;

    private ReceiptPayloadV1() {}

    /** Encodes the fields of a receipt (its signature and payload are ignored). */
    public static Bytes encode(
            String landmarkId,
            String chipSerial,
            Bytes nonce,
            long rttMinNanos,
            List<Long> samplesNanos,
            Instant measuredAt) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(96 + 8 * samplesNanos.size());
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeBytes("LCR1");
            out.writeShort(VERSION);
            writeChunk(out, landmarkId.getBytes(StandardCharsets.UTF_8));
            writeChunk(out, chipSerial.getBytes(StandardCharsets.UTF_8));
            writeChunk(out, nonce.toArray());
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, measuredAt));
            out.writeLong(rttMinNanos);
            if (samplesNanos.size() > 0xFFFF) {
                throw new IllegalArgumentException("at most 65535 samples, got " + samplesNanos.size());
            }
            out.writeShort(samplesNanos.size());
            for (long s : samplesNanos) {
                out.writeLong(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return Bytes.of(buf.toByteArray());
    }

    private static void writeChunk(DataOutputStream out, byte[] b) throws IOException {
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("field longer than 65535 bytes: " + b.length);
        }
        out.writeShort(b.length);
        out.write(b);
    }

    /** Builds a receipt signed with {@code landmarkKey} (Ed25519); used by landmarks, tests and load runs. */
    public static Receipt sign(
            String landmarkId,
            String chipSerial,
            Bytes nonce,
            List<Long> samplesNanos,
            Instant measuredAt,
            PrivateKey landmarkKey) {
        long min = samplesNanos.stream()
                .mapToLong(Long::longValue)
                .min()
                .orElseThrow(() -> new IllegalArgumentException("a receipt needs at least one sample"));
        Instant at = measuredAt.truncatedTo(ChronoUnit.MICROS);
        Bytes payload = encode(landmarkId, chipSerial, nonce, min, samplesNanos, at);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(landmarkKey);
            s.update(payload.toArray());
            return new Receipt(
                    landmarkId, chipSerial, nonce, min, samplesNanos, at, VERSION, Bytes.of(s.sign()), payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with the given Ed25519 key: " + e.getMessage(), e);
        }
    }
}
