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
import java.security.interfaces.EdECPrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

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
        byte[] bytes = payload.toArray();
        byte[] signature;
        if (landmarkKey instanceof EdECPrivateKey ed && ed.getBytes().isPresent()) {
            // BouncyCastle's RFC 8032 signing: the same signature as the JDK's, about 7 times faster.
            byte[] seed = ed.getBytes().get();
            signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, bytes, 0, bytes.length, signature, 0);
            java.util.Arrays.fill(seed, (byte) 0);
        } else {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(landmarkKey);
                s.update(bytes);
                signature = s.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot sign with the given Ed25519 key: " + e.getMessage(), e);
            }
        }
        return new Receipt(landmarkId, chipSerial, nonce, min, samplesNanos, at, VERSION, Bytes.of(signature), payload);
    }
}
