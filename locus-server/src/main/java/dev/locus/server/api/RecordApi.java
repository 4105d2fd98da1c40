package dev.locus.server.api;

import dev.locus.compliance.record.RecordKind;
import dev.locus.compliance.record.RecordService;
import dev.locus.server.auth.Permission;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commercial record's routes: orders, shipments, allocations and site capacity, each listed
 * (paged, narrowed by its filters), created, read by id, and imported all-or-nothing.
 */
public final class RecordApi implements HttpService {
    private final RecordService record;

    public RecordApi(RecordService record) {
        this.record = record;
    }

    private record Collection(String path, String singular, RecordKind<?> kind) {}

    private static final List<Collection> COLLECTIONS = List.of(
            new Collection("orders", "order", RecordService.ORDERS),
            new Collection("shipments", "shipment", RecordService.SHIPMENTS),
            new Collection("allocations", "allocation", RecordService.ALLOCATIONS),
            new Collection("site-capacity", "site capacity", RecordService.SITE_CAPACITY));

    @Override
    public void routing(RouteTable r) {
        for (Collection k : COLLECTIONS) {
            String base = "/api/v1/" + k.path();
            r.get(
                    base,
                    Permission.READ,
                    ctx -> ctx.json(Requests.page(
                            record.page(k.kind(), filters(ctx, k.kind()), Requests.after(ctx), Requests.limit(ctx)))));
            r.post(
                    base,
                    Permission.WRITE_REGISTRY,
                    BodyLimit.record(),
                    ctx -> ctx.status(201).json(record.create(k.kind(), Requests.fields(ctx), actor(ctx))));
            r.get(base + "/{id}", Permission.READ, ctx -> {
                String id = ctx.pathParam("id");
                ctx.json(record.find(k.kind(), id).orElseThrow(() -> Requests.notFound(k.singular(), id)));
            });
            r.post(base + "/import", Permission.WRITE_REGISTRY, RegistryApi.IMPORTS, ctx -> {
                ImportBodies.Body body = ImportBodies.read(ctx);
                ImportBodies.answer(ctx, record.importRows(k.kind(), body.rows(), body.text(), actor(ctx)));
            });
        }
        r.get("/api/v1/site-capacity/{id}/demand", Permission.READ, ctx -> {
            String id = ctx.pathParam("id");
            ctx.json(record.siteDemand(id).orElseThrow(() -> Requests.notFound("site", id)));
        });
    }

    private static Map<String, String> filters(Context ctx, RecordKind<?> kind) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : kind.filters()) {
            String v = ctx.queryParam(f);
            if (v != null && !v.isBlank()) {
                out.put(f, v.strip());
            }
        }
        return out;
    }

    private static String actor(Context ctx) {
        return ApiServer.principal(ctx).actor();
    }
}
