package dev.locus.protocol.crypto;

import dev.locus.protocol.wire.Hex;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** The SHA-256 digest of a certificate's DER encoding: how messages and receipts name a certificate. */
public final class Fingerprint {
    public static final int BYTES = 32;

    private final byte[] digest;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
    }

    /** SHA-256 over the given DER bytes. */
    public static Fingerprint ofDer(byte[] der) {
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Wraps an existing 32-byte digest (copied). */
    public static Fingerprint of(byte[] digest) {
        if (digest.length != BYTES) {
            throw new IllegalArgumentException("fingerprint must be " + BYTES + " bytes, got " + digest.length);
        }
        return new Fingerprint(digest.clone());
    }

    public static Fingerprint fromHex(String hex) {
        return new Fingerprint(Hex.decode(hex, BYTES, "fingerprint"));
    }

    /** A fresh copy of the digest. */
    public byte[] toBytes() {
        return digest.clone();
    }

    public String toHex() {
        return Hex.encode(digest);
    }

    /** Constant-time comparison. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && MessageDigest.isEqual(digest, f.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "SHA256:" + toHex();
    }
}
