package dev.locus.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "inventory",
        description = {
            "Exports the fleet inventory (Chip Security Act §4(c): each chip's location and current end user)",
            "through the API, one row per chip, as CSV (with a header) or JSON, to stdout or a file; streamed,",
            "never held in memory. A refusal goes to stderr with exit 5."
        })
final class InventoryCommand extends ApiCommand {
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--licence", description = "only the chips of this licence")
    String licence;

    @Option(
            names = {"-o", "--out"},
            description = "write to this file instead of standard output")
    Path output;

    @Override
    public Integer call() throws Exception {
        String path =
                "/api/v1/inventory?format=" + encode(format) + (licence == null ? "" : "&licence=" + encode(licence));
        PrintWriter out = out();
        if (output != null) {
            Path partial = output.resolveSibling(output.getFileName() + ".partial");
            long bytes;
            try (OutputStream file = Files.newOutputStream(partial)) {
                bytes = api.client().getTo(path, file);
            } catch (RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out.println("inventory written to " + output + " (" + bytes + " bytes)");
        } else {
            try (LineWriter lines = new LineWriter(out)) {
                api.client().getTo(path, lines);
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Bytes of UTF-8 text to a writer, a line at a time (a newline byte never occurs inside a UTF-8
     * character, so each line decodes on its own); closing writes the rest, not the writer.
     */
    private static final class LineWriter extends OutputStream {
        private final PrintWriter out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            out.write(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }

        @Override
        public void close() {
            flush();
            out.flush();
        }
    }
}
