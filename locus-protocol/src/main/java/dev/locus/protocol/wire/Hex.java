package dev.locus.protocol.wire;

import java.util.HexFormat;

/** Hex helpers with messages that name the field. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {}

    public static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * Decodes exactly {@code expectedBytes} bytes of hex.
     *
     * @throws IllegalArgumentException naming the field when the text is not that
     */
    public static byte[] decode(String hex, int expectedBytes, String field) {
        if (hex.length() != expectedBytes * 2) {
            throw new IllegalArgumentException(
                    field + " must be " + expectedBytes * 2 + " hex digits, got " + hex.length() + " characters");
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be hex digits, got '" + hex + "'", e);
        }
    }
}
