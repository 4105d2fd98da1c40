package dev.locus.server.api;

import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON object request body read field by field: the {@link #reader()} collects every problem, and
 * {@link #done} refuses fields it does not know and answers them all at once ({@code
 * VALIDATION_FAILED}). Not thread-safe; one per request.
 */
final class BodyFields {
    private final Map<String, String> raw;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final FieldReader reader;

    private BodyFields(Map<String, String> raw) {
        this.raw = raw;
        this.reader = new FieldReader(raw, 0, problems);
    }

    /** The request's body, read within its route's limit. */
    static BodyFields of(Context ctx) {
        return new BodyFields(Requests.fields(ctx));
    }

    /** Reads the typed fields; its problems are answered by {@link #done}. */
    FieldReader reader() {
        return reader;
    }

    /** Field name to raw text, for checks the reader does not make. */
    Map<String, String> raw() {
        return raw;
    }

    /** Where checks the reader does not make add their problems. */
    List<FieldProblem> problems() {
        return problems;
    }

    /**
     * Ends the reading: a field outside {@code known} is a problem too.
     *
     * @throws dev.locus.server.common.InvalidInputException with every problem found, if any
     */
    void done(List<String> known) {
        reader.rejectUnknown(known);
        Requests.requireNone(problems);
    }
}
