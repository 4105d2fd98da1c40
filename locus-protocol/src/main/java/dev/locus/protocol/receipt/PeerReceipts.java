package dev.locus.protocol.receipt;

import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.DeviceIdentity;
import dev.locus.protocol.identity.LandmarkIdentity;
import dev.locus.protocol.wire.ProofMessage;
import java.util.Optional;

/**
 * Peer round trips: one landmark (the <em>measuring</em> one) opens an ordinary measurement session
 * with another (the <em>measured</em> one), answering its timed challenges with its own landmark
 * key where a device would use its device key. The measured landmark times the rounds and signs
 * the receipt, exactly as for a device; the receipt names the measuring landmark where it names a
 * device (serial = its landmark id, model = {@link #PEER_MODEL}, certificate fingerprint = its
 * landmark certificate's). A peer receipt therefore carries two signatures: the measured landmark's
 * over the timing, and the measuring landmark's over the shortest round's {@link ProofMessage}.
 * Stateless and thread-safe.
 */
public final class PeerReceipts {
    /** The device model a receipt names when the answering party is a landmark, not a chip. */
    public static final String PEER_MODEL = "Locus landmark";

    private PeerReceipts() {}

    /** The identity a landmark answers challenges under when it measures a peer. */
    public static DeviceIdentity asPeer(LandmarkIdentity landmark) {
        return new DeviceIdentity(landmark.id(), PEER_MODEL, landmark.certificate(), landmark.fingerprint());
    }

    /** Whether the receipt was answered by a landmark rather than a chip. */
    public static boolean isPeerReceipt(Receipt r) {
        return PEER_MODEL.equals(r.deviceModel());
    }

    /**
     * Checks both signatures of a peer receipt against raw Ed25519 public keys (for a verifier that
     * holds registered keys rather than certificates).
     *
     * @param measuredKey the measured landmark's key (signs the receipt)
     * @param measuringKey the measuring landmark's key (signs the timed round's proof)
     * @return empty when both verify, else which one fails
     */
    public static Optional<String> verify(SignedReceipt signed, byte[] measuredKey, byte[] measuringKey) {
        Receipt r = signed.receipt();
        if (!isPeerReceipt(r)) {
            return Optional.of("receipt was answered by device model '" + r.deviceModel() + "', not by a landmark ("
                    + PEER_MODEL + ")");
        }
        if (!Ed25519Keys.verify(measuredKey, signed.signedPayload(), signed.signature())) {
            return Optional.of("receipt signature does not verify with measured landmark " + r.landmarkId() + "'s key");
        }
        byte[] proof =
                ProofMessage.of(r.sessionId(), r.minRound(), r.minNonce(), r.landmarkId(), r.deviceCertificate());
        if (!Ed25519Keys.verify(measuringKey, proof, r.deviceProof())) {
            return Optional.of("proof of the timed round does not verify with measuring landmark " + r.deviceSerial()
                    + "'s key: another key answered the challenge");
        }
        return Optional.empty();
    }
}
