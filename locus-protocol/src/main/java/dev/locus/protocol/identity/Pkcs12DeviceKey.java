package dev.locus.protocol.identity;

import dev.locus.protocol.ProtocolException;
import dev.locus.protocol.crypto.Ed25519Keys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A device key in a software PKCS#12 store: Ed25519 signed with BouncyCastle (about 22 us a
 * signature on the reference machine). The seed is held in memory until {@link #close()} wipes
 * it. Thread-safe.
 */
public final class Pkcs12DeviceKey implements DeviceKey {
    private final DeviceIdentity identity;
    private final byte[] secret;
    private final byte[] publicKey;
    private volatile boolean closed;

    private Pkcs12DeviceKey(DeviceIdentity identity, byte[] secret) {
        this.identity = identity;
        this.secret = secret;
        this.publicKey = Ed25519Keys.publicKey(secret);
        if (!java.security.MessageDigest.isEqual(
                publicKey, Ed25519Keys.rawPublicKey(identity.certificate().getPublicKey()))) {
            throw new ProtocolException(
                    "device certificate of " + identity.serial() + " does not match its private key");
        }
    }

    /**
     * Loads a device key store written by {@link #create}.
     *
     * @throws IOException when the file is unreadable or the password wrong
     * @throws IllegalArgumentException when the certificate is not a device certificate
     */
    public static Pkcs12DeviceKey load(Path file, char[] password) throws IOException {
        KeyStores.Entry e = KeyStores.read(file, password);
        return new Pkcs12DeviceKey(Certificates.deviceIdentity(e.leaf()), Ed25519Keys.rawSecret(e.privateKey()));
    }

    /**
     * Generates a device key, has the CA certify it and writes the new store (key, device
     * certificate, CA certificate). Stands in for the manufacturer's key injection.
     */
    public static Pkcs12DeviceKey create(
            Path file,
            CertificateAuthority ca,
            String serial,
            String model,
            Duration validity,
            char[] password,
            SecureRandom random)
            throws IOException {
        Pkcs12DeviceKey key = generate(ca, serial, model, validity, random);
        KeyStores.writeEd25519(file, key.secret, List.of(key.identity.certificate(), ca.certificate()), password);
        return key;
    }

    /** Generates and certifies a device key held only in memory (tests, benchmarks, simulations). */
    public static Pkcs12DeviceKey generate(
            CertificateAuthority ca, String serial, String model, Duration validity, SecureRandom random) {
        byte[] sk = Ed25519Keys.generateSecret(random);
        var cert =
                ca.certifyDevice(serial, model, Ed25519Keys.subjectPublicKeyInfo(Ed25519Keys.publicKey(sk)), validity);
        return new Pkcs12DeviceKey(Certificates.deviceIdentity(cert), sk);
    }

    @Override
    public DeviceIdentity identity() {
        return identity;
    }

    @Override
    public byte[] sign(byte[] message) {
        if (closed) {
            throw new ProtocolException("device key " + identity.serial() + " is closed");
        }
        return Ed25519Keys.sign(secret, publicKey, message);
    }

    @Override
    public String algorithm() {
        return "Ed25519";
    }

    @Override
    public void close() {
        closed = true;
        Arrays.fill(secret, (byte) 0);
    }
}
