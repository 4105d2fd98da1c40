package dev.locus.cli;

import dev.locus.wire.LocusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Bulk-imports registry records from CSV (header row) or a JSON array, through the API.",
            "All or nothing: on any bad row nothing is stored and every problem is listed",
            "with its line, field and value. KIND is organisations, sites, licences,",
            "chips or landmarks."
        })
final class ImportCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Parameters(index = "0", description = "organisations, sites, licences, chips or landmarks")
    String kind;

    @Parameters(index = "1", description = "CSV or JSON file")
    Path file;

    @Option(names = "--format", description = "csv or json (default: from the file name)")
    String format;

    @Override
    public Integer call() throws Exception {
        String text = Files.readString(file);
        String fmt = format != null
                ? format
                : file.getFileName()
                                .toString()
                                .toLowerCase(java.util.Locale.ROOT)
                                .endsWith(".json")
                        ? "json"
                        : "csv";
        LocusClient.Reply r =
                api.post("/api/v1/imports/" + kind, fmt.equals("json") ? "application/json" : "text/csv", text);
        System.out.println(r.body());
        return r.ok() ? 0 : 1;
    }
}
