package dev.locus.server.api;

import dev.locus.server.ControlPlane;
import dev.locus.server.auth.Permission;
import dev.locus.server.auth.Principal;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.ingest.ReceiptIngestor;
import dev.locus.server.ingest.ReceiptJson;
import dev.locus.server.ingest.ReceiptQueries;
import dev.locus.server.ingest.RejectionAccounting;
import dev.locus.server.ingest.Submission;
import dev.locus.server.registry.FieldProblem;
import dev.locus.server.registry.InvalidInputException;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Receipt submission (one or a batch) and listing. */
final class ReceiptApi {
    /**
     * Receipts per request and their size: up to {@link ReceiptIngestor#MAX_BATCH}, 8 KiB each on
     * average (the largest legitimate receipt, 256 samples with its signed payload, is about 7 KiB),
     * 600 JSON tokens each (nine fields and 256 samples take under 300).
     */
    static final BodyLimit RECEIPTS = BodyLimit.batch(ReceiptIngestor.MAX_BATCH, 8 * 1024, 600);

    private final ControlPlane cp;

    ReceiptApi(ControlPlane cp) {
        this.cp = cp;
    }

    void register(RouteTable r) {
        r.post(
                "/api/v1/receipts",
                Permission.SUBMIT_RECEIPTS,
                RECEIPTS,
                ctx -> submit(ctx, cp.ingestor().policy()));
        r.post("/api/v1/receipts/import", Permission.WRITE_REGISTRY, RECEIPTS, ctx -> submit(ctx, backfillPolicy(ctx)));
        r.get("/api/v1/receipt-rejections", Permission.READ, ctx -> {
            int hours = hours(ctx);
            ctx.json(Map.of(
                    "items",
                    RejectionAccounting.recent(cp.database(), cp.clock().instant(), hours, Requests.limit(ctx)),
                    "sample_per_window",
                    RejectionAccounting.SAMPLE_PER_WINDOW));
        });
        r.get(
                "/api/v1/receipts",
                Permission.READ,
                ctx -> ctx.json(Requests.page(ReceiptQueries.page(
                        cp.database(),
                        Optional.ofNullable(ctx.queryParam("chip_serial")),
                        Requests.enumParam(ctx, "status", ReceiptQueries.Status.class),
                        Requests.afterId(ctx),
                        Requests.limit(ctx)))));
    }

    /** Longest age a back-filled receipt may have: replays stay impossible, nonces are single-use. */
    static final int MAX_BACKFILL_HOURS = 24 * 30;

    private static int hours(Context ctx) {
        String v = Optional.ofNullable(ctx.queryParam("hours")).orElse("24");
        try {
            int h = Integer.parseInt(v);
            if (h >= 1 && h <= MAX_BACKFILL_HOURS) {
                return h;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(
                List.of(new FieldProblem(0, "hours", v, "must be an integer in [1, " + MAX_BACKFILL_HOURS + "]")));
    }

    private IngestPolicy backfillPolicy(Context ctx) {
        String v = Optional.ofNullable(ctx.queryParam("max_age_hours")).orElse("24");
        try {
            int hours = Integer.parseInt(v);
            if (hours >= 1 && hours <= MAX_BACKFILL_HOURS) {
                return cp.ingestor().policy().withMaxAge(java.time.Duration.ofHours(hours));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(List.of(
                new FieldProblem(0, "max_age_hours", v, "must be an integer in [1, " + MAX_BACKFILL_HOURS + "]")));
    }

    private void submit(Context ctx, IngestPolicy policy) {
        Principal p = ApiServer.principal(ctx);
        List<Submission> batch = new ArrayList<>();
        boolean single =
                Requests.items(ctx, "a receipt object or an array of them", n -> batch.add(ReceiptJson.parse(n)))
                        == JsonBodies.Shape.OBJECT;
        List<IngestResult> results = cp.ingestor().ingest(batch, p, policy);
        int accepted = 0;
        List<Map<String, Object>> out = new ArrayList<>(results.size());
        for (IngestResult res : results) {
            out.add(describe(res));
            if (res instanceof IngestResult.Accepted) {
                accepted++;
                Counter.builder("locus_receipts")
                        .tag("outcome", "accepted")
                        .tag("reason", "none")
                        .register(cp.metrics())
                        .increment();
            } else if (res instanceof IngestResult.Rejected rej) {
                Counter.builder("locus_receipts")
                        .tag("outcome", "rejected")
                        .tag("reason", rej.reason().name())
                        .register(cp.metrics())
                        .increment();
            }
        }
        if (single) {
            IngestResult res = results.get(0);
            if (res instanceof IngestResult.Rejected rej) {
                throw new ApiException(
                        ErrorCode.RECEIPT_REJECTED,
                        "receipt " + (rej.stored() ? rej.receiptId() + " " : "") + "rejected (" + rej.reason() + "): "
                                + rej.detail(),
                        List.of(out.get(0)));
            }
            ctx.status(201).json(out.get(0));
            return;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accepted", accepted);
        summary.put("rejected", results.size() - accepted);
        summary.put("results", out);
        ctx.json(summary);
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
