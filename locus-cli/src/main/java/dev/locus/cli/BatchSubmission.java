package dev.locus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.wire.LocusApiException;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;

/**
 * Sends a file's records to a bulk route in batches of at most {@code batch} and sums what the
 * control plane accepted and rejected. When a batch is refused outright it says on stderr how far it
 * got, then lets the refusal go on to the error handler (exit 5).
 *
 * @param collection the records' collection, e.g. {@code /api/v1/receipts}
 * @param backfillHours null for the live route (the collection itself); else the age in hours up to
 *     which its import route ({@code COLLECTION/import}) accepts records
 * @param noun what a record is, e.g. {@code receipt}
 */
record BatchSubmission(ApiOptions api, String collection, Integer backfillHours, int batch, String noun) {
    /** Totals over every batch. */
    record Totals(long records, long accepted, long rejected) {}

    BatchSubmission {
        OptionRange.require("--batch", batch, 1, IngestPolicy.MAX_BATCH);
    }

    /** The route the batches go to. */
    String path() {
        return backfillHours == null ? collection : collection + "/import?max_age_hours=" + backfillHours;
    }

    /** {@code N NOUNs: A accepted, R rejected}, and where to see the rejected ones. */
    String summary(Totals t) {
        return t.records() + " " + noun + "s: " + t.accepted() + " accepted, " + t.rejected() + " rejected (see GET "
                + collection + "?status=REJECTED)";
    }

    Totals send(ArrayNode all, PrintWriter err) throws JsonProcessingException {
        ObjectMapper json = WireJson.mapper();
        long accepted = 0;
        long rejected = 0;
        for (int from = 0; from < all.size(); from += batch) {
            ArrayNode chunk = json.createArrayNode();
            for (int i = from; i < Math.min(all.size(), from + batch); i++) {
                chunk.add(all.get(i));
            }
            JsonNode res;
            try {
                res = json.readTree(api.postJson(path(), json.writeValueAsString(chunk)));
            } catch (LocusApiException refused) {
                err.printf(
                        "stopped at %s %d of %d: %d accepted, %d rejected so far%n",
                        noun, from + 1, all.size(), accepted, rejected);
                throw refused;
            }
            accepted += res.path("accepted").asLong();
            rejected += res.path("rejected").asLong();
        }
        return new Totals(all.size(), accepted, rejected);
    }
}
