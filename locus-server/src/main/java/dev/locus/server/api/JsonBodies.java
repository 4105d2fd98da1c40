package dev.locus.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Strict, streaming JSON request bodies: read token by token from the request stream with every
 * limit of the route's {@link BodyLimit} enforced while reading (bytes, elements of a batch, tokens
 * per element, string length, nesting depth), duplicate field names and anything after the JSON
 * value refused. An element is turned into a tree only after it was read within its token limit,
 * so memory is bounded by the limit whatever is sent. Errors name the problem and where it is, in
 * words of the API, never of the parser's classes. Thread-safe.
 */
final class JsonBodies {
    private static final Map<BodyLimit, JsonFactory> FACTORIES = new ConcurrentHashMap<>();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonBodies() {}

    /** A JSON body's kind: one object, or an array of objects (each handed over as it is read). */
    enum Shape {
        OBJECT,
        ARRAY
    }

    /**
     * Reads a body that must be one JSON object.
     *
     * @throws ApiException 400, 413 or 415 naming the problem
     */
    static ObjectNode object(InputStream body, BodyLimit limit, String what) {
        ObjectNode[] out = new ObjectNode[1];
        Shape shape = items(body, limit, what, n -> out[0] = n);
        if (shape != Shape.OBJECT) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "request body must be a JSON object (" + what + ")");
        }
        return out[0];
    }

    /**
     * Reads a body that is one JSON object or an array of 1 to {@code limit.maxItems()} of them,
     * handing each object to {@code each} as soon as it is read.
     *
     * @return which of the two the body was
     * @throws ApiException 400 for bad JSON, 413 past a limit
     */
    static Shape items(InputStream body, BodyLimit limit, String what, Consumer<ObjectNode> each) {
        try (JsonParser p = factory(limit).createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ApiException(ErrorCode.BAD_REQUEST, "request body is empty; expected " + what);
            }
            Shape shape;
            if (first == JsonToken.START_OBJECT) {
                each.accept(object(p, limit, 1));
                shape = Shape.OBJECT;
            } else if (first == JsonToken.START_ARRAY) {
                if (limit.maxItems() == 1) {
                    throw new ApiException(ErrorCode.BAD_REQUEST, "request body must be a JSON object (" + what + ")");
                }
                int n = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw bad(p, "the array is not closed");
                    }
                    n++;
                    if (n > limit.maxItems()) {
                        throw new ApiException(
                                ErrorCode.PAYLOAD_TOO_LARGE,
                                "a batch holds at most " + limit.maxItems() + " elements; reading stopped at element "
                                        + n);
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw bad(p, "element " + n + " of the array must be a JSON object");
                    }
                    each.accept(object(p, limit, n));
                }
                if (n == 0) {
                    throw new ApiException(
                            ErrorCode.BAD_REQUEST,
                            "a batch must hold 1 to " + limit.maxItems() + " elements, got an empty array");
                }
                shape = Shape.ARRAY;
            } else {
                throw bad(p, "request body must be " + what);
            }
            JsonToken trailing;
            try {
                trailing = p.nextToken();
            } catch (JsonParseException e) {
                throw bad(p, "unexpected data after the JSON value");
            }
            if (trailing != null) {
                throw bad(p, "unexpected data after the JSON value");
            }
            return shape;
        } catch (ApiException e) {
            throw e;
        } catch (IOException e) {
            throw translate(e, limit);
        }
    }

    /** Reads one object whose START_OBJECT is the current token, within the per-element token limit. */
    private static ObjectNode object(JsonParser p, BodyLimit limit, int element) throws IOException {
        int[] tokens = {1};
        return (ObjectNode) value(p, limit, element, tokens);
    }

    private static JsonNode value(JsonParser p, BodyLimit limit, int element, int[] tokens) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = next(p, limit, element, tokens); k != JsonToken.END_OBJECT; ) {
                    String name = p.currentName();
                    next(p, limit, element, tokens);
                    o.set(name, value(p, limit, element, tokens));
                    k = next(p, limit, element, tokens);
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken k = next(p, limit, element, tokens); k != JsonToken.END_ARRAY; ) {
                    a.add(value(p, limit, element, tokens));
                    k = next(p, limit, element, tokens);
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                try {
                    return NODES.numberNode(p.getDecimalValue());
                } catch (NumberFormatException | ArithmeticException e) {
                    throw bad(p, "a number is out of range");
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw bad(p, "unexpected " + t);
        }
    }

    private static JsonToken next(JsonParser p, BodyLimit limit, int element, int[] tokens) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw bad(p, "the JSON value is not complete");
        }
        if (++tokens[0] > limit.maxTokensPerItem()) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    (limit.maxItems() > 1 ? "element " + element : "the object") + " holds more than "
                            + limit.maxTokensPerItem() + " JSON tokens (" + where(p) + ")");
        }
        return t;
    }

    private static ApiException bad(JsonParser p, String what) {
        return new ApiException(
                ErrorCode.BAD_REQUEST, "request body is not acceptable JSON: " + what + " (" + where(p) + ")");
    }

    private static String where(JsonParser p) {
        JsonLocation l = p.currentLocation();
        return "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** A reader's failure as the API answers it: too large (413) or not acceptable JSON (400). */
    static ApiException translate(IOException e, BodyLimit limit) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge tl) {
                return tooLarge(tl.limit());
            }
        }
        String at = e instanceof JsonProcessingException jp && jp.getLocation() != null
                ? " (line " + jp.getLocation().getLineNr() + ", column "
                        + jp.getLocation().getColumnNr() + ")"
                : "";
        if (e instanceof StreamConstraintsException sc) {
            String m = String.valueOf(sc.getOriginalMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("nesting depth")) {
                return new ApiException(
                        ErrorCode.BAD_REQUEST,
                        "request body nests arrays and objects deeper than " + limit.maxDepth() + " levels" + at);
            }
            if (m.contains("string value length") || m.contains("name length")) {
                return new ApiException(
                        ErrorCode.PAYLOAD_TOO_LARGE,
                        "request body holds a string longer than " + limit.maxStringChars() + " characters" + at);
            }
            if (m.contains("number value length")) {
                return new ApiException(ErrorCode.BAD_REQUEST, "request body holds a number with too many digits" + at);
            }
            return new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "request body exceeds a size limit of this route" + at);
        }
        if (e instanceof JsonParseException jp) {
            return new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "request body is not valid JSON: " + SafeMessages.of(jp.getOriginalMessage()) + at);
        }
        return new ApiException(ErrorCode.BAD_REQUEST, "request body could not be read: the connection failed" + at);
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(
                ErrorCode.PAYLOAD_TOO_LARGE, "request body exceeds the " + limit + " bytes this route accepts");
    }

    private static JsonFactory factory(BodyLimit limit) {
        return FACTORIES.computeIfAbsent(
                limit,
                l -> JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(l.maxDepth())
                                .maxStringLength(l.maxStringChars())
                                .maxNameLength(Math.min(l.maxStringChars(), 1024))
                                .maxNumberLength(64)
                                .maxDocumentLength(l.maxBytes() + 1)
                                .build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build());
    }
}
