package dev.locus.server.api;

import dev.locus.server.ServerConfig;
import dev.locus.server.audit.AuditHead;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.audit.AuditQuery;
import dev.locus.server.audit.AuditVerification;
import dev.locus.server.audit.AuditVerifier;
import dev.locus.server.auth.IssuedToken;
import dev.locus.server.auth.Permission;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.Role;
import dev.locus.server.auth.TokenRequest;
import dev.locus.server.auth.TokenService;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Database;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tokens, the audit log and its head, and the policy in force. */
public record AdminApi(TokenService tokens, Database db, ServerConfig config) implements HttpService {
    @Override
    public void routing(RouteTable r) {
        r.get("/api/v1/tokens", Permission.MANAGE_TOKENS, ctx -> ctx.json(Map.of("items", tokens.list())));
        r.post("/api/v1/tokens", Permission.MANAGE_TOKENS, BodyLimit.record(), this::issue);
        r.post("/api/v1/tokens/{id}/rotate", Permission.MANAGE_TOKENS, BodyLimit.record(), this::rotate);
        r.delete("/api/v1/tokens/{id}", Permission.MANAGE_TOKENS, ctx -> {
            String id = ctx.pathParam("id");
            if (!tokens.revoke(id, ApiServer.principal(ctx).actor())) {
                throw Requests.notFound("active token", id);
            }
            ctx.status(204);
        });
        r.get("/api/v1/policy", Permission.READ, this::policy);
        r.get("/api/v1/audit", Permission.READ, ctx -> {
            AuditQuery q = auditQuery(ctx);
            int limit = Requests.limit(ctx);
            var rows = db.read(c -> AuditLog.search(c, q, limit + 1));
            db.awaitDurable(); // never show an entry a crash could take back
            ctx.json(Requests.page(Page.of(rows, limit, e -> Long.toString(e.seq()))));
        });
        r.get("/api/v1/audit/head", Permission.READ, ctx -> {
            AuditHead head = db.read(AuditLog::head);
            db.awaitDurable(); // a head a client saw never regresses after a crash
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("seq", head.seq());
            body.put("hash", head.hash());
            body.put("recorded_at", head.recordedAt().orElse(null));
            ctx.json(body);
        });
        r.get("/api/v1/audit/verify", Permission.OPERATE, ctx -> {
            AuditVerification v = db.read(AuditVerifier::verify);
            Map<String, Object> body = new LinkedHashMap<>();
            switch (v) {
                case AuditVerification.Intact ok -> {
                    body.put("intact", true);
                    body.put("entries", ok.entries());
                    body.put("head_hash", ok.headHash());
                }
                case AuditVerification.Broken b -> {
                    body.put("intact", false);
                    body.put("broken_at_seq", b.seq());
                    body.put("reason", b.reason());
                }
            }
            ctx.json(body);
        });
    }

    /**
     * The audit listing's query parameters: {@code actor} (as recorded, or a token name for all its
     * tokens), {@code action} (a trailing dot matches
     * every action it starts), {@code entity_type}, {@code entity_id}, {@code from}, {@code to}
     * (ISO-8601 instants), {@code order} ({@code asc}, the default, or {@code desc}) and the cursor
     * {@code after}.
     */
    private static AuditQuery auditQuery(Context ctx) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : List.of("actor", "action", "entity_type", "entity_id", "from", "to", "order")) {
            String v = ctx.queryParam(name);
            if (v != null && !v.isBlank()) {
                f.put(name, v.strip());
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Instant> from = instant(f, "from", problems);
        Optional<Instant> to = instant(f, "to", problems);
        String order = f.getOrDefault("order", "asc");
        if (!order.equals("asc") && !order.equals("desc")) {
            problems.add(new FieldProblem(0, "order", order, "must be asc or desc"));
        }
        Requests.requireNone(problems);
        long after = Requests.afterId(ctx);
        return new AuditQuery(
                Optional.ofNullable(f.get("actor")),
                Optional.ofNullable(f.get("action")),
                Optional.ofNullable(f.get("entity_type")),
                Optional.ofNullable(f.get("entity_id")),
                from,
                to,
                after > 0 ? Optional.of(after) : Optional.empty(),
                order.equals("desc"));
    }

    /** The policy values this server was started with, read-only (set by {@code ./locus server} options). */
    private void policy(Context ctx) {
        ServerConfig c = config;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("restricted_jurisdictions", List.copyOf(c.restrictedJurisdictions()));
        body.put("measurement_window", c.measurementWindow().toString());
        body.put("silent_after", c.silentFor().toString());
        body.put("unverified_after", c.unverifiedFor().toString());
        body.put("tolerated_liars", c.toleratedLiars());
        body.put("tolerated_liars_meaning", dev.locus.geo.verdict.Policy.toleranceText(c.toleratedLiars()));
        ctx.json(body);
    }

    private void issue(Context ctx) {
        BodyFields in = BodyFields.of(ctx);
        FieldReader reader = in.reader();
        String name = reader.text("name", 100);
        Role role = reader.enumValue("role", Role.class, Role.AUDITOR);
        Optional<String> bound = reader.optionalId("bound_subject");
        Optional<Instant> expires = instant(in.raw(), "expires_at", in.problems());
        in.done(List.of("name", "role", "bound_subject", "expires_at"));
        IssuedToken t = tokens.issue(
                new TokenRequest(name, role, bound, expires),
                ApiServer.principal(ctx).actor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", t.principal().tokenId());
        body.put("name", name);
        body.put("role", role.name());
        body.put("bound_subject", bound.orElse(null));
        body.put("expires_at", expires.orElse(null));
        body.put("token", t.secret());
        ctx.status(201).json(body);
    }

    /** {@code {"expires_at": "...", "previous_valid_for_seconds": N}}, both optional. */
    private void rotate(Context ctx) {
        String id = ctx.pathParam("id");
        BodyFields in = BodyFields.of(ctx);
        Optional<Instant> expires = instant(in.raw(), "expires_at", in.problems());
        int grace = in.raw().containsKey("previous_valid_for_seconds")
                ? in.reader()
                        .integer("previous_valid_for_seconds", 0, (int) TokenService.MAX_ROTATION_GRACE.toSeconds())
                : 0;
        in.done(List.of("expires_at", "previous_valid_for_seconds"));
        TokenService.Rotation rot = tokens.rotate(
                        id,
                        expires,
                        Duration.ofSeconds(grace),
                        ApiServer.principal(ctx).actor())
                .orElseThrow(() -> Requests.notFound("active token", id));
        Principal p = rot.token().principal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.tokenId());
        body.put("name", p.name());
        body.put("role", p.role().name());
        body.put("bound_subject", p.boundSubject().orElse(null));
        body.put("expires_at", rot.expiresAt().orElse(null));
        body.put("rotated_from", id);
        body.put("previous_valid_until", rot.previousValidUntil());
        body.put("token", rot.token().secret());
        ctx.status(201).json(body);
    }

    private static Optional<Instant> instant(Map<String, String> f, String field, List<FieldProblem> problems) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(v.strip()));
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(
                    0,
                    field,
                    v.length() > 60 ? v.substring(0, 60) + "..." : v,
                    "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z"));
            return Optional.empty();
        }
    }
}
