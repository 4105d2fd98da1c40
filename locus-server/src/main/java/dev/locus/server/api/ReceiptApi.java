package dev.locus.server.api;

import dev.locus.server.auth.Permission;
import dev.locus.server.auth.Principal;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.ingest.ReceiptJson;
import dev.locus.server.ingest.ReceiptQueries;
import dev.locus.server.ingest.RejectionAccounting;
import dev.locus.server.ingest.Submission;
import dev.locus.server.persistence.Database;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Receipt submission (one or a batch) and listing. */
public record ReceiptApi(ReceiptIngestor ingestor, Database db, MeterRegistry metrics, InstantSource clock)
        implements HttpService {
    /**
     * Receipts per request and their size: up to {@link IngestPolicy#MAX_BATCH}, 8 KiB each on
     * average (the largest legitimate receipt, 256 samples with its signed payload, is about 7 KiB),
     * 600 JSON tokens each (nine fields and 256 samples take under 300).
     */
    static final BodyLimit RECEIPTS = BodyLimit.batch(IngestPolicy.MAX_BATCH, 8 * 1024, 600);

    @Override
    public void routing(RouteTable r) {
        r.post("/api/v1/receipts", Permission.SUBMIT_RECEIPTS, RECEIPTS, ctx -> submit(ctx, ingestor.policy()));
        r.post("/api/v1/receipts/import", Permission.WRITE_REGISTRY, RECEIPTS, ctx -> submit(ctx, backfillPolicy(ctx)));
        r.get("/api/v1/receipt-rejections", Permission.READ, ctx -> {
            int hours = hours(ctx);
            ctx.json(Map.of(
                    "items",
                    RejectionAccounting.recent(db, clock.instant(), hours, Requests.limit(ctx)),
                    "sample_per_window",
                    RejectionAccounting.SAMPLE_PER_WINDOW));
        });
        r.get("/api/v1/receipts", Permission.READ, this::list);
    }

    /** A page of the stored receipts, of one chip ({@code chip_serial}) and {@code status} if asked. */
    private void list(Context ctx) {
        Optional<String> chip = Optional.ofNullable(ctx.queryParam("chip_serial"));
        ctx.json(Requests.page(
                ctx,
                chip,
                ReceiptQueries.Status.class,
                (serial, status, after, limit) -> ReceiptQueries.page(db, serial, status, after, limit)));
    }

    /** Longest age a back-filled receipt may have: replays stay impossible, nonces are single-use. */
    static final int MAX_BACKFILL_HOURS = 24 * 30;

    private static int hours(Context ctx) {
        return Requests.intParam(ctx, "hours", 24, 1, MAX_BACKFILL_HOURS);
    }

    private IngestPolicy backfillPolicy(Context ctx) {
        return ingestor.policy()
                .withMaxAge(
                        java.time.Duration.ofHours(Requests.intParam(ctx, "max_age_hours", 24, 1, MAX_BACKFILL_HOURS)));
    }

    private void submit(Context ctx, IngestPolicy policy) {
        Principal p = ApiServer.principal(ctx);
        List<Submission> batch = new ArrayList<>();
        boolean single =
                Requests.items(ctx, "a receipt object or an array of them", n -> batch.add(ReceiptJson.parse(n)))
                        == JsonBodies.Shape.OBJECT;
        List<IngestResult> results = ingestor.ingest(batch, p, policy);
        List<Map<String, Object>> out = new ArrayList<>(results.size());
        for (IngestResult res : results) {
            out.add(describe(res));
            if (res instanceof IngestResult.Accepted) {
                Counter.builder("locus_receipts")
                        .tag("outcome", "accepted")
                        .tag("reason", "none")
                        .register(metrics)
                        .increment();
            } else if (res instanceof IngestResult.Rejected rej) {
                Counter.builder("locus_receipts")
                        .tag("outcome", "rejected")
                        .tag("reason", rej.reason().name())
                        .register(metrics)
                        .increment();
            }
        }
        Requests.answerSubmission(
                ctx,
                single,
                results,
                out,
                rej -> "receipt " + (rej.stored() ? rej.receiptId() + " " : "") + "rejected (" + rej.reason() + "): "
                        + rej.detail());
    }

    private static Map<String, Object> describe(IngestResult res) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (res) {
            case IngestResult.Accepted a -> {
                m.put("receipt_id", a.receiptId());
                m.put("status", "ACCEPTED");
            }
            case IngestResult.Rejected r -> {
                // Every rejection is counted per token, reason and hour; only a sample is stored.
                m.put("receipt_id", r.stored() ? r.receiptId() : null);
                m.put("status", "REJECTED");
                m.put("reason", r.reason().name());
                m.put("detail", r.detail());
            }
        }
        return m;
    }
}
