package dev.locus.server.api;

/**
 * What a route's request body may hold, enforced while the body is read (never from
 * {@code Content-Length} alone: a chunked body has none).
 *
 * @param kind what the body is
 * @param maxBytes the most bytes read from the body; one more answers 413
 * @param maxItems for a batch (a JSON array), the most elements; 1 for a single object
 * @param maxTokensPerItem the most JSON tokens in one object (its field names, values and brackets)
 * @param maxStringChars the longest JSON string (a value or a field name), in characters
 * @param maxDepth the deepest nesting of arrays and objects, the batch's array included
 */
public record BodyLimit(
        Kind kind, long maxBytes, int maxItems, int maxTokensPerItem, int maxStringChars, int maxDepth) {

    /** What a body is. */
    public enum Kind {
        /** The route reads no body; up to {@code maxBytes} are drained and ignored. */
        NONE,
        /** One JSON object, or for a batch route a JSON array of objects ({@code application/json}). */
        JSON,
        /** A bulk file: CSV ({@code text/csv}) or a JSON array of flat objects ({@code application/json}). */
        FILE
    }

    public BodyLimit {
        if (maxBytes < 0 || maxItems < 1 || maxTokensPerItem < 2 || maxStringChars < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("body limits must be positive, got " + maxBytes + " bytes, "
                    + maxItems + " items, " + maxTokensPerItem + " tokens, " + maxStringChars + " chars, depth "
                    + maxDepth);
        }
    }

    /** A route that takes no body: at most 1 KiB is drained (clients may send {@code {}}). */
    public static BodyLimit none() {
        return new BodyLimit(Kind.NONE, 1024, 1, 2, 1, 1);
    }

    /** One registry record, a status change, a note or a token request: 16 KiB (a PEM certificate fits). */
    public static BodyLimit record() {
        return new BodyLimit(Kind.JSON, 16 * 1024, 1, 200, 8 * 1024, 2);
    }

    /**
     * A batch of up to {@code maxItems} objects of at most {@code bytesPerItem} each on average (a
     * single object is a batch of one), objects of a few flat fields and one array of numbers.
     */
    public static BodyLimit batch(int maxItems, int bytesPerItem, int maxTokensPerItem) {
        return new BodyLimit(Kind.JSON, (long) maxItems * bytesPerItem, maxItems, maxTokensPerItem, bytesPerItem, 3);
    }

    /** A bulk file of up to {@code maxBytes}. */
    public static BodyLimit file(long maxBytes, int maxRows) {
        return new BodyLimit(Kind.FILE, maxBytes, maxRows, 200, 16 * 1024, 3);
    }
}
