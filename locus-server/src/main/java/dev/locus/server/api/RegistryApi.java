package dev.locus.server.api;

import dev.locus.server.auth.Permission;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.mesh.LandmarkStatusWorkflow;
import dev.locus.server.registry.Edited;
import dev.locus.server.registry.Landmark;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.registry.RowSource;
import dev.locus.server.registry.StaleEditException;
import dev.locus.wire.RegistryValues;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Registry routes: organisations, sites, licences, chips, custody, landmarks, bulk imports. */
public record RegistryApi(RegistryService registry, LandmarkStatusWorkflow landmarkStatus) implements HttpService {
    /**
     * Bulk files: 128 MiB (100,000 chips with base64 device certificates take about 65 MiB) and
     * {@link RowSource#MAX_ROWS} rows.
     */
    static final BodyLimit IMPORTS = BodyLimit.file(128L * 1024 * 1024, RowSource.MAX_ROWS);

    /**
     * One kind of registry record as the API serves it: list, create, get by id.
     *
     * @param plural the collection's path segment
     * @param idParam the path parameter naming one record
     * @param singular the record's name in a not-found answer
     */
    private record RecordRoutes(
            String plural,
            String idParam,
            String singular,
            Function<Context, Page<?>> list,
            BiFunction<Map<String, String>, String, Object> create,
            Function<String, Optional<?>> get) {}

    private List<RecordRoutes> records() {
        return List.of(
                new RecordRoutes(
                        "organisations",
                        "id",
                        "organisation",
                        ctx -> registry.organisations(Requests.after(ctx), Requests.limit(ctx)),
                        registry::createOrganisation,
                        registry::organisation),
                new RecordRoutes(
                        "sites",
                        "id",
                        "site",
                        ctx -> registry.sites(Requests.after(ctx), Requests.limit(ctx)),
                        registry::createSite,
                        registry::site),
                new RecordRoutes(
                        "licences",
                        "id",
                        "licence",
                        ctx -> registry.licences(Requests.after(ctx), Requests.limit(ctx)),
                        registry::createLicence,
                        registry::licence),
                new RecordRoutes(
                        "chips",
                        "serial",
                        "chip",
                        ctx -> registry.chips(
                                Optional.ofNullable(ctx.queryParam("licence_id")),
                                Requests.after(ctx),
                                Requests.limit(ctx)),
                        registry::createChip,
                        registry::chip),
                new RecordRoutes(
                        "landmarks",
                        "id",
                        "landmark",
                        ctx -> registry.landmarks(Requests.after(ctx), Requests.limit(ctx)),
                        registry::createLandmark,
                        registry::landmark));
    }

    @Override
    public void routing(RouteTable r) {
        for (RecordRoutes k : records()) {
            String base = "/api/v1/" + k.plural();
            r.get(base, Permission.READ, ctx -> ctx.json(Requests.page(k.list().apply(ctx))));
            r.post(
                    base,
                    Permission.WRITE_REGISTRY,
                    BodyLimit.record(),
                    ctx -> created(ctx, k.create().apply(Requests.fields(ctx), actor(ctx))));
            RegistryService.Kind kind = RegistryService.Kind.parse(k.plural());
            r.get(base + "/{" + k.idParam() + "}", Permission.READ, ctx -> {
                String id = ctx.pathParam(k.idParam());
                if (kind == RegistryService.Kind.LANDMARKS) {
                    ctx.json(k.get().apply(id).orElseThrow(() -> Requests.notFound(k.singular(), id)));
                    return;
                }
                // the record and its version from one read, so the ETag is the version shown
                Edited<?> e = registry.versioned(kind, id).orElseThrow(() -> Requests.notFound(k.singular(), id));
                ctx.header("ETag", "\"" + e.version() + "\"");
                ctx.json(e.record());
            });
            if (kind != RegistryService.Kind.LANDMARKS) {
                r.put(base + "/{" + k.idParam() + "}", Permission.WRITE_REGISTRY, BodyLimit.record(), ctx -> {
                    String id = ctx.pathParam(k.idParam());
                    edit(ctx, kind, k.singular(), id);
                });
            }
        }
        r.get("/api/v1/chips/{serial}/custody-events", Permission.READ, ctx -> {
            String serial = knownChip(ctx);
            ctx.json(Map.of("items", registry.custodyEvents(serial)));
        });
        r.post("/api/v1/chips/{serial}/custody-events", Permission.WRITE_REGISTRY, BodyLimit.record(), ctx -> {
            String serial = knownChip(ctx);
            created(ctx, registry.recordCustody(serial, Requests.fields(ctx), actor(ctx)));
        });
        r.post("/api/v1/landmarks/{id}/status", Permission.WRITE_REGISTRY, BodyLimit.record(), this::setLandmarkStatus);

        r.post("/api/v1/imports/{kind}", Permission.WRITE_REGISTRY, IMPORTS, this::importFile);
    }

    private void setLandmarkStatus(Context ctx) {
        String id = ctx.pathParam("id");
        BodyFields in = BodyFields.of(ctx);
        RegistryValues.LandmarkStatus status = in.reader()
                .enumValue("status", RegistryValues.LandmarkStatus.class, RegistryValues.LandmarkStatus.ACTIVE);
        String reason = in.reader().text("reason", 2000);
        in.done(List.of("status", "reason"));
        Landmark updated =
                landmarkStatus.set(id, status, reason, actor(ctx)).orElseThrow(() -> Requests.notFound("landmark", id));
        ctx.json(updated);
    }

    /**
     * An edit of one record: the body names the fields to change, {@code If-Match} the version (the
     * ETag of the GET) the editor started from; a stale version is answered 409 CONFLICT.
     */
    private void edit(Context ctx, RegistryService.Kind kind, String singular, String id) {
        // the body first, like every body route: a hostile body is refused 400/413 whatever the headers say
        Map<String, String> fields = Requests.fields(ctx);
        String ifMatch = Optional.ofNullable(ctx.header("If-Match")).orElse("").strip();
        if (ifMatch.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem(
                    0, "If-Match", "", "must carry the ETag of the " + singular + " the edit started from")));
        }
        String expected = ifMatch.replace("\"", "");
        try {
            Edited<?> edited = registry.update(kind, id, fields, expected, actor(ctx))
                    .orElseThrow(() -> Requests.notFound(singular, id));
            ctx.header("ETag", "\"" + edited.version() + "\"");
            ctx.json(edited.record());
        } catch (StaleEditException e) {
            throw new ApiException(ErrorCode.CONFLICT, e.getMessage());
        }
    }

    private void importFile(Context ctx) {
        RegistryService.Kind kind = RegistryService.Kind.parse(ctx.pathParam("kind"));
        ImportBodies.Body body = ImportBodies.read(ctx);
        ImportBodies.answer(ctx, registry.importRows(kind, body.rows(), body.text(), actor(ctx)));
    }

    private String knownChip(Context ctx) {
        String serial = ctx.pathParam("serial");
        if (registry.chip(serial).isEmpty()) {
            throw Requests.notFound("chip", serial);
        }
        return serial;
    }

    private static void created(Context ctx, Object body) {
        ctx.status(201).json(body);
    }

    private static String actor(Context ctx) {
        return ApiServer.principal(ctx).actor();
    }
}
