package dev.locus.server.api;

import dev.locus.server.ControlPlane;
import dev.locus.server.auth.Permission;
import dev.locus.server.reports.DiversionReport;
import dev.locus.server.reports.LicenceReport;
import dev.locus.server.verdicts.StoredVerdict;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/** Verdict history, on-demand assessment and the per-chip diversion report. */
final class VerdictApi {
    private final ControlPlane cp;
    private final DiversionReport reports;
    private final dev.locus.server.reports.LicenceReport licenceReports;

    VerdictApi(ControlPlane cp, InstantSource clock) {
        this.cp = cp;
        this.reports = new DiversionReport(cp.registry(), cp.verdicts(), cp.alerts(), clock, cp.json());
        this.licenceReports =
                new dev.locus.server.reports.LicenceReport(cp.registry(), cp.verdicts(), cp.alerts(), clock, cp.json());
    }

    void register(RouteTable r) {
        r.get("/api/v1/chips/{serial}/verdicts", Permission.READ, ctx -> {
            String serial = knownChip(ctx);
            ctx.json(Requests.page(cp.verdicts().history(serial, Requests.afterId(ctx), Requests.limit(ctx))));
        });
        r.post("/api/v1/chips/{serial}/assess", Permission.WRITE_REGISTRY, BodyLimit.none(), ctx -> {
            String serial = knownChip(ctx);
            var before = cp.verdicts().latest(serial, false).map(StoredVerdict::id);
            var v = cp.verdicts().assess(serial);
            if (v.isEmpty()) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "chip " + serial + " has no accepted receipts from active landmarks in the measurement window");
            }
            // 200: the window is what the latest verdict was derived from, which is confirmed.
            ctx.status(before.equals(Optional.of(v.get().id())) ? 200 : 201).json(v.get());
        });
        r.get("/api/v1/chips/{serial}/report", Permission.READ, this::report);
        r.get("/api/v1/licences/{id}/report", Permission.READ, this::licenceReport);
    }

    private void report(Context ctx) {
        String serial = ctx.pathParam("serial");
        Map<String, Object> report = reports.forChip(serial).orElseThrow(() -> Requests.notFound("chip", serial));
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        switch (format) {
            case "json" -> ctx.json(report);
            case "csv" ->
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"locus-report-" + serial + ".csv\"")
                        .result(reports.toCsv(report));
            case "html" ->
                ctx.contentType("text/html; charset=utf-8")
                        .header("Content-Security-Policy", DiversionReport.CONTENT_SECURITY_POLICY)
                        .result(reports.toHtml(report));
            default ->
                throw new dev.locus.server.registry.InvalidInputException(java.util.List.of(
                        new dev.locus.server.registry.FieldProblem(0, "format", format, "must be json, csv or html")));
        }
    }

    private void licenceReport(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, Object> report = licenceReports.forLicence(id).orElseThrow(() -> Requests.notFound("licence", id));
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        switch (format) {
            case "json" -> ctx.json(report);
            case "csv" ->
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"locus-licence-" + id + ".csv\"")
                        .result(licenceReports.toCsv(report));
            case "html" ->
                ctx.contentType("text/html; charset=utf-8")
                        .header("Content-Security-Policy", LicenceReport.CONTENT_SECURITY_POLICY)
                        .result(licenceReports.toHtml(report));
            default ->
                throw new dev.locus.server.registry.InvalidInputException(java.util.List.of(
                        new dev.locus.server.registry.FieldProblem(0, "format", format, "must be json, csv or html")));
        }
    }

    private String knownChip(Context ctx) {
        String serial = ctx.pathParam("serial");
        if (cp.registry().chip(serial).isEmpty()) {
            throw Requests.notFound("chip", serial);
        }
        return serial;
    }
}
