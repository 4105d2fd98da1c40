package dev.locus.wire;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a server certificate (its DER encoding), written {@code
 * sha256:<64 hex digits>}: what the server prints at start and what a client pins with {@code --pin}.
 *
 * @param sha256 the 32-byte digest (copied in and out)
 */
public record CertificatePin(byte[] sha256) {
    private static final String PREFIX = "sha256:";
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public CertificatePin {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 pin has 32 bytes, got " + sha256.length);
        }
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** The pin of {@code certificate}. */
    public static CertificatePin of(X509Certificate certificate) {
        try {
            return new CertificatePin(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /**
     * Reads {@code sha256:<hex>}; the hex may be upper or lower case and grouped with colons (as
     * {@code openssl x509 -fingerprint -sha256} prints it).
     *
     * @throws IllegalArgumentException naming the value and the form allowed
     */
    public static CertificatePin parse(String text) {
        String t = text.strip();
        String hex = t.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? t.substring(PREFIX.length()) : t;
        hex = hex.replace(":", "").toLowerCase(Locale.ROOT);
        if (!HEX_64.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                    "pin must be sha256:<64 hex digits> (the SHA-256 of the server's certificate), got '" + text + "'");
        }
        return new CertificatePin(HexFormat.of().parseHex(hex));
    }

    /** Whether {@code certificate} is the pinned one (constant-time comparison). */
    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(sha256, of(certificate).sha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificatePin p && MessageDigest.isEqual(sha256, p.sha256);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return PREFIX + HexFormat.of().formatHex(sha256);
    }
}
