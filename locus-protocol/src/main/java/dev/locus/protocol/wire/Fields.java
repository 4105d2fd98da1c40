package dev.locus.protocol.wire;

import java.nio.charset.StandardCharsets;

/** Validation of the text fields shared by messages and receipts. */
public final class Fields {
    private Fields() {}

    /**
     * Checks an identifier (landmark id, device serial, model): 1..{@value
     * ProtocolVersion#MAX_ID_BYTES} UTF-8 bytes with no control characters.
     *
     * @throws IllegalArgumentException naming the field and the value
     */
    public static String checkId(String field, String value) {
        String problem = idProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
        return value;
    }

    /** Why the value is not a valid identifier, or null when it is. */
    static String idProblem(String value) {
        if (value == null || value.isEmpty()) {
            return "must not be empty";
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ProtocolVersion.MAX_ID_BYTES) {
            return "must be at most " + ProtocolVersion.MAX_ID_BYTES + " UTF-8 bytes, got " + bytes;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return "must not contain control characters, got one at index " + i;
            }
        }
        return null;
    }
}
