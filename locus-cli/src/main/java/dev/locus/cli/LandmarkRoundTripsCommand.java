package dev.locus.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import picocli.CommandLine.Command;

@Command(
        name = "landmark-round-trips",
        description = {
            "Submits a file of signed peer round trips between landmarks (a JSON array, or one JSON object per line)",
            "through the API in batches, e.g. the file written by ./locus landmark --peer-out. Every round",
            "trip is stored, accepted or rejected with its reason; the totals are printed. A landmark",
            "token may only submit round trips its own landmark measured."
        })
final class LandmarkRoundTripsCommand extends BatchFileCommand {
    LandmarkRoundTripsCommand() {
        super("round trip");
    }

    @Override
    ArrayNode prepare(ArrayNode all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no round trips");
        }
        return all;
    }

    /** 4 when some round trips were rejected (see {@code locus --help}'s exit codes). */
    @Override
    int exitCode(BatchSubmission.Totals totals) {
        return totals.rejected() > 0 ? 4 : 0;
    }
}
