package dev.locus.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command that fetches a report writes it: {@code -o FILE}, else standard output. */
final class ReportFile {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "write to this file instead of standard output")
    Path output;
}
