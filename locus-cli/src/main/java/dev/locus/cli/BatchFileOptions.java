package dev.locus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The file and batching options of a command that submits a file of signed records through the API
 * in batches ({@code receipts}, {@code landmark-round-trips}).
 */
final class BatchFileOptions {
    @Parameters(index = "0", description = "the records: a JSON array (.json) or one JSON object per line (.jsonl)")
    Path file;

    @Option(
            names = "--batch",
            defaultValue = "1000",
            description = "records per request, 1 to 5000 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--backfill-hours",
            description = "accept records up to this many hours old (1 to 720) through the import endpoint"
                    + " (POST /api/v1/receipts/import or /api/v1/landmark-round-trips/import); needs an admin"
                    + " or compliance officer token."
                    + " Without it, the live limit of 10 minutes applies.")
    Integer backfillHours;

    /** The file's records. */
    ArrayNode read(ObjectMapper json) throws IOException {
        return JsonRecords.read(file, json);
    }

    /** A submission of these records to {@code collection}, naming each one {@code noun}. */
    BatchSubmission submission(ApiOptions api, String collection, String noun) {
        return new BatchSubmission(api, collection, backfillHours, batch, noun);
    }
}
