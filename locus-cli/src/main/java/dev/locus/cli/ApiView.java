package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/**
 * A command whose answer is one JSON document from the API, printed as text or, with {@code --json},
 * as it came.
 */
abstract class ApiView extends ApiCommand {
    @picocli.CommandLine.Option(names = "--json", description = "Print the API's JSON answer instead of text.")
    boolean json;

    /** Makes the request(s) and answers the JSON body of the success to print. */
    abstract String answer() throws Exception;

    /** Writes the answer for a person. */
    abstract void human(JsonNode answer, PrintWriter out);

    @Override
    public final Integer call() throws Exception {
        return show(answer(), json, this::human);
    }

    /** Shows one case or finding, named by its id: {@code GET /api/v1/COLLECTION/ID}. */
    abstract static class One extends ApiView {
        @picocli.CommandLine.Mixin
        ResourceId resource;

        /** The collection, e.g. {@code cases}. */
        abstract String collection();

        @Override
        final String answer() {
            return api.get(resource.path(collection()));
        }
    }
}
