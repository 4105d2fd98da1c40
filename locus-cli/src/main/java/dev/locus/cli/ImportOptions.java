package dev.locus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The format and output options of a command that sends one CSV or JSON file to the API. */
final class ImportOptions {
    @Option(names = "--format", description = "csv or json (default: from the file name)")
    String format;

    @Option(names = "--json", description = "Print the API's JSON answer instead of a sentence.")
    boolean json;

    /** POSTs {@code file} to {@code path} as CSV or JSON: the body of the API's answer. */
    String post(ApiOptions api, String path, Path file) throws IOException {
        return api.post(path, contentType(file), Files.readString(file));
    }

    /** The content type of {@code file}: {@code --format} (csv or json) when given, else from its name. */
    private String contentType(Path file) {
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
