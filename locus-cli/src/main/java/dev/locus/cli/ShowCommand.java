package dev.locus.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code locus show KIND ID}: one registry record through the API, as JSON. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Prints one registry record (organisation, site, licence, chip or landmark) as JSON through the API.",
            "Exit 5 with the server's stable error code on stderr (NOT_FOUND when there is none with that id)."
        })
final class ShowCommand implements Callable<Integer> {
    /** The kinds of record, each with the API collection it lives in. */
    enum Kind {
        ORGANISATION("organisations"),
        SITE("sites"),
        LICENCE("licences"),
        CHIP("chips"),
        LANDMARK("landmarks");

        private final String collection;

        Kind(String collection) {
            this.collection = collection;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Mixin
    ApiOptions api;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "${COMPLETION-CANDIDATES}")
    Kind kind;

    @Parameters(index = "1", paramLabel = "ID", description = "The record's id (a chip's serial).")
    String id;

    @Override
    public Integer call() throws Exception {
        String record = api.get("/api/v1/" + kind.collection + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        PrintWriter out = spec.commandLine().getOut();
        out.println(record);
        out.flush();
        return 0;
    }
}
