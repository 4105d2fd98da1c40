package dev.locus.protocol.wire;

/** Wire constants shared by every message: magic, version and size bounds. */
public final class ProtocolVersion {
    /**
     * The only exchange version this build speaks (the version byte of every datagram). Version 2
     * added the stateless cookie round ({@code RETRY}) and request padding; see docs/protocol.md.
     */
    public static final int CURRENT = 2;

    /**
     * Version of the signed receipt's encoding ({@code LOCUS-RECEIPT-V1}), written in every receipt.
     * Independent of {@link #CURRENT}: the exchange changed in version 2, the receipt did not.
     */
    public static final int RECEIPT_FORMAT = 1;

    /** Two magic bytes, "LO", at the start of every datagram. */
    public static final byte MAGIC_0 = 0x4C;

    public static final byte MAGIC_1 = 0x4F;

    /** Largest datagram either side accepts, in bytes; larger ones are rejected as OVERSIZED. Timed messages (challenge, response) are under 200 bytes; only a receipt with its landmark certificate comes near this bound. */
    public static final int MAX_DATAGRAM_BYTES = 2048;

    /** Header: magic (2), version (1), type (1). */
    public static final int HEADER_BYTES = 4;

    /** Most rounds one measurement session may ask for. */
    public static final int MAX_ROUNDS = 32;

    /** Largest DER device certificate carried in a HELLO, in bytes. */
    public static final int MAX_CERTIFICATE_BYTES = 1024;

    /** Longest identifier (landmark id, device serial, model) in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 64;

    /**
     * Smallest HELLO a landmark answers, in bytes (as QUIC's 1200-byte Initial): every answer to a
     * HELLO (RETRY, CHALLENGE, REJECT) is smaller, so a HELLO from a forged source can never be
     * reflected larger. Agents pad their HELLO to at least this size.
     */
    public static final int MIN_HELLO_BYTES = 1200;

    /** Length of a landmark's cookie in a RETRY or HELLO, in bytes, at most. */
    public static final int MAX_COOKIE_BYTES = 32;

    /** Largest signature accepted (Ed25519 is 64; DER ECDSA P-256 at most 72). */
    public static final int MAX_SIGNATURE_BYTES = 128;

    private ProtocolVersion() {}
}
