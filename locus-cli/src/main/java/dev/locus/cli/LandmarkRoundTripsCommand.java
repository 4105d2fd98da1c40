package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.locus.wire.LocusClient;
import dev.locus.wire.WireJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
final class LandmarkRoundTripsCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;

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
        if (batch < 1 || batch > 5000) {
            throw new IllegalArgumentException("--batch must be in [1, 5000], got " + batch);
        }
        ObjectMapper json = WireJson.mapper();
        ArrayNode all = JsonRecords.read(file, json);
        if (all.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no round trips");
        }
        String path = backfillHours == null
                ? "/api/v1/landmark-round-trips"
                : "/api/v1/landmark-round-trips/import?max_age_hours=" + backfillHours;
        long accepted = 0;
        long rejected = 0;
        for (int from = 0; from < all.size(); from += batch) {
            ArrayNode chunk = json.createArrayNode();
            for (int i = from; i < Math.min(all.size(), from + batch); i++) {
                chunk.add(all.get(i));
            }
            LocusClient.Reply r = api.post(path, "application/json", json.writeValueAsString(chunk));
            if (!r.ok()) {
                System.out.println(r.body());
                System.out.printf(
                        "stopped at round trip %d of %d: %d accepted, %d rejected so far%n",
                        from + 1, all.size(), accepted, rejected);
                return 1;
            }
            JsonNode res = json.readTree(r.body());
            accepted += res.path("accepted").asLong();
            rejected += res.path("rejected").asLong();
        }
        System.out.printf(
                "%d round trips: %d accepted, %d rejected (see GET /api/v1/landmark-round-trips?status=REJECTED)%n",
                all.size(), accepted, rejected);
        return rejected > 0 ? 4 : 0;
    }
}
