package dev.locus.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Bulk-imports registry records from CSV (header row) or a JSON array, through the API.",
            "All or nothing: on any bad row nothing is stored and every problem is listed on stderr",
            "with its line, field and value (exit 5). KIND is organisations, sites, licences,",
            "chips or landmarks."
        })
final class ImportCommand extends ApiCommand {
    @Parameters(index = "0", description = "organisations, sites, licences, chips or landmarks")
    String kind;

    @Parameters(index = "1", description = "CSV or JSON file")
    Path file;

    @Option(names = "--format", description = "csv or json (default: from the file name)")
    String format;

    @Option(names = "--json", description = "Print the API's JSON answer instead of a sentence.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String answer = api.post("/api/v1/imports/" + kind, contentType(file, format), Files.readString(file));
        return show(
                answer,
                json,
                (a, out) -> out.printf(
                        "%d %s imported from %s%n",
                        a.path("imported").asLong(), a.path("kind").asText(kind), file));
    }

    /** The content type of an import file: {@code format} (csv or json) when given, else from its name. */
    static String contentType(Path file, String format) {
        String fmt = format != null
                ? format.toLowerCase(Locale.ROOT)
                : file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "csv";
        return switch (fmt) {
            case "json" -> "application/json";
            case "csv" -> "text/csv";
            default -> throw new IllegalArgumentException("--format must be csv or json, got '" + format + "'");
        };
    }
}
