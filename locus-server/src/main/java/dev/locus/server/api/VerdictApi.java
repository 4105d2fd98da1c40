package dev.locus.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.auth.Permission;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.reports.ChipReport;
import dev.locus.server.reports.DiversionReport;
import dev.locus.server.reports.HtmlReport;
import dev.locus.server.reports.LicenceReport;
import dev.locus.server.reports.PdfReport;
import dev.locus.server.reports.ReportDocument;
import dev.locus.server.verdicts.StoredVerdict;
import dev.locus.server.verdicts.VerdictEngine;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Verdict history, on-demand assessment and the per-chip diversion report. */
public final class VerdictApi implements HttpService {
    private final RegistryService registry;
    private final VerdictEngine verdicts;
    private final DiversionReport reports;
    private final ChipReport chipReports;
    private final LicenceReport licenceReports;

    public VerdictApi(
            Database db,
            RegistryService registry,
            VerdictEngine verdicts,
            AlertService alerts,
            InstantSource clock,
            ObjectMapper json,
            LicenceReport.Statuses statuses) {
        this.registry = registry;
        this.verdicts = verdicts;
        this.reports = new DiversionReport(registry, verdicts, alerts, clock, json);
        this.chipReports = new ChipReport(db, registry, verdicts, alerts, clock, json);
        this.licenceReports = new LicenceReport(db, registry, verdicts, alerts, statuses, clock, json);
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

    /**
     * The chip's report: {@code format=html} or {@code pdf} the document a regulator reads (titled by
     * its conclusion), {@code json} (default) or {@code csv} the data, with the conclusion first.
     */
    private void report(Context ctx) {
        String serial = ctx.pathParam("serial");
        String format = Requests.format(ctx, "json", "csv", "html", "pdf");
        String fileName = "locus-report-" + serial;
        switch (format) {
            case "html", "pdf" ->
                document(
                        ctx,
                        format,
                        fileName,
                        chipReports.forChip(serial).orElseThrow(() -> Requests.notFound("chip", serial)));
            default -> {
                Map<String, Object> data = reports.forChip(serial).orElseThrow(() -> Requests.notFound("chip", serial));
                var finding = chipReports.finding(serial).orElseThrow();
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("title", finding.title());
                report.put("conclusion", finding.conclusion());
                report.put("findings", finding.landmarks());
                report.putAll(data);
                if (format.equals("csv")) {
                    csv(ctx, fileName, reports.toCsv(report));
                } else {
                    ctx.json(report);
                }
            }
        }
    }

    /** The licence's report: {@code html} or {@code pdf} the document, {@code json} (default) or {@code csv} the data. */
    private void licenceReport(Context ctx) {
        String id = ctx.pathParam("id");
        String format = Requests.format(ctx, "json", "csv", "html", "pdf");
        Map<String, Object> report = licenceReports.forLicence(id).orElseThrow(() -> Requests.notFound("licence", id));
        String fileName = "locus-licence-" + id;
        switch (format) {
            case "csv" -> csv(ctx, fileName, licenceReports.toCsv(report));
            case "html", "pdf" -> document(ctx, format, fileName, licenceReports.document(report));
            default -> ctx.json(report);
        }
    }

    private static void document(Context ctx, String format, String fileName, ReportDocument doc) {
        if (format.equals("html")) {
            html(ctx, HtmlReport.render(doc), HtmlReport.CONTENT_SECURITY_POLICY);
        } else {
            ctx.contentType("application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + ".pdf\"")
                    .result(PdfReport.render(doc));
        }
    }

    /** The {@code format} asked for (the first allowed when absent), or a 400 naming the allowed ones. */
    private static void csv(Context ctx, String fileName, String body) {
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"")
                .result(body);
    }

    private static void html(Context ctx, String body, String csp) {
        ctx.contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", csp)
                .result(body);
    }

    private String knownChip(Context ctx) {
        String serial = ctx.pathParam("serial");
        if (registry.chip(serial).isEmpty()) {
            throw Requests.notFound("chip", serial);
        }
        return serial;
    }
}
