package dev.locus.server.mesh;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.receipt.PeerReceipts;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.SessionId;
import dev.locus.server.Bytes;
import dev.locus.server.Fixtures;
import dev.locus.server.registry.RegistryService;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Landmark keys certified by one seeded test CA, registered in a control plane, and peer receipts
 * signed exactly as {@code PeerProber} and {@code LandmarkServer} sign them (the measured landmark
 * signs the receipt, the measuring landmark the timed round's proof).
 */
final class PeerMesh {
    final SecureRandom random;
    final CertificateAuthority ca;
    final Map<String, LandmarkKey> keys = new LinkedHashMap<>();

    PeerMesh(long seed) {
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        random.setSeed(seed);
        ca = CertificateAuthority.create(
                "Mesh test CA", Duration.ofDays(3650), InstantSource.fixed(Fixtures.NOW.minusSeconds(3600)), random);
    }

    /** Certifies a landmark at {@code position} (its claimed, possibly false, position). */
    LandmarkKey landmark(String id, String name, GeoPosition position) {
        LandmarkKey k = LandmarkKey.generate(ca, id, name, position, Duration.ofDays(3650), random);
        keys.put(id, k);
        return k;
    }

    /** Registers every certified landmark at its certified position. */
    void register(RegistryService registry) {
        for (LandmarkKey k : keys.values()) {
            GeoPosition p = k.identity().position();
            registry.createLandmark(
                    Map.of(
                            "id", k.identity().id(),
                            "name", k.identity().name(),
                            "latitude_deg", Double.toString(p.latitudeDegrees()),
                            "longitude_deg", Double.toString(p.longitudeDegrees()),
                            "public_key", Bytes.of(rawKey(k)).toBase64()),
                    "test");
        }
    }

    static byte[] rawKey(LandmarkKey k) {
        return Ed25519Keys.rawPublicKey(k.identity().certificate().getPublicKey());
    }

    /** A peer receipt: {@code measured} timed {@code rttNanos} to {@code measuring} at {@code at}. */
    SignedReceipt receipt(LandmarkKey measuring, LandmarkKey measured, long rttNanos, Instant at) {
        return receipt(measuring, measuring, measured, rttNanos, at);
    }

    /** As above, but the timed round answered (proof signed) by {@code answeredBy}. */
    SignedReceipt receipt(
            LandmarkKey measuring, LandmarkKey answeredBy, LandmarkKey measured, long rttNanos, Instant at) {
        SessionId session = SessionId.random(random);
        Nonce nonce = Nonce.random(random);
        var self = measuring.identity();
        byte[] proof = answeredBy.sign(
                ProofMessage.of(session, 0, nonce, measured.identity().id(), self.fingerprint()));
        Receipt r = new Receipt(
                ProtocolVersion.RECEIPT_FORMAT,
                measured.identity().id(),
                measured.identity().position(),
                measured.identity().fingerprint(),
                self.id(),
                PeerReceipts.PEER_MODEL,
                self.fingerprint(),
                session,
                0,
                nonce,
                rttNanos,
                List.of(rttNanos),
                at,
                at,
                proof);
        return SignedReceipt.sign(r, measured);
    }
}
