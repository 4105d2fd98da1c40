package dev.locus.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.auth.Permission;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.reports.DiversionReport;
import dev.locus.server.reports.LicenceReport;
import dev.locus.server.verdicts.StoredVerdict;
import dev.locus.server.verdicts.VerdictEngine;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Verdict history, on-demand assessment and the per-chip diversion report. */
public final class VerdictApi implements HttpService {
    private final RegistryService registry;
    private final VerdictEngine verdicts;
    private final DiversionReport reports;
    private final LicenceReport licenceReports;

    public VerdictApi(
            RegistryService registry,
            VerdictEngine verdicts,
            AlertService alerts,
            InstantSource clock,
            ObjectMapper json) {
        this.registry = registry;
        this.verdicts = verdicts;
        this.reports = new DiversionReport(registry, verdicts, alerts, clock, json);
        this.licenceReports = new LicenceReport(registry, verdicts, alerts, clock, json);
    }

    @Override
    public void routing(RouteTable r) {
        r.get("/api/v1/chips/{serial}/verdicts", Permission.READ, ctx -> {
            String serial = knownChip(ctx);
            ctx.json(Requests.page(verdicts.history(serial, Requests.afterId(ctx), Requests.limit(ctx))));
        });
        r.post("/api/v1/chips/{serial}/assess", Permission.WRITE_REGISTRY, BodyLimit.none(), ctx -> {
            String serial = knownChip(ctx);
            var before = verdicts.latest(serial, false).map(StoredVerdict::id);
            var v = verdicts.assess(serial);
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
        serve(
                ctx,
                report,
                "locus-report-" + serial,
                reports::toCsv,
                reports::toHtml,
                DiversionReport.CONTENT_SECURITY_POLICY);
    }

    private void licenceReport(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, Object> report = licenceReports.forLicence(id).orElseThrow(() -> Requests.notFound("licence", id));
        serve(
                ctx,
                report,
                "locus-licence-" + id,
                licenceReports::toCsv,
                licenceReports::toHtml,
                LicenceReport.CONTENT_SECURITY_POLICY);
    }

    /** A report in the {@code format} asked for: json (default), csv (as a download) or html. */
    private static void serve(
            Context ctx,
            Map<String, Object> report,
            String fileName,
            Function<Map<String, Object>, String> csv,
            Function<Map<String, Object>, String> html,
            String csp) {
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        switch (format) {
            case "json" -> ctx.json(report);
            case "csv" ->
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"")
                        .result(csv.apply(report));
            case "html" ->
                ctx.contentType("text/html; charset=utf-8")
                        .header("Content-Security-Policy", csp)
                        .result(html.apply(report));
            default ->
                throw new InvalidInputException(
                        List.of(new FieldProblem(0, "format", format, "must be json, csv or html")));
        }
    }

    private String knownChip(Context ctx) {
        String serial = ctx.pathParam("serial");
        if (registry.chip(serial).isEmpty()) {
            throw Requests.notFound("chip", serial);
        }
        return serial;
    }
}
