package dev.locus.server.api;

import dev.locus.compliance.outcome.Outcome;
import dev.locus.compliance.ownership.LinkInput;
import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.parties.PartyInput;
import dev.locus.compliance.parties.PartyService;
import dev.locus.server.auth.Permission;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Parties and their ownership under {@code /api/v1/parties}: create, read, replace, delete; direct
 * owners; the aggregate ownership report. Reads need READ, changes WRITE_REGISTRY (as the registry's).
 */
public record PartyApi(PartyService parties, OwnershipService ownership) implements HttpService {
    private static final String BASE = "/api/v1/parties";

    @Override
    public void routing(RouteTable r) {
        r.get(
                BASE,
                Permission.READ,
                ctx -> ctx.json(Requests.page(parties.page(Requests.after(ctx), Requests.limit(ctx)))));
        r.post(BASE, Permission.WRITE_REGISTRY, BodyLimit.record(), ctx -> {
            PartyInput in = PartyInput.forCreate(body(ctx));
            ctx.status(201).json(answer(parties.create(in, actor(ctx))));
        });
        r.get(BASE + "/{id}", Permission.READ, ctx -> {
            String id = ctx.pathParam("id");
            ctx.json(parties.find(id).orElseThrow(() -> Requests.notFound("party", id)));
        });
        r.put(BASE + "/{id}", Permission.WRITE_REGISTRY, BodyLimit.record(), ctx -> {
            PartyInput in = PartyInput.forUpdate(ctx.pathParam("id"), body(ctx));
            ctx.json(answer(parties.update(in, actor(ctx))));
        });
        r.delete(BASE + "/{id}", Permission.WRITE_REGISTRY, ctx -> {
            answer(parties.delete(ctx.pathParam("id"), actor(ctx)));
            ctx.status(204);
        });
        r.get(BASE + "/{id}/owners", Permission.READ, ctx -> {
            String id = known(ctx);
            ctx.json(Map.of("items", ownership.directOwners(id)));
        });
        r.post(BASE + "/{id}/owners", Permission.WRITE_REGISTRY, BodyLimit.record(), ctx -> {
            LinkInput in = LinkInput.parse(Requests.fields(ctx));
            ctx.status(201).json(answer(ownership.addLink(ctx.pathParam("id"), in, actor(ctx))));
        });
        r.delete(BASE + "/{id}/owners/{link_id}", Permission.WRITE_REGISTRY, ctx -> {
            answer(ownership.removeLink(ctx.pathParam("id"), linkId(ctx), actor(ctx)));
            ctx.status(204);
        });
        r.get(BASE + "/{id}/ownership", Permission.READ, ctx -> {
            String id = ctx.pathParam("id");
            ctx.json(ownership.report(id, on(ctx)).orElseThrow(() -> Requests.notFound("party", id)));
        });
    }

    private String known(Context ctx) {
        String id = ctx.pathParam("id");
        if (parties.find(id).isEmpty()) {
            throw Requests.notFound("party", id);
        }
        return id;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode body(Context ctx) {
        RequestBody b = RequestBody.of(ctx);
        return JsonBodies.object(b.open(), b.limit(), "a party as a JSON object");
    }

    /** The outcome's value, or the API's answer to a refusal: 404 or 409 with the reason. */
    static <T> T answer(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> d -> d.value();
            case Outcome.NotFound<T> n -> throw Requests.notFound(n.what(), n.id());
            case Outcome.Conflict<T> c -> throw new ApiException(ErrorCode.CONFLICT, c.detail());
        };
    }

    private LocalDate on(Context ctx) {
        String v = ctx.queryParam("on");
        if (v == null || v.isBlank()) {
            return ownership.today();
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem(0, "on", v, "must be a date as YYYY-MM-DD")));
        }
    }

    private static long linkId(Context ctx) {
        return Requests.longPathParam(ctx, "link_id", "must be the id of one of the party's ownership links");
    }

    private static String actor(Context ctx) {
        return ApiServer.principal(ctx).actor();
    }
}
