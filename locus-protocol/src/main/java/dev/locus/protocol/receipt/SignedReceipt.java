package dev.locus.protocol.receipt;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.RejectReason;
import dev.locus.protocol.wire.WireReader;
import dev.locus.protocol.wire.WireWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Receipt} with the landmark's Ed25519 signature over its canonical encoding. The wire
 * form is {@code u16 body length, body, u8 signature length, signature}; the signature covers the
 * tag "LOCUS-RECEIPT-V1" followed by the body. Immutable and thread-safe.
 */
public final class SignedReceipt {
    private static final byte[] TAG = "LOCUS-RECEIPT-V1".getBytes(StandardCharsets.US_ASCII);
    /** Largest encoded signed receipt, in bytes. */
    public static final int MAX_BYTES = 1024;

    private final Receipt receipt;
    private final byte[] body;
    private final byte[] signature;

    private SignedReceipt(Receipt receipt, byte[] body, byte[] signature) {
        this.receipt = receipt;
        this.body = body;
        this.signature = signature;
    }

    /** Encodes and signs the receipt with the landmark's key. */
    public static SignedReceipt sign(Receipt receipt, LandmarkKey key) {
        if (!receipt.landmarkCertificate().equals(key.identity().fingerprint())) {
            throw new IllegalArgumentException("receipt names landmark certificate " + receipt.landmarkCertificate()
                    + " but the signing key's certificate is " + key.identity().fingerprint());
        }
        byte[] body = encodeBody(receipt);
        return new SignedReceipt(receipt, body, key.sign(signedBytes(body)));
    }

    public Receipt receipt() {
        return receipt;
    }

    /** The landmark's signature (copy). */
    public byte[] signature() {
        return signature.clone();
    }

    /** Whether the signature is valid under the given landmark certificate's key and the receipt names it. */
    public boolean isSignedBy(X509Certificate landmarkCertificate) {
        Fingerprint fp = dev.locus.protocol.identity.Certificates.fingerprint(landmarkCertificate);
        if (!fp.equals(receipt.landmarkCertificate())) {
            return false;
        }
        byte[] pk;
        try {
            pk = Ed25519Keys.rawPublicKey(landmarkCertificate.getPublicKey());
        } catch (RuntimeException e) {
            return false;
        }
        return Ed25519Keys.verify(pk, signedBytes(body), signature);
    }

    /**
     * The exact bytes the landmark signed ({@code "LOCUS-RECEIPT-V1"} followed by the body), for
     * verifiers that hold the landmark's key by other means (e.g. a registry).
     */
    public byte[] signedPayload() {
        return signedBytes(body);
    }

    /** Whether the signature is a valid Ed25519 signature of {@link #signedPayload()} by this key. */
    public boolean isSignedBy(java.security.PublicKey landmarkKey) {
        try {
            return Ed25519Keys.verify(Ed25519Keys.rawPublicKey(landmarkKey), signedBytes(body), signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The wire form (fresh array). */
    public byte[] encoded() {
        ByteBuffer b = ByteBuffer.allocate(2 + body.length + 1 + signature.length);
        new WireWriter(b).bytes16(body).bytes8(signature);
        return b.array();
    }

    /** Decodes the wire form; the signature is not checked here (see {@link #isSignedBy}). */
    public static Decoded<SignedReceipt> decode(byte[] encoded) {
        if (encoded.length > MAX_BYTES) {
            return new Decoded.Rejected<>(
                    RejectReason.OVERSIZED,
                    "signed receipt must be at most " + MAX_BYTES + " bytes, got " + encoded.length);
        }
        try {
            WireReader r = new WireReader(encoded, 0, encoded.length);
            byte[] body = r.bytes16("receipt body", 1, MAX_BYTES);
            byte[] sig = r.bytes8("receipt signature", 1, ProtocolVersion.MAX_SIGNATURE_BYTES);
            r.end("signed receipt");
            return new Decoded.Accepted<>(new SignedReceipt(decodeBody(body), body, sig));
        } catch (WireReader.Failure f) {
            return f.toDecoded();
        } catch (IllegalArgumentException e) {
            return new Decoded.Rejected<>(RejectReason.MALFORMED, "receipt: " + e.getMessage());
        }
    }

    private static byte[] signedBytes(byte[] body) {
        byte[] m = new byte[TAG.length + body.length];
        System.arraycopy(TAG, 0, m, 0, TAG.length);
        System.arraycopy(body, 0, m, TAG.length, body.length);
        return m;
    }

    static byte[] encodeBody(Receipt r) {
        ByteBuffer b = ByteBuffer.allocate(MAX_BYTES);
        WireWriter w = new WireWriter(b)
                .u8(r.protocolVersion())
                .text(r.landmarkId())
                .f64(r.landmarkPosition().latitudeDegrees())
                .f64(r.landmarkPosition().longitudeDegrees())
                .bytes(r.landmarkCertificate().toBytes())
                .text(r.deviceSerial())
                .text(r.deviceModel())
                .bytes(r.deviceCertificate().toBytes())
                .sessionId(r.sessionId())
                .u8(r.minRound())
                .nonce(r.minNonce())
                .i64(r.minRttNanos())
                .u8(r.samplesNanos().size());
        for (long s : r.samplesNanos()) {
            w.i64(s);
        }
        w.i64(epochMicros(r.measuredAt())).i64(epochMicros(r.issuedAt())).bytes8(r.deviceProof());
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static Receipt decodeBody(byte[] body) {
        WireReader r = new WireReader(body, 0, body.length);
        int version = r.u8("protocol version");
        if (version != ProtocolVersion.RECEIPT_FORMAT) {
            throw new WireReader.Failure(
                    RejectReason.UNSUPPORTED_VERSION,
                    "receipt protocol version must be " + ProtocolVersion.RECEIPT_FORMAT + ", got " + version);
        }
        String landmarkId = r.id("landmark id");
        double lat = r.f64("landmark latitude");
        double lon = r.f64("landmark longitude");
        GeoPosition position;
        try {
            position = GeoPosition.ofDegrees(lat, lon);
        } catch (RuntimeException e) {
            throw new WireReader.Failure(RejectReason.MALFORMED, "landmark position: " + e.getMessage());
        }
        Fingerprint landmarkFp = Fingerprint.of(r.bytes(Fingerprint.BYTES, "landmark certificate fingerprint"));
        String serial = r.id("device serial");
        String model = r.id("device model");
        Fingerprint deviceFp = Fingerprint.of(r.bytes(Fingerprint.BYTES, "device certificate fingerprint"));
        var session = r.sessionId("session id");
        int minRound = r.u8("min round");
        var nonce = r.nonce("min nonce");
        long minRtt = r.i64("min rtt");
        int count = r.u8("sample count", 1, ProtocolVersion.MAX_ROUNDS);
        List<Long> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(r.i64("sample"));
        }
        Instant measuredAt = fromEpochMicros(r.i64("measured at"));
        Instant issuedAt = fromEpochMicros(r.i64("issued at"));
        byte[] proof = r.bytes8("device proof", 1, ProtocolVersion.MAX_SIGNATURE_BYTES);
        r.end("receipt body");
        return new Receipt(
                version,
                landmarkId,
                position,
                landmarkFp,
                serial,
                model,
                deviceFp,
                session,
                minRound,
                nonce,
                minRtt,
                samples,
                measuredAt,
                issuedAt,
                proof);
    }

    private static long epochMicros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static Instant fromEpochMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "Signed" + receipt;
    }
}
