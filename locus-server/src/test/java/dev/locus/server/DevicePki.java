package dev.locus.server;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.DeviceKey;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.SessionId;
import dev.locus.server.ingest.ProtocolReceipts;
import dev.locus.server.ingest.Receipt;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A seeded manufacturer CA, the {@link Fixtures} landmark {@code lm-sg} as a certified Locus
 * landmark, device certificates, and receipts as that landmark issues them ({@code
 * LOCUS-RECEIPT-V1}) with the device's real proof of the timed round. Certificates are issued at
 * {@link Fixtures#NOW} unless another instant or a CA with another clock is asked for.
 */
public final class DevicePki {
    /** Where {@link Fixtures} registers the landmark {@code lm-sg}. */
    public static final GeoPosition LM_SG = GeoPosition.ofDegrees(1.35, 103.82);

    public final SecureRandom random;
    public final CertificateAuthority ca;
    public final LandmarkKey landmark;

    public DevicePki(long seed) {
        this(seed, Fixtures.NOW);
    }

    /** A PKI whose CA issues its certificates at {@code issuingAt} (e.g. now, for a server on the system clock). */
    public DevicePki(long seed, Instant issuingAt) {
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA1PRNG is part of every JDK", e);
        }
        random.setSeed(seed);
        ca = ca("Test manufacturer CA", issuingAt);
        landmark = LandmarkKey.generate(ca, "lm-sg", "Singapore landmark", LM_SG, Duration.ofDays(30), random);
    }

    /** Another CA, whose certificates are issued at {@code issuingAt}. */
    public CertificateAuthority ca(String name, Instant issuingAt) {
        return CertificateAuthority.create(name, Duration.ofDays(365), InstantSource.fixed(issuingAt), random);
    }

    /** A device certificate of this PKI's CA, valid for 30 days from a minute before it is issued. */
    public Pkcs12DeviceKey device(String serial, String model) {
        return device(ca, serial, model, Duration.ofDays(30));
    }

    public Pkcs12DeviceKey device(CertificateAuthority issuer, String serial, String model, Duration validity) {
        return Pkcs12DeviceKey.generate(issuer, serial, model, validity, random);
    }

    /** The landmark's raw Ed25519 public key, as the registry holds it. */
    public Bytes landmarkPublicKey() {
        return Bytes.of(
                Ed25519Keys.rawPublicKey(landmark.identity().certificate().getPublicKey()));
    }

    /** A receipt of the landmark measuring {@code device} (two rounds, the shorter 2 ms) at {@code measuredAt}. */
    public Receipt receipt(DeviceKey device, Instant measuredAt) {
        return receipt(device, List.of(2_100_000L, 2_000_000L), measuredAt);
    }

    public Receipt receipt(DeviceKey device, List<Long> samplesNanos, Instant measuredAt) {
        return ProtocolReceipts.toReceipt(signedReceipt(
                device.identity().serial(),
                device.identity().model(),
                device.identity().fingerprint(),
                device::sign,
                samplesNanos,
                measuredAt));
    }

    /**
     * A receipt signed by this PKI's landmark naming the device certificate {@code named}, whose
     * proof of the shortest round is made by {@code signer} (which need not hold that certificate's
     * key); {@link ProtocolReceipts#toReceipt} turns it into the control plane's receipt.
     */
    public SignedReceipt signedReceipt(
            String serial,
            String model,
            Fingerprint named,
            UnaryOperator<byte[]> signer,
            List<Long> samplesNanos,
            Instant measuredAt) {
        SessionId session = SessionId.random(random);
        Nonce nonce = Nonce.random(random);
        return landmarkSigned(
                landmark,
                serial,
                model,
                named,
                signer,
                session,
                nonce,
                samplesNanos,
                measuredAt,
                measuredAt.plusMillis(5));
    }

    /**
     * A receipt signed by {@code landmark} for device {@code serial} (certificate or key
     * {@code named}), whose shortest round in {@code samplesNanos} is proven by {@code signer}.
     */
    public static SignedReceipt landmarkSigned(
            LandmarkKey landmark,
            String serial,
            String model,
            Fingerprint named,
            UnaryOperator<byte[]> signer,
            SessionId session,
            Nonce nonce,
            List<Long> samplesNanos,
            Instant measuredAt,
            Instant receivedAt) {
        int minRound =
                samplesNanos.indexOf(samplesNanos.stream().min(Long::compare).orElseThrow());
        byte[] proof = signer.apply(
                ProofMessage.of(session, minRound, nonce, landmark.identity().id(), named));
        var receipt = dev.locus.protocol.receipt.Receipt.of(
                landmark.identity(),
                serial,
                model,
                named,
                session,
                minRound,
                nonce,
                samplesNanos,
                measuredAt,
                receivedAt,
                proof);
        return SignedReceipt.sign(receipt, landmark);
    }
}
