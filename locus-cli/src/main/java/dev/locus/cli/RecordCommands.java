package dev.locus.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code locus orders|shipments|allocations|site-capacity import FILE|list}: the commercial record
 * through the API. Each collection's command is named as its API path, and its {@code import} and
 * {@code list} read that name, so the four share one implementation.
 */
final class RecordCommands {
    private RecordCommands() {}

    /** A collection: its API path (the command's name) and its command's description. */
    private record Collection(String name, String description) {}

    /** In the order {@code locus --help} lists them. */
    private static final List<Collection> COLLECTIONS = List.of(
            new Collection(
                    "orders", "Imports (all or nothing) and lists the commercial record's orders through the API."),
            new Collection(
                    "shipments",
                    "Imports (all or nothing) and lists the commercial record's shipments through the API."),
            new Collection(
                    "allocations", "Imports (all or nothing) and lists chip allocations to end users through the API."),
            new Collection(
                    "site-capacity",
                    "Imports (all or nothing) and lists sites' declared power and racks through the API."));

    /** Registers one command per collection on {@code locus}. */
    static void addTo(CommandLine locus) {
        for (Collection c : COLLECTIONS) {
            CommandLine command = new CommandLine(new CollectionCommand());
            command.getCommandSpec().usageMessage().description(c.description());
            locus.addSubcommand(c.name(), command);
        }
    }

    /** A collection's command: without a subcommand it prints its usage. */
    @Command(subcommands = {Import.class, ListRecords.class})
    static final class CollectionCommand extends GroupCommand {}

    @Command(
            name = "import",
            description = {
                "Imports rows from CSV (header row) or a JSON array. All or nothing: on any bad row",
                "nothing is stored and every problem is listed on stderr with its line, field and value",
                "(exit 5). New rows are checked against the red-flag rules (see 'locus findings')."
            })
    static final class Import extends ApiCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "CSV or JSON file")
        Path file;

        @Mixin
        ImportOptions options;

        @Override
        public Integer call() throws Exception {
            String collection = spec.parent().name();
            String answer = options.post(api, "/api/v1/" + collection + "/import", file);
            return show(
                    answer,
                    options.json,
                    (a, out) -> out.printf(
                            "%d %s row(s) imported from %s%n",
                            a.path("imported").asLong(), collection, file));
        }
    }

    @Command(
            name = "list",
            description = {
                "Lists one page as a table, or the API's JSON with --json (pass --after with",
                "next_cursor for the next page). --where narrows by the collection's filters."
            })
    static final class ListRecords extends ApiCommand {
        @Option(
                names = "--where",
                paramLabel = "FIELD=VALUE",
                description =
                        "equality filter the API offers for this collection, e.g. buyer_id=lion-gate (repeatable)")
        Map<String, String> where = new LinkedHashMap<>();

        @Mixin
        PageOptions page;

        @Override
        public Integer call() throws Exception {
            String collection = spec.parent().name();
            StringBuilder q = page.start("/api/v1/" + collection);
            where.forEach((k, v) -> query(q, k, v));
            return show(api.get(page.after(q)), page.json, (p, out) -> JsonTable.printPage(p, "row", out));
        }
    }
}
