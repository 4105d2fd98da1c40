package dev.locus.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.locus.wire.WireJson;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "landmark-round-trips",
        mixinStandardHelpOptions = true,
        description = {
            "Submits a file of signed peer round trips between landmarks (a JSON array, or one JSON object per line)",
            "through the API in batches, e.g. the file written by ./locus landmark --peer-out. Every round",
            "trip is stored, accepted or rejected with its reason; the totals are printed. A landmark",
            "token may only submit round trips its own landmark measured."
        })
final class LandmarkRoundTripsCommand extends ApiCommand {
    @Parameters(index = "0", description = "round-trips file (.json array or .jsonl)")
    Path file;

    @Option(
            names = "--batch",
            defaultValue = "1000",
            description = "round trips per request, 1 to 5000 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--backfill-hours",
            description = "accept round trips up to this many hours old (1 to 720) through"
                    + " POST /api/v1/landmark-round-trips/import; needs an admin or compliance officer token."
                    + " Without it, the live limit of 10 minutes applies.")
    Integer backfillHours;

    @Override
    public Integer call() throws Exception {
        BatchSubmission submission =
                new BatchSubmission(api, "/api/v1/landmark-round-trips", backfillHours, batch, "round trip");
        ArrayNode all = JsonRecords.read(file, WireJson.mapper());
        if (all.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no round trips");
        }
        BatchSubmission.Totals t = submission.send(all, err());
        print(submission.summary(t));
        return t.rejected() > 0 ? 4 : 0;
    }
}
