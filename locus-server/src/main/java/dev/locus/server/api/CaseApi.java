package dev.locus.server.api;

import dev.locus.compliance.cases.CaseReport;
import dev.locus.compliance.cases.CaseService;
import dev.locus.server.auth.Permission;
import dev.locus.server.reports.HtmlReport;
import dev.locus.server.reports.PdfReport;
import dev.locus.server.reports.ReportDocument;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * Cases: listed, opened, read with their findings and explained risk, changed (owner, status, due
 * date, decision), noted, and reported as credible information (JSON, HTML or PDF).
 */
public record CaseApi(CaseService cases, CaseReport reports) implements HttpService {
    @Override
    public void routing(RouteTable r) {
        r.get("/api/v1/cases", Permission.READ, ctx -> ctx.json(Requests.page(ctx, CaseService.FILTERS, cases::page)));
        r.post(
                "/api/v1/cases",
                Permission.MANAGE_ALERTS,
                BodyLimit.record(),
                ctx -> ctx.status(201).json(PartyApi.answer(cases.open(Requests.fields(ctx), actor(ctx)))));
        r.get("/api/v1/cases/{id}", Permission.READ, ctx -> {
            long id = Requests.numericId(ctx, "case");
            ctx.json(cases.view(id).orElseThrow(() -> Requests.notFound("case", Long.toString(id))));
        });
        r.post(
                "/api/v1/cases/{id}",
                Permission.MANAGE_ALERTS,
                BodyLimit.record(),
                ctx -> ctx.json(PartyApi.answer(
                        cases.update(Requests.numericId(ctx, "case"), Requests.fields(ctx), actor(ctx)))));
        r.post("/api/v1/cases/{id}/notes", Permission.MANAGE_ALERTS, BodyLimit.record(), ctx -> {
            Map<String, String> f = Requests.fields(ctx);
            ctx.status(201)
                    .json(PartyApi.answer(
                            cases.addNote(Requests.numericId(ctx, "case"), f.getOrDefault("text", ""), actor(ctx))));
        });
        r.get("/api/v1/cases/{id}/report", Permission.READ, this::report);
    }

    private void report(Context ctx) {
        long id = Requests.numericId(ctx, "case");
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        switch (format) {
            case "json" -> ctx.json(reports.build(id).orElseThrow(() -> Requests.notFound("case", Long.toString(id))));
            case "html", "pdf" -> {
                ReportDocument doc =
                        reports.document(id).orElseThrow(() -> Requests.notFound("case", Long.toString(id)));
                if (format.equals("html")) {
                    ctx.contentType("text/html; charset=utf-8")
                            .header("Content-Security-Policy", HtmlReport.CONTENT_SECURITY_POLICY)
                            .result(HtmlReport.render(doc));
                } else {
                    ctx.contentType("application/pdf")
                            .header("Content-Disposition", "attachment; filename=\"locus-case-" + id + ".pdf\"")
                            .result(PdfReport.render(doc));
                }
            }
            default ->
                throw new ApiException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "format must be json, html or pdf, got '"
                                + (format.length() > 20 ? format.substring(0, 20) + "..." : format) + "'");
        }
    }

    private static String actor(Context ctx) {
        return ApiServer.principal(ctx).actor();
    }
}
