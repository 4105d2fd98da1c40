package dev.locus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "report",
        description = {
            "Fetches the report of a chip, or with --licence the report of a licence, through the API",
            "(json, csv or html), to stdout or a file. A refusal goes to stderr with exit 5."
        })
final class ReportCommand extends ApiCommand {
    @Parameters(index = "0", description = "chip serial (or licence id with --licence)")
    String serial;

    @Option(names = "--licence", description = "the parameter is a licence id: report on all its chips")
    boolean licence;

    @Option(
            names = "--format",
            defaultValue = "json",
            description =
                    "json, csv, html or (with --output) pdf where the server offers it (default: ${DEFAULT-VALUE})")
    String format;

    @Mixin
    ReportFile file;

    @Override
    public Integer call() throws Exception {
        String path = (licence ? "/api/v1/licences/" : "/api/v1/chips/")
                + encode(serial)
                + "/report?format=" + encode(format);
        return report(path, format, file, "report");
    }
}
