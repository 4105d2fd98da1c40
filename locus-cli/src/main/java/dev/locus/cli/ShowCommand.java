package dev.locus.cli;

import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code locus show KIND ID}: one registry record through the API, as JSON. */
@Command(
        name = "show",
        description = {
            "Prints one registry record (organisation, site, licence, chip or landmark) as JSON through the API.",
            "Exit 5 with the server's stable error code on stderr (NOT_FOUND when there is none with that id)."
        })
final class ShowCommand extends ApiCommand {
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

    @Parameters(index = "0", paramLabel = "KIND", description = "${COMPLETION-CANDIDATES}")
    Kind kind;

    @Parameters(index = "1", paramLabel = "ID", description = "The record's id (a chip's serial).")
    String id;

    @Override
    public Integer call() throws Exception {
        print(api.get("/api/v1/" + kind.collection + "/" + encode(id)));
        return 0;
    }
}
