package dev.locus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --json FILE} of a load run that prints its figures as JSON: a copy of them in that file. */
final class BenchOutput {
    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures (JSON) to this file")
    Path json;

    /** Writes {@code figures} to the {@code --json} file, when one was given. */
    void write(String figures) throws IOException {
        if (json != null) {
            Files.writeString(json, figures + "\n");
        }
    }
}
