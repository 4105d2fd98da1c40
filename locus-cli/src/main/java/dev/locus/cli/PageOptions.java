package dev.locus.cli;

import picocli.CommandLine.Option;

/** The paging and output options of a command that lists one page of an API collection. */
final class PageOptions {
    @Option(names = "--after", description = "cursor from a previous page (its next_cursor)")
    String after;

    @Option(
            names = "--limit",
            defaultValue = "100",
            description = "items per page, 1 to 1000 (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "Print the API's JSON page instead of a table.")
    boolean json;

    /** {@code path?limit=N}, to which filters are appended, then {@link #after(StringBuilder)}. */
    StringBuilder start(String path) {
        return new StringBuilder(path).append("?limit=").append(limit);
    }

    /** The query {@code q} with the cursor appended when one was given. */
    String after(StringBuilder q) {
        return ApiCommand.query(q, "after", after).toString();
    }
}
