package dev.locus.server.ingest;

import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.server.Bytes;
import dev.locus.server.registry.Landmark;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * Receipts signed by Locus landmarks (the {@code locus-protocol} format: Ed25519 over the tag
 * {@code LOCUS-RECEIPT-V1} and the canonical body) at the control plane's ingestion boundary. The
 * control-plane {@link Receipt} carries the tag and body as its signed payload, so the receipt a
 * landmark issued is stored byte for byte and anyone can re-verify it later.
 */
public final class ProtocolReceipts implements ReceiptSignatureVerifier {

    static final byte[] TAG = "LOCUS-RECEIPT-V1".getBytes(StandardCharsets.US_ASCII);

    /** Whether a signed payload is in the protocol's format. */
    public static boolean isProtocolPayload(Bytes payload) {
        byte[] p = payload.toArray();
        return p.length > TAG.length && Arrays.equals(p, 0, TAG.length, TAG, 0, TAG.length);
    }

    /** The control plane's view of a landmark-signed receipt. */
    public static Receipt toReceipt(SignedReceipt signed) {
        var r = signed.receipt();
        return new Receipt(
                r.landmarkId(),
                r.deviceSerial(),
                Bytes.of(r.minNonce().toBytes()),
                r.minRttNanos(),
                r.samplesNanos(),
                r.measuredAt().truncatedTo(ChronoUnit.MICROS),
                r.protocolVersion(),
                Bytes.of(signed.signature()),
                Bytes.of(signed.signedPayload()));
    }

    @Override
    public Optional<String> verify(Receipt r, Landmark landmark) {
        byte[] payload = r.signedPayload().toArray();
        if (!isProtocolPayload(r.signedPayload())) {
            return Optional.of("payload is not a LOCUS-RECEIPT-V1 receipt");
        }
        Decoded<SignedReceipt> decoded = decode(r);
        if (decoded instanceof Decoded.Rejected<SignedReceipt> rej) {
            return Optional.of("receipt does not decode: " + rej.detail());
        }
        SignedReceipt signed = ((Decoded.Accepted<SignedReceipt>) decoded).value();
        var pr = signed.receipt();
        if (!pr.landmarkId().equals(r.landmarkId())) {
            return Optional.of("signed landmark id '" + pr.landmarkId() + "' differs from landmark_id");
        }
        if (!pr.deviceSerial().equals(r.chipSerial())) {
            return Optional.of("signed device serial '" + pr.deviceSerial() + "' differs from chip_serial");
        }
        if (!r.nonce().constantTimeEquals(Bytes.of(pr.minNonce().toBytes()))) {
            return Optional.of("signed nonce differs from nonce");
        }
        if (pr.minRttNanos() != r.rttMinNanos() || !pr.samplesNanos().equals(r.rttSamplesNanos())) {
            return Optional.of("signed round trips differ from rtt_min_nanos / rtt_samples_nanos");
        }
        if (!pr.measuredAt().truncatedTo(ChronoUnit.MICROS).equals(r.measuredAt())) {
            return Optional.of("signed measurement time differs from measured_at");
        }
        if (pr.protocolVersion() != r.protocolVersion()) {
            return Optional.of("signed protocol version differs from protocol_version");
        }
        if (pr.landmarkPosition().geodesicDistanceTo(landmark.position()).km() > 0.001) {
            return Optional.of("receipt's certified landmark position " + pr.landmarkPosition()
                    + " differs from the registered position " + landmark.position() + " of " + landmark.id());
        }
        byte[] key = landmark.publicKey().toArray();
        if (key.length != Ed25519Keys.PUBLIC_KEY_BYTES) {
            return Optional.of("landmark " + landmark.id() + " has no usable Ed25519 key");
        }
        return Ed25519Keys.verify(key, payload, r.signature().toArray())
                ? Optional.empty()
                : Optional.of("signature does not verify with landmark " + landmark.id() + "'s key");
    }

    @Override
    public Optional<DeviceEvidence> deviceEvidence(Receipt r) {
        if (!(decode(r) instanceof Decoded.Accepted<SignedReceipt> a)) {
            return Optional.empty();
        }
        var pr = a.value().receipt();
        byte[] proofMessage =
                ProofMessage.of(pr.sessionId(), pr.minRound(), pr.minNonce(), pr.landmarkId(), pr.deviceCertificate());
        return Optional.of(
                new DeviceEvidence(pr.deviceCertificate().toHex(), Bytes.of(proofMessage), Bytes.of(pr.deviceProof())));
    }

    /** The landmark-signed receipt carried by a control-plane receipt (tag and body, plus signature). */
    private static Decoded<SignedReceipt> decode(Receipt r) {
        byte[] payload = r.signedPayload().toArray();
        if (!isProtocolPayload(r.signedPayload())) {
            return new Decoded.Rejected<>(
                    dev.locus.protocol.wire.RejectReason.MALFORMED, "payload is not a LOCUS-RECEIPT-V1 receipt");
        }
        byte[] body = Arrays.copyOfRange(payload, TAG.length, payload.length);
        byte[] sig = r.signature().toArray();
        if (body.length > 0xFFFF || sig.length == 0 || sig.length > 0xFF) {
            return new Decoded.Rejected<>(
                    dev.locus.protocol.wire.RejectReason.MALFORMED,
                    "receipt body or signature has an impossible length");
        }
        ByteBuffer wire = ByteBuffer.allocate(2 + body.length + 1 + sig.length);
        wire.putShort((short) body.length).put(body).put((byte) sig.length).put(sig);
        return SignedReceipt.decode(wire.array());
    }
}
