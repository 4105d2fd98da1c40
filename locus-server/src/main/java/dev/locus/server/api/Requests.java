package dev.locus.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.server.registry.FieldProblem;
import dev.locus.server.registry.InvalidInputException;
import dev.locus.server.registry.Page;
import dev.locus.server.registry.RowSource;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reading requests and writing pages, the same way on every route. */
final class Requests {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Requests() {}

    /** A JSON object body as field name to text; nested values are reported. */
    static Map<String, String> fields(Context ctx) {
        RequestBody body = RequestBody.of(ctx);
        ObjectNode n = JsonBodies.object(body.open(), body.limit(), "a JSON object");
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> fields = RowSource.flatten(n, 0, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return fields;
    }

    /**
     * Reads a body that is one JSON object or a batch (an array) of them, within the route's limits,
     * handing each object over as soon as it is read.
     */
    static JsonBodies.Shape items(Context ctx, String what, Consumer<ObjectNode> each) {
        RequestBody body = RequestBody.of(ctx);
        return JsonBodies.items(body.open(), body.limit(), what, each);
    }

    static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(
                List.of(new FieldProblem(0, "limit", v, "must be an integer in [1, " + MAX_LIMIT + "]")));
    }

    static String after(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("after")).orElse("");
    }

    static long afterId(Context ctx) {
        String v = after(ctx);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    List.of(new FieldProblem(0, "after", v, "must be a cursor returned as next_cursor")));
        }
    }

    static <E extends Enum<E>> Optional<E> enumParam(Context ctx, String name, Class<E> type) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    0, name, v, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()))));
        }
    }

    static Map<String, Object> page(Page<?> page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items());
        m.put("next_cursor", page.nextCursor().orElse(null));
        return m;
    }

    static ApiException notFound(String what, String id) {
        return new ApiException(ErrorCode.NOT_FOUND, "no " + what + " with id '" + id + "'");
    }
}
