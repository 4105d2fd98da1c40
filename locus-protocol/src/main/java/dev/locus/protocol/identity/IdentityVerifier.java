package dev.locus.protocol.identity;

import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.RejectReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;

/**
 * Checks device and landmark certificates against the CA trust anchor: signature by the CA,
 * issuer name, validity at the clock's instant, the Locus purpose (a device certificate cannot
 * act as a landmark), and the revocation list. Rejections are values naming the reason.
 * Thread-safe.
 */
public final class IdentityVerifier {
    private final X509Certificate ca;
    private final byte[] caPublicKey;
    private final InstantSource clock;
    private final Set<String> revokedSerials;

    /**
     * @param ca the trust anchor (Ed25519 CA certificate)
     * @param revokedSerials device serial numbers that must be refused
     * @param clock wall clock used for validity periods
     */
    public IdentityVerifier(X509Certificate ca, Set<String> revokedSerials, InstantSource clock) {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.caPublicKey = Ed25519Keys.rawPublicKey(ca.getPublicKey());
        this.revokedSerials = Set.copyOf(revokedSerials);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    /** Parses and checks a device certificate from the wire. */
    public Decoded<DeviceIdentity> verifyDevice(byte[] der) {
        X509Certificate cert;
        try {
            cert = Certificates.parse(der);
        } catch (IllegalArgumentException e) {
            return new Decoded.Rejected<>(RejectReason.INVALID_CERTIFICATE, e.getMessage());
        }
        return verifyDevice(cert);
    }

    /** Checks a device certificate. */
    public Decoded<DeviceIdentity> verifyDevice(X509Certificate cert) {
        String problem = chainProblem(cert);
        if (problem != null) {
            return new Decoded.Rejected<>(RejectReason.UNKNOWN_DEVICE, "device certificate " + problem);
        }
        problem = validityProblem(cert);
        if (problem != null) {
            return new Decoded.Rejected<>(RejectReason.INVALID_CERTIFICATE, "device certificate " + problem);
        }
        if (!Certificates.hasPurpose(cert, LocusOids.DEVICE_IDENTITY)) {
            return new Decoded.Rejected<>(
                    RejectReason.INVALID_CERTIFICATE,
                    "device certificate extended key usage must include " + LocusOids.DEVICE_IDENTITY);
        }
        DeviceIdentity id;
        try {
            id = Certificates.deviceIdentity(cert);
        } catch (IllegalArgumentException e) {
            return new Decoded.Rejected<>(RejectReason.INVALID_CERTIFICATE, e.getMessage());
        }
        if (revokedSerials.contains(id.serial())) {
            return new Decoded.Rejected<>(
                    RejectReason.REVOKED_DEVICE, "device serial " + id.serial() + " is on the revocation list");
        }
        return new Decoded.Accepted<>(id);
    }

    /** Checks a landmark certificate. */
    public Decoded<LandmarkIdentity> verifyLandmark(X509Certificate cert) {
        String problem = chainProblem(cert);
        if (problem == null) {
            problem = validityProblem(cert);
        }
        if (problem == null && !Certificates.hasPurpose(cert, LocusOids.LANDMARK_IDENTITY)) {
            problem = "extended key usage must include " + LocusOids.LANDMARK_IDENTITY;
        }
        if (problem != null) {
            return new Decoded.Rejected<>(RejectReason.INVALID_CERTIFICATE, "landmark certificate " + problem);
        }
        try {
            return new Decoded.Accepted<>(Certificates.landmarkIdentity(cert));
        } catch (IllegalArgumentException e) {
            return new Decoded.Rejected<>(RejectReason.INVALID_CERTIFICATE, e.getMessage());
        }
    }

    private String chainProblem(X509Certificate cert) {
        if (!cert.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return "issuer must be '" + ca.getSubjectX500Principal() + "', got '" + cert.getIssuerX500Principal() + "'";
        }
        if (!Certificates.isSignedBy(cert, caPublicKey)) {
            return "signature is not a valid Ed25519 signature of the CA";
        }
        return null;
    }

    private String validityProblem(X509Certificate cert) {
        Instant now = clock.instant();
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        if (now.isBefore(notBefore) || now.isAfter(notAfter)) {
            return "is valid from " + notBefore + " to " + notAfter + ", not at " + now;
        }
        return null;
    }
}
