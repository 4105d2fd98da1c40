package dev.locus.protocol;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.ReceiptRecord;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.SessionId;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

/** A seeded PKI (CA, Singapore landmark, one device) and receipts signed without any network. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    public final SecureRandom random;
    public final CertificateAuthority ca;
    public final LandmarkKey landmark;
    public final Pkcs12DeviceKey device;

    public Fixtures(long seed) {
        random = seeded(seed);
        ca = CertificateAuthority.create("Fixture CA", Duration.ofDays(365), InstantSource.fixed(NOW), random);
        landmark = LandmarkKey.generate(
                ca, "sg1", "Singapore", GeoPosition.ofDegrees(1.3667, 103.75), Duration.ofDays(30), random);
        device = Pkcs12DeviceKey.generate(ca, "1650923000001", "NVIDIA H100 80GB HBM3", Duration.ofDays(30), random);
    }

    public IdentityVerifier verifier() {
        return new IdentityVerifier(ca.certificate(), Set.of(), InstantSource.fixed(NOW));
    }

    /** A receipt as the landmark would issue it, with a real device proof for the shortest round. */
    public ReceiptRecord receipt(List<Long> samples, Instant measuredAt) {
        SessionId session = SessionId.random(random);
        Nonce nonce = Nonce.random(random);
        int minRound = samples.indexOf(samples.stream().min(Long::compare).orElseThrow());
        byte[] proof = device.sign(ProofMessage.of(
                session,
                minRound,
                nonce,
                landmark.identity().id(),
                device.identity().fingerprint()));
        Receipt r = Receipt.of(
                landmark.identity(),
                device.identity().serial(),
                device.identity().model(),
                device.identity().fingerprint(),
                session,
                minRound,
                nonce,
                samples,
                measuredAt,
                measuredAt.plusMillis(5),
                proof);
        return new ReceiptRecord(
                SignedReceipt.sign(r, landmark),
                landmark.identity().certificate(),
                device.identity().certificate());
    }

    public static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA1PRNG is part of every JDK", e);
        }
    }
}
