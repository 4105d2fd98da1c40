package dev.locus.server.api;

import dev.locus.geo.audit.AuditReport;
import dev.locus.geo.audit.Contradiction;
import dev.locus.geo.audit.PositionCheck;
import dev.locus.geo.audit.SuspectLandmark;
import dev.locus.server.ControlPlane;
import dev.locus.server.auth.Permission;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.mesh.MeshAuditor;
import dev.locus.server.mesh.PeerRoundTripIngestor;
import dev.locus.server.mesh.PeerRoundTripJson;
import dev.locus.server.mesh.PeerRoundTripQueries;
import dev.locus.server.mesh.PeerSubmission;
import dev.locus.server.registry.FieldProblem;
import dev.locus.server.registry.InvalidInputException;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Peer round trips between landmarks (submission, back-fill, listing) and the mesh audit. */
final class MeshApi {
    /** Round trips per request: up to {@link PeerRoundTripIngestor#MAX_BATCH}, 8 KiB each on average. */
    static final BodyLimit ROUND_TRIPS = BodyLimit.batch(PeerRoundTripIngestor.MAX_BATCH, 8 * 1024, 100);

    private final ControlPlane cp;

    MeshApi(ControlPlane cp) {
        this.cp = cp;
    }

    void register(RouteTable r) {
        r.post(
                "/api/v1/landmark-round-trips",
                Permission.SUBMIT_RECEIPTS,
                ROUND_TRIPS,
                ctx -> submit(ctx, cp.peerIngestor().policy()));
        r.post(
                "/api/v1/landmark-round-trips/import",
                Permission.WRITE_REGISTRY,
                ROUND_TRIPS,
                ctx -> submit(ctx, backfill(ctx)));
        r.get(
                "/api/v1/landmark-round-trips",
                Permission.READ,
                ctx -> ctx.json(Requests.page(PeerRoundTripQueries.page(
                        cp.database(),
                        Optional.ofNullable(ctx.queryParam("landmark_id")),
                        Requests.enumParam(ctx, "status", PeerRoundTripQueries.Status.class),
                        Requests.afterId(ctx),
                        Requests.limit(ctx)))));
        r.get(
                "/api/v1/mesh-audit",
                Permission.READ,
                ctx -> ctx.json(withPositions(describe(cp.meshAuditor().report()))));
        r.post("/api/v1/mesh-audit", Permission.WRITE_REGISTRY, BodyLimit.none(), ctx -> {
            MeshAuditor.Outcome o = cp.meshAuditor().run();
            Map<String, Object> out = withPositions(describe(o.report()));
            out.put("marked_suspect", o.marked());
            out.put("alerts_raised", o.alertsRaised());
            out.put("alerts_resolved", o.alertsResolved());
            ctx.json(out);
        });
    }

    private IngestPolicy backfill(Context ctx) {
        String v = Optional.ofNullable(ctx.queryParam("max_age_hours")).orElse("24");
        try {
            int hours = Integer.parseInt(v);
            if (hours >= 1 && hours <= ReceiptApi.MAX_BACKFILL_HOURS) {
                return cp.peerIngestor().policy().withMaxAge(Duration.ofHours(hours));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(List.of(new FieldProblem(
                0, "max_age_hours", v, "must be an integer in [1, " + ReceiptApi.MAX_BACKFILL_HOURS + "]")));
    }

    private void submit(Context ctx, IngestPolicy policy) {
        if (ApiServer.principal(ctx).role() == dev.locus.server.auth.Role.AGENT) {
            // Authorisation first: an agent never measures landmarks, so its body is not even read.
            throw new ApiException(ErrorCode.FORBIDDEN, "agent tokens may not submit landmark round trips");
        }
        List<PeerSubmission> batch = new ArrayList<>();
        boolean single = Requests.items(
                        ctx, "a round-trip object or an array of them", n -> batch.add(PeerRoundTripJson.parse(n)))
                == JsonBodies.Shape.OBJECT;
        List<IngestResult> results = cp.peerIngestor().ingest(batch, ApiServer.principal(ctx), policy);
        List<Map<String, Object>> out = new ArrayList<>(results.size());
        int accepted = 0;
        for (IngestResult res : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("round_trip_id", res.receiptId());
            switch (res) {
                case IngestResult.Accepted a -> {
                    m.put("status", "ACCEPTED");
                    accepted++;
                }
                case IngestResult.Rejected rej -> {
                    m.put("status", "REJECTED");
                    m.put("reason", rej.reason().name());
                    m.put("detail", rej.detail());
                }
            }
            out.add(m);
        }
        if (single) {
            if (results.get(0) instanceof IngestResult.Rejected rej) {
                throw new ApiException(
                        ErrorCode.RECEIPT_REJECTED,
                        "round trip " + rej.receiptId() + " rejected (" + rej.reason() + "): " + rej.detail(),
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

    private static Map<String, Object> describe(AuditReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pairs_checked", report.pairsChecked());
        List<Map<String, Object>> contradictions = new ArrayList<>();
        for (Contradiction x : report.contradictions()) {
            contradictions.add(MeshAuditor.contradiction(x));
        }
        out.put("contradictions", contradictions);
        List<Map<String, Object>> suspects = new ArrayList<>();
        for (SuspectLandmark s : report.suspects()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("landmark_id", s.landmark().id());
            m.put("isolated_pair", MeshAuditor.isIsolated(s, report));
            m.put("reason", s.reason());
            m.put("peers_measured", s.peersMeasured());
            m.put(
                    "contradictions",
                    s.contradictions().stream().map(MeshAuditor::contradiction).toList());
            suspects.add(m);
        }
        out.put("suspects", suspects);
        out.put("contradictions_by_operator", report.contradictionsByOperator());
        return out;
    }

    /**
     * Adds each landmark's position as its peers check it (tolerating the policy's F lying peer
     * operators): whether their region contains the registered position, and the uncertainty they
     * prove.
     */
    private Map<String, Object> withPositions(Map<String, Object> out) {
        int f = cp.config().toleratedLiars();
        List<Map<String, Object>> checks = new ArrayList<>();
        for (PositionCheck c : cp.meshAuditor().positionChecks(f)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("landmark_id", c.landmark().id());
            m.put("operator", c.landmark().operator());
            m.put(
                    "registered_uncertainty_km",
                    c.landmark().positionUncertainty().km());
            m.put("peer_operators", c.peerOperators());
            m.put("consistent", c.consistent());
            m.put("proven_uncertainty_km", Math.round(c.provenUncertainty().km() * 10) / 10.0);
            checks.add(m);
        }
        out.put("tolerated_liars", f);
        out.put("position_checks", checks);
        return out;
    }
}
