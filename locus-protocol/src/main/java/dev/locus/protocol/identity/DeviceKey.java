package dev.locus.protocol.identity;

/**
 * A device's signing key, used where it is stored: a software PKCS#12 store ({@link
 * Pkcs12DeviceKey}) or a hardware token; the private key never leaves its store through this
 * interface. Implementations are thread-safe.
 */
public interface DeviceKey extends AutoCloseable {

    /** The certified identity of this key. */
    DeviceIdentity identity();

    /**
     * Signs the message (a {@link dev.locus.protocol.wire.ProofMessage}).
     *
     * @throws dev.locus.protocol.ProtocolException when the store cannot sign (token removed, closed)
     */
    byte[] sign(byte[] message);

    /** The signature algorithm, e.g. "Ed25519". */
    String algorithm();

    /** Releases the key material held in memory or the token session. */
    @Override
    void close();
}
