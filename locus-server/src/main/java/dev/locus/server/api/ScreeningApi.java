package dev.locus.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.compliance.screening.Hit;
import dev.locus.compliance.screening.HitDecision;
import dev.locus.compliance.screening.HitFilter;
import dev.locus.compliance.screening.ListUpdates;
import dev.locus.compliance.screening.ScreeningLists;
import dev.locus.compliance.screening.ScreeningService;
import dev.locus.screening.ScreeningException;
import dev.locus.screening.list.Countries;
import dev.locus.screening.list.PartialDate;
import dev.locus.screening.match.Query;
import dev.locus.screening.match.ScreeningJson;
import dev.locus.screening.match.ScreeningMatch;
import dev.locus.server.auth.Permission;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import dev.locus.server.registry.RowSource;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Screening under {@code /api/v1/screening}: matching a batch of queries (the result shape of
 * {@code locus screen --json}), the hits of registered parties, and people's decisions on them; the
 * lists' load state and versions, and (admin) reloading them from their folder.
 */
public record ScreeningApi(ScreeningService screening, ListUpdates updates) implements HttpService {
    /** A batch of up to 1,000 queries of a few flat fields each. */
    static final BodyLimit QUERIES = BodyLimit.batch(1000, 2048, 40);

    private static final List<String> QUERY_FIELDS =
            List.of("name", "country", "date_of_birth", "registration_number", "address");

    @Override
    public void routing(RouteTable r) {
        r.post("/api/v1/screening/match", Permission.READ, QUERIES, this::match);
        r.get(
                "/api/v1/screening/hits",
                Permission.READ,
                ctx -> ctx.json(Requests.page(
                        ctx,
                        Optional.ofNullable(ctx.queryParam("party_id")).filter(s -> !s.isBlank()),
                        Hit.Status.class,
                        (party, status, after, limit) -> screening.hits(new HitFilter(party, status), after, limit))));
        r.get("/api/v1/screening/hits/{id}", Permission.READ, ctx -> {
            long id = hitId(ctx);
            ctx.json(screening.hit(id).orElseThrow(() -> Requests.notFound("screening hit", Long.toString(id))));
        });
        r.post("/api/v1/screening/hits/{id}/decision", Permission.MANAGE_ALERTS, BodyLimit.record(), ctx -> {
            long id = hitId(ctx);
            HitDecision d = HitDecision.parse(Requests.fields(ctx));
            ctx.json(PartyApi.answer(
                    screening.decide(id, d, ApiServer.principal(ctx).actor())));
        });
        r.get("/api/v1/screening/lists", Permission.READ, ctx -> ctx.json(lists()));
        r.post(
                "/api/v1/screening/lists/reload",
                Permission.MANAGE_SCREENING_LISTS,
                BodyLimit.none(),
                ctx -> ctx.json(reload(ApiServer.principal(ctx).actor())));
    }

    /** The load state of the lists (READY, with their entries, or LOADING, FAILED) and the stored versions. */
    private Map<String, Object> lists() {
        ScreeningLists.Status s = screening.lists().status();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s.state().name());
        out.put("source", s.source());
        out.put("lists", s.lists());
        out.put("entries", s.entries());
        out.put("since", s.since().orElse(null));
        out.put("waiting", s.waiting());
        s.error().ifPresent(e -> out.put("error", e));
        out.put("items", screening.listVersions());
        return out;
    }

    /** Reads the list folder again: each list's change and the hits that changed; 422 naming file and line. */
    private Map<String, Object> reload(String actor) {
        ListUpdates.Update u;
        try {
            u = updates.reload(actor);
        } catch (ScreeningException e) {
            throw new ApiException(
                    ErrorCode.VALIDATION_FAILED,
                    "screening lists from " + screening.lists().source().description() + " not reloaded, nothing"
                            + " changed: " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", screening.lists().source().description());
        out.put("changed", u.changed());
        out.put("lists", u.lists());
        out.put("hits", u.hits());
        return out;
    }

    private void match(Context ctx) {
        List<Query> queries = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Requests.items(
                ctx, "a query object or an array of them", n -> queries.add(query(n, queries.size() + 1, problems)));
        Requests.requireNone(problems);
        List<List<ScreeningMatch>> results = screening.match(queries);
        List<ObjectNode> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            ObjectNode one = ScreeningJson.result(queries.get(i), results.get(i));
            one.put("row", i + 1);
            out.add(one);
        }
        ctx.json(Map.of("results", out));
    }

    private static Query query(ObjectNode n, int row, List<FieldProblem> problems) {
        Map<String, String> f = RowSource.flatten(n, row, problems);
        FieldReader r = new FieldReader(f, row, problems);
        String name = r.text("name", 500);
        r.rejectUnknown(QUERY_FIELDS);
        Optional<String> country = Optional.ofNullable(f.get("country")).filter(s -> !s.isBlank());
        Optional<String> iso = country.flatMap(Countries::toIso2);
        if (country.isPresent() && iso.isEmpty()) {
            r.problem("country", "must be an ISO 3166-1 alpha-2 code or an English country name");
        }
        Optional<String> dobText = Optional.ofNullable(f.get("date_of_birth")).filter(s -> !s.isBlank());
        Optional<PartialDate> dob = Optional.empty();
        try {
            dob = dobText.flatMap(PartialDate::parse);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (dobText.isPresent() && dob.isEmpty()) {
            r.problem("date_of_birth", "must be a date as YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if (name.isEmpty()) {
            return Query.ofName("-");
        }
        return new Query(
                name,
                iso,
                dob,
                Optional.ofNullable(f.get("registration_number")).stream().toList(),
                Optional.ofNullable(f.get("address")).stream().toList());
    }

    private static long hitId(Context ctx) {
        return Requests.longPathParam(ctx, "id", "must be the numeric id of a screening hit");
    }
}
