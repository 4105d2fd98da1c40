package dev.locus.server.api;

import dev.locus.server.ControlPlane;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.Transition;
import dev.locus.server.auth.Permission;
import dev.locus.server.registry.FieldProblem;
import dev.locus.server.registry.FieldReader;
import dev.locus.server.registry.InvalidInputException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Alert listing and lifecycle. */
final class AlertApi {
    private final ControlPlane cp;

    AlertApi(ControlPlane cp) {
        this.cp = cp;
    }

    void register(RouteTable r) {
        r.get(
                "/api/v1/alerts",
                Permission.READ,
                ctx -> ctx.json(Requests.page(cp.alerts()
                        .page(
                                Requests.enumParam(ctx, "status", Alert.Status.class),
                                Optional.ofNullable(ctx.queryParam("chip_serial")),
                                Requests.afterId(ctx),
                                Requests.limit(ctx)))));
        r.get("/api/v1/alerts/{id}", Permission.READ, ctx -> {
            long id = id(ctx);
            ctx.json(cp.alerts().alert(id).orElseThrow(() -> Requests.notFound("alert", Long.toString(id))));
        });
        r.post("/api/v1/alerts/{id}/acknowledge", Permission.MANAGE_ALERTS, BodyLimit.record(), ctx -> step(ctx, true));
        r.post("/api/v1/alerts/{id}/resolve", Permission.MANAGE_ALERTS, BodyLimit.record(), ctx -> step(ctx, false));
    }

    private void step(Context ctx, boolean acknowledge) {
        long id = id(ctx);
        Map<String, String> f = Requests.fields(ctx);
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(f, 0, problems);
        String note = reader.text("note", 2000);
        reader.rejectUnknown(List.of("note"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String actor = ApiServer.principal(ctx).actor();
        Transition t = acknowledge
                ? cp.alerts().acknowledge(id, note, actor)
                : cp.alerts().resolve(id, note, actor);
        switch (t) {
            case Transition.Done d -> ctx.json(d.alert());
            case Transition.NotFound nf -> throw Requests.notFound("alert", Long.toString(nf.id()));
            case Transition.WrongState ws -> throw new ApiException(ErrorCode.CONFLICT, ws.detail());
        }
    }

    private static long id(Context ctx) {
        String v = ctx.pathParam("id");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(List.of(new FieldProblem(0, "id", v, "must be an alert id (an integer)")));
        }
    }
}
