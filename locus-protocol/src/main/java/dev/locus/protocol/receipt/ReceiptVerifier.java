package dev.locus.protocol.receipt;

import dev.locus.protocol.crypto.SignatureVerifier;
import dev.locus.protocol.identity.DeviceIdentity;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkIdentity;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.RejectReason;
import java.util.Objects;

/**
 * Checks a receipt end to end, as anyone holding the CA certificate can: the landmark certificate
 * chains to the CA and names the receipt's landmark id and position, the landmark signature is
 * valid, the device certificate chains to the CA and names the receipt's device, and the device's
 * proof over the shortest round is valid. Thread-safe.
 */
public final class ReceiptVerifier {
    private final IdentityVerifier identities;

    public ReceiptVerifier(IdentityVerifier identities) {
        this.identities = Objects.requireNonNull(identities, "identities");
    }

    /** The verified receipt, or the first reason it cannot be trusted. */
    public Decoded<Receipt> verify(ReceiptRecord rec) {
        Receipt r = rec.receipt();
        Decoded<LandmarkIdentity> lm = identities.verifyLandmark(rec.landmarkCertificate());
        if (lm instanceof Decoded.Rejected<LandmarkIdentity> rej) {
            return rej.cast();
        }
        LandmarkIdentity landmark = ((Decoded.Accepted<LandmarkIdentity>) lm).value();
        if (!landmark.id().equals(r.landmarkId())) {
            return new Decoded.Rejected<>(
                    RejectReason.WRONG_LANDMARK,
                    "receipt names landmark '" + r.landmarkId() + "' but its certificate is for '" + landmark.id()
                            + "'");
        }
        if (!landmark.position().equals(r.landmarkPosition())) {
            return new Decoded.Rejected<>(
                    RejectReason.BAD_RECEIPT,
                    "receipt position " + r.landmarkPosition() + " differs from the certified " + landmark.position());
        }
        if (!rec.signedReceipt().isSignedBy(rec.landmarkCertificate())) {
            return new Decoded.Rejected<>(
                    RejectReason.BAD_SIGNATURE, "receipt signature is not valid for landmark " + landmark.id());
        }
        Decoded<DeviceIdentity> dev = identities.verifyDevice(rec.deviceCertificate());
        if (dev instanceof Decoded.Rejected<DeviceIdentity> rej) {
            return rej.cast();
        }
        DeviceIdentity device = ((Decoded.Accepted<DeviceIdentity>) dev).value();
        if (!device.fingerprint().equals(r.deviceCertificate())
                || !device.serial().equals(r.deviceSerial())) {
            return new Decoded.Rejected<>(
                    RejectReason.BAD_RECEIPT,
                    "receipt names device " + r.deviceSerial() + " / " + r.deviceCertificate()
                            + " but the certificate given is " + device.serial() + " / " + device.fingerprint());
        }
        byte[] proof =
                ProofMessage.of(r.sessionId(), r.minRound(), r.minNonce(), r.landmarkId(), r.deviceCertificate());
        if (!SignatureVerifier.of(device.certificate().getPublicKey()).verify(proof, r.deviceProof())) {
            return new Decoded.Rejected<>(
                    RejectReason.BAD_SIGNATURE, "device proof in the receipt is not valid for " + device.serial());
        }
        return new Decoded.Accepted<>(r);
    }
}
