package dev.locus.protocol.crypto;

import dev.locus.protocol.wire.ByteString;
import dev.locus.protocol.wire.Hex;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 digest of a certificate's DER encoding: how messages and receipts name a certificate.
 * Equality compares the digests in constant time.
 *
 * @param digest the {@value #BYTES} bytes of the digest
 */
public record Fingerprint(ByteString digest) {
    public static final int BYTES = 32;

    public Fingerprint {
        if (digest.length() != BYTES) {
            throw new IllegalArgumentException("fingerprint must be " + BYTES + " bytes, got " + digest.length());
        }
    }

    /** SHA-256 over the given DER bytes. */
    public static Fingerprint ofDer(byte[] der) {
        try {
            return of(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Wraps an existing 32-byte digest (copied). */
    public static Fingerprint of(byte[] digest) {
        return new Fingerprint(ByteString.copyOf(digest));
    }

    public static Fingerprint fromHex(String hex) {
        return of(Hex.decode(hex, BYTES, "fingerprint"));
    }

    /** A fresh copy of the digest. */
    public byte[] toBytes() {
        return digest.toArray();
    }

    public String toHex() {
        return digest.toHex();
    }

    @Override
    public String toString() {
        return "SHA256:" + toHex();
    }
}
