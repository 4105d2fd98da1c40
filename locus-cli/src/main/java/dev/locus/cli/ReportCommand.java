package dev.locus.cli;

import dev.locus.wire.LocusClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Fetches the diversion report of a chip, or with --licence the report of a licence (json, csv or html) through the API."
        })
final class ReportCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Parameters(index = "0", description = "chip serial (or licence id with --licence)")
    String serial;

    @Option(names = "--licence", description = "the parameter is a licence id: report on all its chips")
    boolean licence;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or html (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = {"-o", "--output"},
            description = "write to this file instead of standard output")
    Path output;

    @Override
    public Integer call() throws Exception {
        LocusClient.Reply r = api.get((licence ? "/api/v1/licences/" : "/api/v1/chips/")
                + URLEncoder.encode(serial, StandardCharsets.UTF_8)
                + "/report?format=" + URLEncoder.encode(format, StandardCharsets.UTF_8));
        if (r.ok() && output != null) {
            Files.writeString(output, r.body());
            System.out.println("report written to " + output);
        } else {
            System.out.println(r.body());
        }
        return r.ok() ? 0 : 1;
    }
}
