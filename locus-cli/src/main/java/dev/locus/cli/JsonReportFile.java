package dev.locus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --json FILE} of a command that prints a report (a load run's figures, a verification or
 * an evaluation): a copy of the report as JSON in that file.
 */
final class JsonReportFile {
    @Option(names = "--json", paramLabel = "FILE", description = "also write the JSON report to this file")
    Path json;

    /** Writes {@code report} and a newline to the {@code --json} file; answers whether one was given. */
    boolean write(String report) throws IOException {
        if (json != null) {
            Files.writeString(json, report + "\n");
        }
        return json != null;
    }
}
