package dev.locus.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * A command that lists one page of an API collection narrowed by its own filters: a table, or the
 * API's JSON with {@code --json}.
 */
abstract class ListCommand extends ApiCommand {
    @Mixin
    PageOptions page;

    private final String noun;
    private final FixedTable table;

    /**
     * @param noun what one item is called, e.g. {@code case}: the footer counts them, and the
     *     collection is {@code /api/v1/NOUNs}
     * @param table how the page's items are printed
     */
    ListCommand(String noun, FixedTable table) {
        this.noun = noun;
        this.table = table;
    }

    /** The command's own filters by query parameter; a null value is not sent. */
    abstract Map<String, String> filters();

    @Override
    public final Integer call() throws Exception {
        StringBuilder q = page.start("/api/v1/" + noun + "s");
        filters().forEach((name, value) -> query(q, name, value));
        return show(api.get(page.after(q)), page.json, (p, out) -> {
            table.printRows(p.path("items"), out);
            JsonTable.footer(p, noun, out);
        });
    }

    /** A listing of findings or cases: also narrowed to a subject, after its own filters. */
    abstract static class AboutSubject extends ListCommand {
        @Mixin
        SubjectOptions subject;

        AboutSubject(String noun, FixedTable table) {
            super(noun, table);
        }

        /** The filters of the command besides the subject, as {@link #filters()}. */
        abstract Map<String, String> ownFilters();

        @Override
        final Map<String, String> filters() {
            Map<String, String> all = new LinkedHashMap<>(ownFilters());
            all.putAll(subject.filters());
            return all;
        }
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
