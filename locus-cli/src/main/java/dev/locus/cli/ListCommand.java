package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * A command that lists one page of an API collection narrowed to a subject and by its own
 * filters: a table, or the API's JSON with {@code --json}.
 */
abstract class ListCommand extends ApiCommand {
    @Mixin
    SubjectOptions subject;

    @Mixin
    PageOptions page;

    private final String collection;
    private final String noun;

    /**
     * @param collection the collection's path, e.g. {@code /api/v1/cases}
     * @param noun what one item is called in the footer, e.g. {@code case}
     */
    ListCommand(String collection, String noun) {
        this.collection = collection;
        this.noun = noun;
    }

    /** The command's own filters by query parameter; a null value is not sent. */
    abstract Map<String, String> filters();

    /** Writes the page's header and rows (the footer follows). */
    abstract void rows(JsonNode page, PrintWriter out);

    @Override
    public final Integer call() throws Exception {
        StringBuilder q = page.start(collection);
        filters().forEach((name, value) -> query(q, name, value));
        return show(api.get(page.after(subject.query(q))), page.json, (p, out) -> {
            rows(p, out);
            JsonTable.footer(p, noun, out);
        });
    }

    /** A map of the filters in order, keeping the ones not given as null. */
    static Map<String, String> given(String... namesAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                m.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return m;
    }
}
