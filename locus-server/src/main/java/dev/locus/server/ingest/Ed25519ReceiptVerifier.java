package dev.locus.server.ingest;

import dev.locus.server.Bytes;
import dev.locus.server.registry.Landmark;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Verifies {@link ReceiptPayloadV1} receipts signed with Ed25519 by the landmark's registered raw
 * 32-byte public key. The payload is re-encoded from the receipt's fields and compared in constant
 * time, so a valid signature over other values never vouches for these. Thread-safe.
 */
public final class Ed25519ReceiptVerifier implements ReceiptSignatureVerifier {
    /** DER prefix of an X.509 SubjectPublicKeyInfo for an Ed25519 key; the raw key follows. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    @Override
    public Optional<String> verify(Receipt r, Landmark landmark) {
        if (r.protocolVersion() != ReceiptPayloadV1.VERSION) {
            return Optional.of("protocol_version " + r.protocolVersion() + " is not verifiable by this verifier");
        }
        Bytes expected = ReceiptPayloadV1.encode(
                r.landmarkId(), r.chipSerial(), r.nonce(), r.rttMinNanos(), r.rttSamplesNanos(), r.measuredAt());
        if (!expected.constantTimeEquals(r.signedPayload())) {
            return Optional.of("payload does not encode the receipt's fields");
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey(landmark.publicKey()));
            s.update(r.signedPayload().toArray());
            return s.verify(r.signature().toArray())
                    ? Optional.empty()
                    : Optional.of("signature does not verify with landmark " + landmark.id() + "'s key");
        } catch (java.security.SignatureException e) {
            return Optional.of("signature is not a valid Ed25519 signature");
        } catch (GeneralSecurityException e) {
            return Optional.of("landmark " + landmark.id() + " has no usable Ed25519 key");
        }
    }

    /** Turns a raw 32-byte Ed25519 public key into a JCA key. */
    public static PublicKey publicKey(Bytes raw) throws GeneralSecurityException {
        byte[] key = raw.toArray();
        if (key.length != 32) {
            throw new java.security.InvalidKeyException("Ed25519 public keys are 32 bytes, got " + key.length);
        }
        byte[] der = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(key, 0, der, X509_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    /** The raw 32-byte form of a JCA Ed25519 public key (the last 32 bytes of its X.509 encoding). */
    public static Bytes rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        return Bytes.of(java.util.Arrays.copyOfRange(der, der.length - 32, der.length));
    }
}
