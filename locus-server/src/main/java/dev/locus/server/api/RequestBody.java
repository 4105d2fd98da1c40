package dev.locus.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * A POST route's request body, readable once, only within the route's {@link BodyLimit}. Before
 * the handler runs, a declared {@code Content-Length} over the limit is answered 413 without
 * reading, a JSON route refuses any other content type (415), and a route that reads no body
 * drains at most its limit. Not thread-safe (one request).
 */
final class RequestBody {
    private static final String ATTRIBUTE = "locus.requestBody";

    private final Context ctx;
    private final BodyLimit limit;
    private final BodyBudget.Lease lease;
    private boolean opened;

    private RequestBody(Context ctx, BodyLimit limit, BodyBudget.Lease lease) {
        this.ctx = ctx;
        this.limit = limit;
        this.lease = lease;
    }

    /** Checks what can be checked before reading and makes the body available to the handler. */
    static void attach(Context ctx, BodyLimit limit, BodyBudget.Lease lease) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit.maxBytes()) {
            throw JsonBodies.tooLarge(limit.maxBytes());
        }
        RequestBody body = new RequestBody(ctx, limit, lease);
        switch (limit.kind()) {
            case NONE -> body.drain();
            case JSON -> requireJson(ctx);
            case FILE -> {
                // The handler chooses CSV or JSON from the content type or ?format.
            }
        }
        ctx.attribute(ATTRIBUTE, body);
    }

    static RequestBody of(Context ctx) {
        RequestBody b = ctx.attribute(ATTRIBUTE);
        if (b == null) {
            throw new IllegalStateException("route " + ctx.endpointHandlerPath() + " was added without a body limit");
        }
        return b;
    }

    BodyLimit limit() {
        return limit;
    }

    /** The body as a stream that stops at the limit (413). */
    InputStream open() {
        if (opened) {
            throw new IllegalStateException("the request body was already read");
        }
        opened = true;
        try {
            return new BoundedBody(ctx.req().getInputStream(), limit.maxBytes(), lease);
        } catch (IOException e) {
            throw JsonBodies.translate(e, limit);
        }
    }

    /** The whole body, at most the limit. */
    byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw JsonBodies.translate(e, limit);
        }
    }

    private void drain() {
        bytes();
    }

    /** The media type, lower case, without parameters; "" when none was sent. */
    static String mediaType(Context ctx) {
        String ct = Optional.ofNullable(ctx.header("Content-Type")).orElse("");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    private static void requireJson(Context ctx) {
        String type = mediaType(ctx);
        if (!isJson(type)) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send Content-Type: application/json, got " + (type.isEmpty() ? "none" : "'" + clip(type) + "'"));
        }
        String ct = ctx.header("Content-Type").toLowerCase(Locale.ROOT);
        int charset = ct.indexOf("charset=");
        if (charset >= 0) {
            String cs = ct.substring(charset + 8).split("[;\\s]", 2)[0].replace("\"", "");
            if (!cs.equals("utf-8") && !cs.equals("utf8")) {
                throw new ApiException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE, "JSON bodies must be UTF-8, got charset '" + clip(cs) + "'");
            }
        }
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
