package dev.locus.protocol.identity;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.ProtocolException;
import dev.locus.protocol.crypto.Ed25519Keys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A landmark's receipt-signing key (Ed25519, PKCS#12 store) with its certified identity. Thread-safe.
 */
public final class LandmarkKey implements AutoCloseable {
    private final LandmarkIdentity identity;
    private final byte[] secret;
    private final byte[] publicKey;

    private LandmarkKey(LandmarkIdentity identity, byte[] secret) {
        this.identity = identity;
        this.secret = secret;
        this.publicKey = Ed25519Keys.publicKey(secret);
        if (!java.security.MessageDigest.isEqual(
                publicKey, Ed25519Keys.rawPublicKey(identity.certificate().getPublicKey()))) {
            throw new ProtocolException("landmark certificate of " + identity.id() + " does not match its key");
        }
    }

    public static LandmarkKey load(Path file, char[] password) throws IOException {
        KeyStores.Entry e = KeyStores.read(file, password);
        return new LandmarkKey(Certificates.landmarkIdentity(e.leaf()), Ed25519Keys.rawSecret(e.privateKey()));
    }

    /** Generates a landmark key, has the CA certify it with its position and writes the new store. */
    public static LandmarkKey create(
            Path file,
            CertificateAuthority ca,
            String id,
            String name,
            GeoPosition position,
            Duration validity,
            char[] password,
            SecureRandom random)
            throws IOException {
        LandmarkKey key = generate(ca, id, name, position, validity, random);
        KeyStores.writeEd25519(file, key.secret, List.of(key.identity.certificate(), ca.certificate()), password);
        return key;
    }

    /** Generates and certifies a landmark key held only in memory (tests, benchmarks, simulations). */
    public static LandmarkKey generate(
            CertificateAuthority ca,
            String id,
            String name,
            GeoPosition position,
            Duration validity,
            SecureRandom random) {
        byte[] sk = Ed25519Keys.generateSecret(random);
        var cert = ca.certifyLandmark(
                id, name, position, Ed25519Keys.subjectPublicKeyInfo(Ed25519Keys.publicKey(sk)), validity);
        return new LandmarkKey(Certificates.landmarkIdentity(cert), sk);
    }

    public LandmarkIdentity identity() {
        return identity;
    }

    /** Signs with the landmark key (receipts). */
    public byte[] sign(byte[] message) {
        return Ed25519Keys.sign(secret, publicKey, message);
    }

    @Override
    public void close() {
        Arrays.fill(secret, (byte) 0);
    }
}
