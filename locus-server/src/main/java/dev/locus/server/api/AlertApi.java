package dev.locus.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.server.alerts.AlertFilter;
import dev.locus.server.alerts.AlertGroups;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.alerts.AlertViews;
import dev.locus.server.alerts.Transition;
import dev.locus.server.auth.Permission;
import dev.locus.server.common.FieldProblem;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alert listing (filtered, searched, paged), grouping, saved views, assignment and the lifecycle,
 * one alert at a time or acknowledged in bulk with one reason.
 */
public record AlertApi(AlertService alerts, AlertGroups groups, AlertViews views) implements HttpService {
    /** A bulk acknowledgement: up to 500 ids and a note. */
    private static final BodyLimit BULK =
            new BodyLimit(BodyLimit.Kind.JSON, 64 * 1024, 1, AlertService.MAX_BULK + 20, 8 * 1024, 2);

    @Override
    public void routing(RouteTable r) {
        r.get(
                "/api/v1/alerts",
                Permission.READ,
                ctx -> ctx.json(Requests.page(
                        alerts.page(AlertFilter.parse(ctx::queryParam), Requests.afterId(ctx), Requests.limit(ctx)))));
        r.get("/api/v1/alerts/{id}", Permission.READ, ctx -> {
            long id = id(ctx);
            ctx.json(alerts.alert(id).orElseThrow(() -> Requests.notFound("alert", Long.toString(id))));
        });
        r.post("/api/v1/alerts/{id}/acknowledge", Permission.MANAGE_ALERTS, BodyLimit.record(), ctx -> step(ctx, true));
        r.post("/api/v1/alerts/{id}/resolve", Permission.MANAGE_ALERTS, BodyLimit.record(), ctx -> step(ctx, false));
        r.post("/api/v1/alerts/{id}/assign", Permission.MANAGE_ALERTS, BodyLimit.record(), this::assign);
        r.post("/api/v1/alerts/acknowledge", Permission.MANAGE_ALERTS, BULK, this::acknowledgeAll);
        r.get("/api/v1/alert-groups", Permission.READ, ctx -> {
            String by = Optional.ofNullable(ctx.queryParam("by")).orElse("site").strip();
            ctx.json(AlertGroups.body(
                    by, groups.groups(by, AlertFilter.parse(ctx::queryParam), Requests.limit(ctx, 100))));
        });
        r.get(
                "/api/v1/alert-views",
                Permission.READ,
                ctx -> ctx.json(
                        Map.of("items", views.list(ApiServer.principal(ctx).actor()))));
        r.post("/api/v1/alert-views", Permission.READ, BodyLimit.record(), this::saveView);
        r.delete("/api/v1/alert-views/{id}", Permission.READ, ctx -> {
            long id = id(ctx);
            if (!views.delete(ApiServer.principal(ctx).actor(), id)) {
                throw Requests.notFound("saved view of yours", Long.toString(id));
            }
            ctx.status(204);
        });
    }

    private void step(Context ctx, boolean acknowledge) {
        long id = id(ctx);
        BodyFields in = BodyFields.of(ctx);
        String note = in.reader().text("note", 2000);
        in.done(List.of("note"));
        String actor = ApiServer.principal(ctx).actor();
        answer(ctx, acknowledge ? alerts.acknowledge(id, note, actor) : alerts.resolve(id, note, actor));
    }

    /** {@code {"assignee": "name"}}; empty or null clears the assignment. */
    private void assign(Context ctx) {
        long id = id(ctx);
        BodyFields in = BodyFields.of(ctx);
        String assignee = in.reader().optionalText("assignee", 100);
        in.done(List.of("assignee"));
        answer(
                ctx,
                alerts.assign(
                        id,
                        Optional.of(assignee.strip()).filter(s -> !s.isEmpty()),
                        ApiServer.principal(ctx).actor()));
    }

    /** {@code {"ids": [1, 2, ...], "note": "why"}}: one transaction, one audit entry per alert. */
    private void acknowledgeAll(Context ctx) {
        RequestBody body = RequestBody.of(ctx);
        ObjectNode n =
                JsonBodies.object(body.open(), body.limit(), "a JSON object {\"ids\": [...], \"note\": \"...\"}");
        List<FieldProblem> problems = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        JsonNode idNode = n.path("ids");
        if (!idNode.isArray()) {
            problems.add(new FieldProblem(0, "ids", idNode.toString(), "must be an array of alert ids"));
        } else {
            for (JsonNode v : idNode) {
                if (v.canConvertToLong() && v.isIntegralNumber()) {
                    ids.add(v.asLong());
                } else {
                    problems.add(new FieldProblem(0, "ids", v.toString(), "must hold alert ids (integers)"));
                }
            }
        }
        n.properties().forEach(e -> {
            if (!List.of("ids", "note").contains(e.getKey())) {
                problems.add(new FieldProblem(
                        0, e.getKey(), e.getValue().toString(), "is not a known field; allowed: [ids, note]"));
            }
        });
        if (!n.path("note").isTextual()) {
            problems.add(
                    new FieldProblem(0, "note", n.path("note").toString(), "must say why, in 1 to 2000 characters"));
        }
        Requests.requireNone(problems);
        AlertService.BulkOutcome out = alerts.acknowledgeAll(
                ids, n.path("note").asText(), ApiServer.principal(ctx).actor());
        List<Map<String, Object>> skipped = new ArrayList<>();
        out.skipped().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.getKey());
            m.put("reason", e.getValue());
            skipped.add(m);
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("acknowledged", out.acknowledged());
        result.put("skipped", skipped);
        ctx.json(result);
    }

    /** {@code {"name": "...", "query": "status=OPEN&site=sg-1"}}: the query is checked as a filter. */
    private void saveView(Context ctx) {
        BodyFields in = BodyFields.of(ctx);
        String name = in.reader().text("name", 100);
        String query = in.reader().optionalText("query", 2000);
        in.done(List.of("name", "query"));
        AlertFilter filter = new AlertViews.SavedView(0, name, query, java.time.Instant.EPOCH).filter();
        ctx.status(201).json(views.save(ApiServer.principal(ctx).actor(), name, filter));
    }

    private static void answer(Context ctx, Transition t) {
        switch (t) {
            case Transition.Done d -> ctx.json(d.alert());
            case Transition.NotFound nf -> throw Requests.notFound("alert", Long.toString(nf.id()));
            case Transition.WrongState ws -> throw new ApiException(ErrorCode.CONFLICT, ws.detail());
        }
    }

    private static long id(Context ctx) {
        return Requests.longPathParam(ctx, "id", "must be an integer id");
    }
}
