package dev.locus.protocol.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies signatures made by one public key. Ed25519 keys take BouncyCastle's fast path; ECDSA
 * P-256 keys (what PKCS#11 tokens commonly hold) go through the JDK as SHA256withECDSA.
 * Implementations are thread-safe.
 */
public interface SignatureVerifier {

    /** True only for a valid signature of this key over the message; never throws on bad input. */
    boolean verify(byte[] message, byte[] signature);

    /** The algorithm name, e.g. "Ed25519" or "SHA256withECDSA". */
    String algorithm();

    /** A verifier for the key; throws {@link IllegalArgumentException} for unsupported key types. */
    static SignatureVerifier of(PublicKey key) {
        if (Ed25519Keys.isEd25519(key)) {
            byte[] raw = Ed25519Keys.rawPublicKey(key);
            // decompress and fully validate the point once, not on every verification
            Ed25519.PublicPoint point =
                    raw.length == Ed25519.PUBLIC_KEY_SIZE ? Ed25519.validatePublicKeyFullExport(raw, 0) : null;
            if (point == null) {
                throw new IllegalArgumentException(
                        "Ed25519 public key is not a valid curve point of the prime-order subgroup");
            }
            return new SignatureVerifier() {
                @Override
                public boolean verify(byte[] message, byte[] signature) {
                    return signature.length == Ed25519.SIGNATURE_SIZE
                            && Ed25519.verify(signature, 0, point, message, 0, message.length);
                }

                @Override
                public String algorithm() {
                    return "Ed25519";
                }
            };
        }
        if ("EC".equals(key.getAlgorithm())) {
            return new SignatureVerifier() {
                @Override
                public boolean verify(byte[] message, byte[] signature) {
                    try {
                        Signature s = Signature.getInstance("SHA256withECDSA");
                        s.initVerify(key);
                        s.update(message);
                        return s.verify(signature);
                    } catch (GeneralSecurityException | RuntimeException e) {
                        return false; // malformed DER signature: not valid
                    }
                }

                @Override
                public String algorithm() {
                    return "SHA256withECDSA";
                }
            };
        }
        throw new IllegalArgumentException(
                "public key algorithm must be Ed25519 or EC (P-256), got " + key.getAlgorithm());
    }
}
