package dev.locus.server.api;

import dev.locus.compliance.cases.CaseService;
import dev.locus.compliance.findings.FindingStore;
import dev.locus.compliance.findings.RedFlagEvaluator;
import dev.locus.compliance.redflags.Subject;
import dev.locus.server.auth.Permission;
import java.util.Map;

/** Red-flag findings: listed with filters, read, dismissed with a reason; a subject's explained risk. */
public record FindingsApi(FindingStore findings, CaseService cases, RedFlagEvaluator redFlags) implements HttpService {
    @Override
    public void routing(RouteTable r) {
        r.get(
                "/api/v1/findings",
                Permission.READ,
                ctx -> ctx.json(Requests.page(ctx, FindingStore.FILTERS, findings::page)));
        // a full re-evaluation (record read once into memory, findings reconciled): after a policy
        // change or on demand; 202 when started, 409 while one runs; GET says how the last one went
        r.post("/api/v1/findings/reevaluate", Permission.MANAGE_ALERTS, BodyLimit.none(), ctx -> {
            if (!redFlags.startReevaluation()) {
                throw new ApiException(ErrorCode.CONFLICT, "a full re-evaluation is already running");
            }
            ctx.status(202).json(redFlags.fullRunStatus());
        });
        r.get("/api/v1/findings/reevaluate", Permission.READ, ctx -> ctx.json(redFlags.fullRunStatus()));
        r.get("/api/v1/findings/{id}", Permission.READ, ctx -> {
            long id = Requests.numericId(ctx, "finding");
            ctx.json(findings.finding(id).orElseThrow(() -> Requests.notFound("finding", Long.toString(id))));
        });
        r.post("/api/v1/findings/{id}/dismiss", Permission.MANAGE_ALERTS, BodyLimit.record(), ctx -> {
            Map<String, String> f = Requests.fields(ctx);
            ctx.json(PartyApi.answer(findings.dismiss(
                    Requests.numericId(ctx, "finding"),
                    f.getOrDefault("note", ""),
                    ApiServer.principal(ctx).actor())));
        });
        r.get("/api/v1/risk/{subject_type}/{subject_id}", Permission.READ, ctx -> {
            Subject.Type type = Requests.enumValue("subject_type", ctx.pathParam("subject_type"), Subject.Type.class);
            ctx.json(cases.risk(new Subject(type, ctx.pathParam("subject_id"))));
        });
    }
}
