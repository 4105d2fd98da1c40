package dev.locus.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.wire.WireJson;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command that submits a file of signed records through the API in batches and prints the totals
 * by outcome ({@code receipts}, {@code landmark-round-trips}). It is named as its API collection.
 */
abstract class BatchFileCommand extends ApiCommand {
    @Parameters(index = "0", description = "the records: a JSON array (.json) or one JSON object per line (.jsonl)")
    Path file;

    @Option(
            names = "--batch",
            defaultValue = "1000",
            description = "records per request, 1 to " + IngestPolicy.MAX_BATCH + " (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--backfill-hours",
            description = "accept records up to this many hours old (1 to 720) through the import endpoint"
                    + " (POST /api/v1/receipts/import or /api/v1/landmark-round-trips/import); needs an admin"
                    + " or compliance officer token. Without it, the live limit of 10 minutes applies.")
    Integer backfillHours;

    private final String noun;

    /**
     * @param noun what one record is called in the totals, e.g. {@code receipt}; the collection is
     *     the command's name
     */
    BatchFileCommand(String noun) {
        this.noun = noun;
    }

    /** The file's records as the API takes them. */
    abstract ArrayNode prepare(ArrayNode records);

    /** The exit code after these totals. */
    abstract int exitCode(BatchSubmission.Totals totals);

    @Override
    public final Integer call() throws Exception {
        BatchSubmission submission = new BatchSubmission(api, "/api/v1/" + spec.name(), backfillHours, batch, noun);
        BatchSubmission.Totals totals = submission.send(prepare(JsonRecords.read(file, WireJson.mapper())), err());
        print(submission.summary(totals));
        return exitCode(totals);
    }
}
