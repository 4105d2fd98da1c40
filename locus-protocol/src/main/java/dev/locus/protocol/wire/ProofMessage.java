package dev.locus.protocol.wire;

import dev.locus.protocol.crypto.Fingerprint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The exact bytes a device signs to answer a challenge: a domain tag, the protocol version, the
 * session, round and nonce, the landmark it answers and the fingerprint of its own certificate.
 * A signature therefore binds the nonce, the landmark and the device identity together and cannot
 * be replayed to another landmark, session or device.
 */
public final class ProofMessage {
    private static final byte[] TAG = "LOCUS-PROOF-V1".getBytes(StandardCharsets.US_ASCII);

    private ProofMessage() {}

    /** A fresh array holding the proof bytes. */
    public static byte[] of(
            SessionId sessionId, int round, Nonce nonce, String landmarkId, Fingerprint deviceCertificate) {
        byte[] id = landmarkId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(
                TAG.length + 1 + SessionId.BYTES + 1 + Nonce.BYTES + 1 + id.length + Fingerprint.BYTES);
        new WireWriter(b)
                .bytes(TAG)
                .u8(ProtocolVersion.RECEIPT_FORMAT) // the proof is part of the receipt: its format, not the exchange's
                // version
                .sessionId(sessionId)
                .u8(round)
                .nonce(nonce)
                .bytes8(id)
                .bytes(deviceCertificate.toBytes());
        return b.array();
    }
}
