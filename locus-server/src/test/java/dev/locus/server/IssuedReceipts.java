package dev.locus.server;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.LandmarkKey;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receipts exactly as Locus landmarks issue them ({@code LOCUS-RECEIPT-V1}, signed by a certified
 * landmark key) with the device's own proof of the shortest round, for tests that need many chips
 * and landmarks: landmarks are certified by a seeded test CA, chips hold bare Ed25519 device keys
 * that the test registers as their {@code device_public_key}. Thread-safe.
 */
public final class IssuedReceipts {
    private final SecureRandom random;
    private final CertificateAuthority ca;
    private final Map<String, LandmarkKey> landmarks = new ConcurrentHashMap<>();
    private final Map<String, byte[]> deviceSecrets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> devicePublicKeys = new ConcurrentHashMap<>();

    public IssuedReceipts(long seed) {
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA1PRNG is part of every JDK", e);
        }
        random.setSeed(seed);
        ca = CertificateAuthority.create(
                "Test landmark CA",
                Duration.ofDays(3650),
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")),
                random);
    }

    /** Certifies landmark {@code id} at the position; gives its raw Ed25519 key as the registry takes it. */
    public synchronized Bytes landmark(String id, double latitudeDeg, double longitudeDeg) {
        LandmarkKey key = landmarks.computeIfAbsent(
                id,
                k -> LandmarkKey.generate(
                        ca,
                        id,
                        "landmark " + id,
                        GeoPosition.ofDegrees(latitudeDeg, longitudeDeg),
                        Duration.ofDays(3000),
                        random));
        return Bytes.of(Ed25519Keys.rawPublicKey(key.identity().certificate().getPublicKey()));
    }

    /** The chip's bare Ed25519 device key (made on first use), as its {@code device_public_key}. */
    public Bytes deviceKey(String serial) {
        return Bytes.of(devicePublicKeys.computeIfAbsent(serial, s -> {
            byte[] secret;
            synchronized (this) {
                secret = Ed25519Keys.generateSecret(random);
            }
            deviceSecrets.put(s, secret);
            return Ed25519Keys.publicKey(secret);
        }));
    }

    /** A receipt of {@code landmarkId} measuring chip {@code serial}, answered with the chip's own key. */
    public Receipt sign(String landmarkId, String serial, List<Long> samplesNanos, Instant measuredAt) {
        return sign(landmarkId, serial, samplesNanos, measuredAt, m -> proof(serial, m));
    }

    /** The chip's device signature over {@code message} (a {@link ProofMessage}). */
    public byte[] proof(String serial, byte[] message) {
        deviceKey(serial);
        return Ed25519Keys.sign(deviceSecrets.get(serial), devicePublicKeys.get(serial), message);
    }

    /** As {@link #sign(String, String, List, Instant)}, but the proof is made by {@code device}. */
    public Receipt sign(
            String landmarkId,
            String serial,
            List<Long> samplesNanos,
            Instant measuredAt,
            java.util.function.UnaryOperator<byte[]> device) {
        LandmarkKey landmark = landmarks.get(landmarkId);
        if (landmark == null) {
            throw new IllegalArgumentException("landmark " + landmarkId + " was not certified with landmark(..)");
        }
        SessionId session;
        Nonce nonce;
        synchronized (this) {
            session = SessionId.random(random);
            nonce = Nonce.random(random);
        }
        Fingerprint named = Fingerprint.ofDer(deviceKey(serial).toArray()); // a bare key: its SHA-256
        return ProtocolReceipts.toReceipt(DevicePki.landmarkSigned(
                landmark, serial, "H100", named, device, session, nonce, samplesNanos, measuredAt, measuredAt));
    }
}
