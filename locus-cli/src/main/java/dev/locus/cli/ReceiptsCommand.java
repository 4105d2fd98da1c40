package dev.locus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.locus.protocol.receipt.ReceiptJsonLines;
import dev.locus.protocol.receipt.ReceiptRecord;
import dev.locus.protocol.wire.Decoded;
import dev.locus.wire.ReceiptSubmission;
import dev.locus.wire.WireJson;
import picocli.CommandLine.Command;

@Command(
        name = "receipts",
        description = {
            "Submits a file of signed receipts (a JSON array, or one JSON object per line) through the API in batches.",
            "Every receipt is stored, accepted or rejected with its reason; the totals by",
            "outcome are printed. Landmark and agent tokens may only submit their own",
            "receipts. Lines written by ./locus agent --out are accepted as they are."
        })
final class ReceiptsCommand extends BatchFileCommand {
    ReceiptsCommand() {
        super("receipt");
    }

    @Override
    ArrayNode prepare(ArrayNode all) {
        ObjectMapper json = WireJson.mapper();
        for (int i = 0; i < all.size(); i++) {
            all.set(i, fromAgentLine(json, all.get(i), i + 1));
        }
        return all;
    }

    @Override
    int exitCode(BatchSubmission.Totals totals) {
        return 0;
    }

    /**
     * A line written by {@code ./locus agent} (a landmark-signed receipt with its certificates)
     * becomes the API's receipt JSON, carrying the landmark's signed bytes unchanged; anything else
     * passes through as it is.
     */
    private JsonNode fromAgentLine(ObjectMapper json, JsonNode node, int index) {
        if (!node.has("signedReceipt")) {
            return node;
        }
        return switch (ReceiptJsonLines.parseLine(node.toString())) {
            case Decoded.Accepted<ReceiptRecord> a ->
                json.valueToTree(ReceiptSubmission.of(a.value().signedReceipt()));
            case Decoded.Rejected<ReceiptRecord> r ->
                throw new IllegalArgumentException(
                        file + ": receipt " + index + " is not a valid agent receipt line: " + r.detail());
        };
    }
}
