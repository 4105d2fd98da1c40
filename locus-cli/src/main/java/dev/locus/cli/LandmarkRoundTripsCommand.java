package dev.locus.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.locus.wire.WireJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
    @Mixin
    BatchFileOptions records;

    @Override
    public Integer call() throws Exception {
        BatchSubmission submission = records.submission(api, "/api/v1/landmark-round-trips", "round trip");
        ArrayNode all = records.read(WireJson.mapper());
        if (all.isEmpty()) {
            throw new IllegalArgumentException(records.file + " holds no round trips");
        }
        BatchSubmission.Totals t = submission.send(all, err());
        print(submission.summary(t));
        return t.rejected() > 0 ? 4 : 0;
    }
}
