package dev.locus.server.identity;

import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.crypto.SignatureVerifier;
import dev.locus.server.Bytes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

/**
 * How the registry stores a chip's public key: a raw 32-byte Ed25519 key (software and most
 * device keys), or the X.509 SubjectPublicKeyInfo DER of an ECDSA P-256 key (PKCS#11 tokens).
 * Thread-safe.
 */
public final class DeviceKeys {
    private DeviceKeys() {}

    /** The stored form of a certificate's key. */
    public static Bytes encode(PublicKey key) {
        return Ed25519Keys.isEd25519(key) ? Bytes.of(Ed25519Keys.rawPublicKey(key)) : Bytes.of(key.getEncoded());
    }

    /**
     * Whether {@code signature} is the stored key's valid signature of {@code message}; false for
     * any malformed key or signature. Ed25519 keys take BouncyCastle's fast path (about 55 µs here).
     */
    public static boolean verify(Bytes storedKey, byte[] message, byte[] signature) {
        byte[] key = storedKey.toArray();
        if (key.length == Ed25519Keys.PUBLIC_KEY_BYTES) {
            return Ed25519Keys.verify(key, message, signature);
        }
        try {
            PublicKey ec = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(key));
            return SignatureVerifier.of(ec).verify(message, signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
