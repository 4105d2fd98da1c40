package dev.locus.server.api;

import dev.locus.geo.audit.AuditReport;
import dev.locus.geo.audit.Contradiction;
import dev.locus.geo.audit.PositionCheck;
import dev.locus.geo.audit.SuspectLandmark;
import dev.locus.server.auth.Permission;
import dev.locus.server.ingest.IngestPolicy;
import dev.locus.server.ingest.IngestResult;
import dev.locus.server.mesh.MeshAuditor;
import dev.locus.server.mesh.PeerRoundTripIngestor;
import dev.locus.server.mesh.PeerRoundTripJson;
import dev.locus.server.mesh.PeerRoundTripQueries;
import dev.locus.server.mesh.PeerSubmission;
import dev.locus.server.persistence.Database;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Peer round trips between landmarks (submission, back-fill, listing) and the mesh audit.
 *
 * @param toleratedLiars F, for the landmarks' position checks the audit reports
 */
public record MeshApi(PeerRoundTripIngestor peerIngestor, MeshAuditor meshAuditor, Database db, int toleratedLiars)
        implements HttpService {
    /** Round trips per request: up to {@link IngestPolicy#MAX_BATCH}, 8 KiB each on average. */
    static final BodyLimit ROUND_TRIPS = BodyLimit.batch(IngestPolicy.MAX_BATCH, 8 * 1024, 100);

    @Override
    public void routing(RouteTable r) {
        r.post(
                "/api/v1/landmark-round-trips",
                Permission.SUBMIT_RECEIPTS,
                ROUND_TRIPS,
                ctx -> submit(ctx, peerIngestor.policy()));
        r.post(
                "/api/v1/landmark-round-trips/import",
                Permission.WRITE_REGISTRY,
                ROUND_TRIPS,
                ctx -> submit(ctx, backfill(ctx)));
        r.get(
                "/api/v1/landmark-round-trips",
                Permission.READ,
                ctx -> ctx.json(Requests.page(
                        ctx,
                        Optional.ofNullable(ctx.queryParam("landmark_id")),
                        PeerRoundTripQueries.Status.class,
                        (landmark, status, after, limit) ->
                                PeerRoundTripQueries.page(db, landmark, status, after, limit))));
        r.get("/api/v1/mesh-audit", Permission.READ, ctx -> ctx.json(withPositions(describe(meshAuditor.report()))));
        r.post("/api/v1/mesh-audit", Permission.WRITE_REGISTRY, BodyLimit.none(), ctx -> {
            MeshAuditor.Outcome o = meshAuditor.run();
            Map<String, Object> out = withPositions(describe(o.report()));
            out.put("marked_suspect", o.marked());
            out.put("alerts_raised", o.alertsRaised());
            out.put("alerts_resolved", o.alertsResolved());
            ctx.json(out);
        });
    }

    private IngestPolicy backfill(Context ctx) {
        return peerIngestor
                .policy()
                .withMaxAge(Duration.ofHours(
                        Requests.intParam(ctx, "max_age_hours", 24, 1, ReceiptApi.MAX_BACKFILL_HOURS)));
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
        List<IngestResult> results = peerIngestor.ingest(batch, ApiServer.principal(ctx), policy);
        List<Map<String, Object>> out = new ArrayList<>(results.size());
        for (IngestResult res : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("round_trip_id", res.receiptId());
            m.put("status", res instanceof IngestResult.Accepted ? "ACCEPTED" : "REJECTED");
            if (res instanceof IngestResult.Rejected rej) {
                m.put("reason", rej.reason().name());
                m.put("detail", rej.detail());
            }
            out.add(m);
        }
        Requests.answerSubmission(
                ctx,
                single,
                results,
                out,
                rej -> "round trip " + rej.receiptId() + " rejected (" + rej.reason() + "): " + rej.detail());
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
        int f = toleratedLiars;
        List<Map<String, Object>> checks = new ArrayList<>();
        for (PositionCheck c : meshAuditor.positionChecks(f)) {
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
