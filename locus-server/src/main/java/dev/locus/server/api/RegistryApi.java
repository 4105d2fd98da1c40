package dev.locus.server.api;

import dev.locus.server.ControlPlane;
import dev.locus.server.alerts.Alert;
import dev.locus.server.auth.Permission;
import dev.locus.server.registry.FieldProblem;
import dev.locus.server.registry.ImportResult;
import dev.locus.server.registry.InvalidInputException;
import dev.locus.server.registry.Landmark;
import dev.locus.server.registry.Model;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.registry.Row;
import dev.locus.server.registry.RowSource;
import io.javalin.http.Context;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registry routes: organisations, sites, licences, chips, custody, landmarks, bulk imports. */
final class RegistryApi {
    /**
     * Bulk files: 128 MiB (100,000 chips with base64 device certificates take about 65 MiB) and
     * {@link RowSource#MAX_ROWS} rows.
     */
    static final BodyLimit IMPORTS = BodyLimit.file(128L * 1024 * 1024, RowSource.MAX_ROWS);

    private final ControlPlane cp;
    private final RegistryService registry;

    RegistryApi(ControlPlane cp) {
        this.cp = cp;
        this.registry = cp.registry();
    }

    void register(RouteTable r) {
        r.get(
                "/api/v1/organisations",
                Permission.READ,
                ctx -> ctx.json(Requests.page(registry.organisations(Requests.after(ctx), Requests.limit(ctx)))));
        r.post(
                "/api/v1/organisations",
                Permission.WRITE_REGISTRY,
                BodyLimit.record(),
                ctx -> created(ctx, registry.createOrganisation(Requests.fields(ctx), actor(ctx))));
        r.get(
                "/api/v1/organisations/{id}",
                Permission.READ,
                ctx -> ctx.json(registry.organisation(ctx.pathParam("id"))
                        .orElseThrow(() -> Requests.notFound("organisation", ctx.pathParam("id")))));

        r.get(
                "/api/v1/sites",
                Permission.READ,
                ctx -> ctx.json(Requests.page(registry.sites(Requests.after(ctx), Requests.limit(ctx)))));
        r.post(
                "/api/v1/sites",
                Permission.WRITE_REGISTRY,
                BodyLimit.record(),
                ctx -> created(ctx, registry.createSite(Requests.fields(ctx), actor(ctx))));
        r.get(
                "/api/v1/sites/{id}",
                Permission.READ,
                ctx -> ctx.json(registry.site(ctx.pathParam("id"))
                        .orElseThrow(() -> Requests.notFound("site", ctx.pathParam("id")))));

        r.get(
                "/api/v1/licences",
                Permission.READ,
                ctx -> ctx.json(Requests.page(registry.licences(Requests.after(ctx), Requests.limit(ctx)))));
        r.post(
                "/api/v1/licences",
                Permission.WRITE_REGISTRY,
                BodyLimit.record(),
                ctx -> created(ctx, registry.createLicence(Requests.fields(ctx), actor(ctx))));
        r.get(
                "/api/v1/licences/{id}",
                Permission.READ,
                ctx -> ctx.json(registry.licence(ctx.pathParam("id"))
                        .orElseThrow(() -> Requests.notFound("licence", ctx.pathParam("id")))));

        r.get(
                "/api/v1/chips",
                Permission.READ,
                ctx -> ctx.json(Requests.page(registry.chips(
                        Optional.ofNullable(ctx.queryParam("licence_id")), Requests.after(ctx), Requests.limit(ctx)))));
        r.post(
                "/api/v1/chips",
                Permission.WRITE_REGISTRY,
                BodyLimit.record(),
                ctx -> created(ctx, registry.createChip(Requests.fields(ctx), actor(ctx))));
        r.get(
                "/api/v1/chips/{serial}",
                Permission.READ,
                ctx -> ctx.json(registry.chip(ctx.pathParam("serial"))
                        .orElseThrow(() -> Requests.notFound("chip", ctx.pathParam("serial")))));
        r.get("/api/v1/chips/{serial}/custody-events", Permission.READ, ctx -> {
            String serial = ctx.pathParam("serial");
            if (registry.chip(serial).isEmpty()) {
                throw Requests.notFound("chip", serial);
            }
            ctx.json(Map.of("items", registry.custodyEvents(serial)));
        });
        r.post("/api/v1/chips/{serial}/custody-events", Permission.WRITE_REGISTRY, BodyLimit.record(), ctx -> {
            String serial = ctx.pathParam("serial");
            if (registry.chip(serial).isEmpty()) {
                throw Requests.notFound("chip", serial);
            }
            created(ctx, registry.recordCustody(serial, Requests.fields(ctx), actor(ctx)));
        });

        r.get(
                "/api/v1/landmarks",
                Permission.READ,
                ctx -> ctx.json(Requests.page(registry.landmarks(Requests.after(ctx), Requests.limit(ctx)))));
        r.post(
                "/api/v1/landmarks",
                Permission.WRITE_REGISTRY,
                BodyLimit.record(),
                ctx -> created(ctx, registry.createLandmark(Requests.fields(ctx), actor(ctx))));
        r.get(
                "/api/v1/landmarks/{id}",
                Permission.READ,
                ctx -> ctx.json(registry.landmark(ctx.pathParam("id"))
                        .orElseThrow(() -> Requests.notFound("landmark", ctx.pathParam("id")))));
        r.post("/api/v1/landmarks/{id}/status", Permission.WRITE_REGISTRY, BodyLimit.record(), this::landmarkStatus);

        r.post("/api/v1/imports/{kind}", Permission.WRITE_REGISTRY, IMPORTS, this::importFile);
    }

    private void landmarkStatus(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, String> f = Requests.fields(ctx);
        List<FieldProblem> problems = new java.util.ArrayList<>();
        var reader = new dev.locus.server.registry.FieldReader(f, 0, problems);
        Model.LandmarkStatus status =
                reader.enumValue("status", Model.LandmarkStatus.class, Model.LandmarkStatus.ACTIVE);
        String reason = reader.text("reason", 2000);
        reader.rejectUnknown(List.of("status", "reason"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Landmark updated = registry.setLandmarkStatus(id, status, reason, actor(ctx))
                .orElseThrow(() -> Requests.notFound("landmark", id));
        cp.verdicts().invalidateLandmark(id);
        if (status == Model.LandmarkStatus.SUSPECT) {
            cp.alerts()
                    .raise(
                            Alert.Rule.SUSPECT_LANDMARK,
                            Alert.Severity.WARNING,
                            Alert.SubjectType.LANDMARK,
                            id,
                            "landmark " + id + " marked suspect: " + reason,
                            Map.of("reason", reason, "marked_by", actor(ctx)));
        }
        ctx.json(updated);
    }

    private void importFile(Context ctx) {
        RegistryService.Kind kind = RegistryService.Kind.parse(ctx.pathParam("kind"));
        String mediaType = RequestBody.mediaType(ctx);
        String format = Optional.ofNullable(ctx.queryParam("format"))
                .map(f -> f.toLowerCase(java.util.Locale.ROOT))
                .orElse(
                        mediaType.equals("text/csv")
                                ? "csv"
                                : RequestBody.isJson(mediaType) ? "json" : mediaType.isEmpty() ? "none" : mediaType);
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send text/csv or application/json (or ?format=csv|json), got '"
                            + (format.length() > 100 ? format.substring(0, 100) + "..." : format) + "'");
        }
        RequestBody body = RequestBody.of(ctx);
        byte[] raw = body.bytes();
        List<Row> rows = format.equals("csv") ? csvRows(raw) : jsonRows(raw, body.limit());
        ImportResult result = registry.importRows(kind, rows, new String(raw, StandardCharsets.UTF_8), actor(ctx));
        switch (result) {
            case ImportResult.Imported ok -> ctx.status(201).json(Map.of("kind", ok.kind(), "imported", ok.count()));
            case ImportResult.Rejected rej ->
                throw new ApiException(
                        ErrorCode.IMPORT_REJECTED,
                        rej.problems().size() + " problem(s) in " + rej.rows() + " " + rej.kind()
                                + " row(s); nothing was imported",
                        rej.problems());
        }
    }

    private static List<Row> csvRows(byte[] raw) {
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return RowSource.csv(
                    new StringReader(utf8.decode(ByteBuffer.wrap(raw)).toString()));
        } catch (CharacterCodingException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "CSV files must be UTF-8; this one is not");
        }
    }

    /** A JSON array of flat objects, read strictly; each row's line is its 1-based position. */
    private static List<Row> jsonRows(byte[] raw, BodyLimit limit) {
        List<Row> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        JsonBodies.Shape shape = JsonBodies.items(
                new java.io.ByteArrayInputStream(raw),
                limit,
                "a JSON array of objects",
                n -> rows.add(new Row(rows.size() + 1, RowSource.flatten(n, rows.size() + 1, problems))));
        if (shape != JsonBodies.Shape.ARRAY) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "a JSON import must be an array of objects");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rows;
    }

    private static void created(Context ctx, Object body) {
        ctx.status(201).json(body);
    }

    private static String actor(Context ctx) {
        return ApiServer.principal(ctx).actor();
    }
}
