package dev.locus.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
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

    @Mixin
    ImportOptions options;

    @Override
    public Integer call() throws Exception {
        String answer = options.post(api, "/api/v1/imports/" + kind, file);
        return show(
                answer,
                options.json,
                (a, out) -> out.printf(
                        "%d %s imported from %s%n",
                        a.path("imported").asLong(), a.path("kind").asText(kind), file));
    }
}
