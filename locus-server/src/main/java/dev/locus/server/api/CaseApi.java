package dev.locus.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.compliance.cases.CaseReport;
import dev.locus.compliance.cases.CaseReportHtml;
import dev.locus.compliance.cases.CaseService;
import dev.locus.server.auth.Permission;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * Cases: listed, opened, read with their findings and explained risk, changed (owner, status, due
 * date, decision), noted, and reported as credible information (JSON or HTML).
 */
public final class CaseApi implements HttpService {
    private final CaseService cases;
    private final CaseReport reports;
    private final ObjectMapper json;

    public CaseApi(CaseService cases, CaseReport reports, ObjectMapper json) {
        this.cases = cases;
        this.reports = reports;
        this.json = json;
    }

    @Override
    public void routing(RouteTable r) {
        r.get(
                "/api/v1/cases",
                Permission.READ,
                ctx -> ctx.json(Requests.page(cases.page(
                        FindingsApi.filters(ctx, CaseService.FILTERS), Requests.afterId(ctx), Requests.limit(ctx)))));
        r.post(
                "/api/v1/cases",
                Permission.MANAGE_ALERTS,
                BodyLimit.record(),
                ctx -> ctx.status(201).json(PartyApi.answer(cases.open(Requests.fields(ctx), actor(ctx)))));
        r.get("/api/v1/cases/{id}", Permission.READ, ctx -> {
            long id = FindingsApi.numericId(ctx, "case");
            ctx.json(cases.view(id).orElseThrow(() -> Requests.notFound("case", Long.toString(id))));
        });
        r.post(
                "/api/v1/cases/{id}",
                Permission.MANAGE_ALERTS,
                BodyLimit.record(),
                ctx -> ctx.json(PartyApi.answer(
                        cases.update(FindingsApi.numericId(ctx, "case"), Requests.fields(ctx), actor(ctx)))));
        r.post("/api/v1/cases/{id}/notes", Permission.MANAGE_ALERTS, BodyLimit.record(), ctx -> {
            Map<String, String> f = Requests.fields(ctx);
            ctx.status(201)
                    .json(PartyApi.answer(
                            cases.addNote(FindingsApi.numericId(ctx, "case"), f.getOrDefault("text", ""), actor(ctx))));
        });
        r.get("/api/v1/cases/{id}/report", Permission.READ, this::report);
    }

    private void report(Context ctx) {
        long id = FindingsApi.numericId(ctx, "case");
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        if (!format.equals("json") && !format.equals("html")) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "format must be json or html (pdf comes with the shared report renderer), got '"
                            + (format.length() > 20 ? format.substring(0, 20) + "..." : format) + "'");
        }
        Map<String, Object> report = reports.build(id).orElseThrow(() -> Requests.notFound("case", Long.toString(id)));
        if (format.equals("html")) {
            ctx.contentType("text/html; charset=utf-8").result(CaseReportHtml.render(report, json));
        } else {
            ctx.json(report);
        }
    }

    private static String actor(Context ctx) {
        return ApiServer.principal(ctx).actor();
    }
}
