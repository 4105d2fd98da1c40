package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.wire.WireJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.BiConsumer;
import picocli.CommandLine.Mixin;

/**
 * A command that goes through the API: the server, token and trust options, and the command's own
 * output. A refusal escapes as {@link dev.locus.wire.LocusApiException} to the {@link ErrorHandler}
 * (exit 5), so subclasses print only what succeeded.
 */
abstract class ApiCommand extends CliCommand {
    @Mixin
    ApiOptions api;

    /** Prints {@code line} on the command's stdout. */
    final void print(String line) {
        PrintWriter out = out();
        out.println(line);
        out.flush();
    }

    /**
     * Prints the API's JSON answer as it came when {@code asJson}, else what {@code human} writes from
     * it; answers exit code 0.
     */
    final int show(String answer, boolean asJson, BiConsumer<JsonNode, PrintWriter> human) throws IOException {
        PrintWriter out = out();
        if (asJson) {
            out.println(answer);
        } else {
            human.accept(WireJson.mapper().readTree(answer), out);
        }
        out.flush();
        return 0;
    }

    /** Prints {@code WHAT ID (RULE, SUBJECT) is now STATUS}: an alert or a finding after a step. */
    static void nowStands(String what, JsonNode item, String subject, PrintWriter out) {
        out.printf(
                "%s %s (%s, %s) is now %s%n",
                what,
                item.path("id").asText(),
                item.path("rule").asText(),
                subject,
                item.path("status").asText());
    }

    /** {@code value} URL-encoded (UTF-8), for a path segment or a query parameter. */
    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Appends {@code &name=value} (URL-encoded) to a query when {@code value} is given. */
    static StringBuilder query(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(encode(value));
        }
        return q;
    }

    /**
     * Fetches a report at {@code path} (which ends in a {@code format=} query) into {@code file}'s
     * output, or prints it when it is text; answers exit code 0.
     *
     * @throws IllegalArgumentException when a PDF is asked for without a file to write it to
     */
    final int report(String path, String format, ReportFile file, String what) throws IOException {
        java.nio.file.Path output = file.output;
        if (output != null) {
            java.nio.file.Files.write(output, api.client().getBytes(path));
            print(what + " written to " + output);
        } else if (format.equalsIgnoreCase("pdf")) {
            throw new IllegalArgumentException("--format pdf needs -o FILE (a PDF is not text)");
        } else {
            print(api.get(path));
        }
        return 0;
    }
}
