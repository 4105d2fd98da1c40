package dev.locus.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.registry.RowSource;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reading requests and writing pages, the same way on every route (the dashboard's views included):
 * a bad parameter is always {@code VALIDATION_FAILED} naming the parameter.
 */
public final class Requests {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Requests() {}

    /** A JSON object body as field name to text; nested values are reported. */
    static Map<String, String> fields(Context ctx) {
        RequestBody body = RequestBody.of(ctx);
        ObjectNode n = JsonBodies.object(body.open(), body.limit(), "a JSON object");
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> fields = RowSource.flatten(n, 0, problems);
        requireNone(problems);
        return fields;
    }

    /**
     * Answers the problems found in a request, if any.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) listing them all
     */
    static void requireNone(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
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
        return limit(ctx, DEFAULT_LIMIT);
    }

    /** The {@code limit} parameter in [1, 1000], {@code fallback} when absent or blank. */
    public static int limit(Context ctx, int fallback) {
        String v = ctx.queryParam("limit");
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return intValue("limit", v.strip(), 1, MAX_LIMIT);
    }

    /** The named parameter as an integer in [{@code min}, {@code max}], {@code fallback} when absent. */
    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        return v == null ? fallback : intValue(name, v, min, max);
    }

    /** {@code v} as an integer in [{@code min}, {@code max}], or the parameter {@code name} is invalid. */
    static int intValue(String name, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(
                List.of(new FieldProblem(0, name, v, "must be an integer in [" + min + ", " + max + "]")));
    }

    /**
     * Answers a submission of one object or a batch ({@code out} holds each result's JSON): one
     * accepted object is 201 with its result, one rejected object is {@code RECEIPT_REJECTED} with
     * {@code rejected}'s message; a batch is the counts and every result.
     */
    static void answerSubmission(
            Context ctx,
            boolean single,
            List<IngestResult> results,
            List<Map<String, Object>> out,
            Function<IngestResult.Rejected, String> rejected) {
        if (single) {
            if (results.get(0) instanceof IngestResult.Rejected rej) {
                throw new ApiException(ErrorCode.RECEIPT_REJECTED, rejected.apply(rej), List.of(out.get(0)));
            }
            ctx.status(201).json(out.get(0));
            return;
        }
        int accepted = (int)
                results.stream().filter(r -> r instanceof IngestResult.Accepted).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accepted", accepted);
        summary.put("rejected", results.size() - accepted);
        summary.put("results", out);
        ctx.json(summary);
    }

    /**
     * The path parameter {@code name} as a number, or that parameter is invalid.
     *
     * @param rule what the value must be, for the problem's message
     */
    static long longPathParam(Context ctx, String name, String rule) {
        return longValue(name, ctx.pathParam(name), rule);
    }

    /** The named query parameter as a number, empty when absent or blank, or that parameter is invalid. */
    static Optional<Long> longParam(Context ctx, String name, String rule) {
        return optionalParam(ctx, name, v -> longValue(name, v.strip(), rule));
    }

    /**
     * {@code v} as a number, or the parameter {@code name} is invalid.
     *
     * @param rule what the value must be, for the problem's message
     */
    static long longValue(String name, String v, String rule) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldProblem(0, name, v, rule)));
        }
    }

    /** The {@code id} path parameter as the numeric id of a {@code what}. */
    static long numericId(Context ctx, String what) {
        return longPathParam(ctx, "id", "must be a " + what + " id (an integer)");
    }

    /** The {@code after} cursor, empty when absent. */
    public static String after(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("after")).orElse("");
    }

    static long afterId(Context ctx) {
        String v = after(ctx);
        return v.isEmpty() ? 0 : longValue("after", v, "must be a cursor returned as next_cursor");
    }

    /** The named parameter as one of {@code type}'s constants (any case), empty when absent or blank. */
    public static <E extends Enum<E>> Optional<E> enumParam(Context ctx, String name, Class<E> type) {
        return optionalParam(ctx, name, v -> enumValue(name, v.strip(), type));
    }

    /** The named query parameter read by {@code read} (which throws when it is invalid), empty when absent or blank. */
    private static <T> Optional<T> optionalParam(Context ctx, String name, Function<String, T> read) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(read.apply(v));
    }

    /** {@code v} as one of {@code type}'s constants (any case), or the parameter {@code name} is invalid. */
    public static <E extends Enum<E>> E enumValue(String name, String v, Class<E> type) {
        try {
            return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
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

    /** A listing keyed by numeric ids, read one page at a time. */
    @FunctionalInterface
    interface IdListing {
        Page<?> page(long afterId, int limit);
    }

    /** A listing filtered by equality on some of its fields (field name to value). */
    @FunctionalInterface
    interface FilteredListing {
        Page<?> page(Map<String, String> filters, long afterId, int limit);
    }

    /** A listing filtered by one subject (a chip, a landmark, a party) and a status. */
    @FunctionalInterface
    interface SubjectListing<S> {
        Page<?> page(Optional<String> subject, Optional<S> status, long afterId, int limit);
    }

    /** The page of {@code listing} the {@code after} cursor and {@code limit} ask for. */
    static Map<String, Object> page(Context ctx, IdListing listing) {
        return page(listing.page(afterId(ctx), limit(ctx)));
    }

    /** {@link #page(Context, IdListing)} filtered by the query parameters named in {@code filters}. */
    static Map<String, Object> page(Context ctx, List<String> filters, FilteredListing listing) {
        return page(listing.page(filters(ctx, filters), afterId(ctx), limit(ctx)));
    }

    /**
     * {@link #page(Context, IdListing)} filtered by {@code subject} and the {@code status} query
     * parameter, one of {@code status}'s constants.
     */
    static <S extends Enum<S>> Map<String, Object> page(
            Context ctx, Optional<String> subject, Class<S> status, SubjectListing<S> listing) {
        return page(listing.page(subject, enumParam(ctx, "status", status), afterId(ctx), limit(ctx)));
    }

    /** Equality filters from the query parameters named in {@code allowed}, upper-casing the enumerated ones. */
    static Map<String, String> filters(Context ctx, List<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : allowed) {
            String v = ctx.queryParam(f);
            if (v != null && !v.isBlank()) {
                String value = v.strip();
                out.put(
                        f,
                        f.equals("subject_id") || f.equals("owner") ? value : value.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /** The {@code format} query parameter, one of {@code allowed}; the first when absent. */
    public static String format(Context ctx, String... allowed) {
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse(allowed[0]);
        if (!List.of(allowed).contains(format)) {
            throw new InvalidInputException(
                    List.of(new FieldProblem(0, "format", format, "must be one of " + String.join(", ", allowed))));
        }
        return format;
    }

    /** {@code NOT_FOUND}: no {@code what} with id {@code id}. */
    public static ApiException notFound(String what, String id) {
        return new ApiException(ErrorCode.NOT_FOUND, "no " + what + " with id '" + id + "'");
    }
}
