package dev.locus.server.dashboard;

import dev.locus.server.ControlPlane;
import dev.locus.server.api.ApiException;
import dev.locus.server.api.ErrorCode;
import dev.locus.server.auth.Permission;
import dev.locus.server.auth.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard inside the control plane: the single-page app's files at {@code /} (public, they
 * hold no data) and read-only views under {@code /api/v1/dashboard/} that aggregate in the database
 * (map, fleet counts, chip lists, alert queue, chip detail, feasible regions, landmark health). Every view requires the READ permission and goes through the API's
 * authentication, authorisation, rate limits and error handling; changes (acknowledging,
 * resolving) use the control plane's own endpoints.
 *
 * <p>Installed by one call from the API server, before its authentication filter, so that static
 * files are answered without a token.
 */
public final class Dashboard {
    static final String PREFIX = "/api/v1/dashboard";
    private static final String PRINCIPAL_ATTRIBUTE = "locus.principal";
    private static final int MAX_LIMIT = 1000;

    private final StaticAssets assets = new StaticAssets();
    private final Basemap basemap;
    private final FleetQueries fleet;
    private final AlertQueue alerts;
    private final ChipViews chips;
    private final LandmarkHealth landmarks;

    private Dashboard(ControlPlane cp, InstantSource clock) {
        // Shaded on the basemap: the same policy value the verdict engine restricts.
        this.basemap = Basemap.bundled(cp.config().restrictedJurisdictions());
        ChipStatusQuery status = new ChipStatusQuery(clock, cp.config().silentFor());
        this.fleet = new FleetQueries(cp.database(), clock, status);
        this.alerts = new AlertQueue(cp.database(), cp.json(), clock);
        this.chips = new ChipViews(cp.database(), cp.registry(), alerts, cp.json(), status);
        this.landmarks = new LandmarkHealth(cp.database(), alerts, clock);
    }

    /**
     * Serves the dashboard from {@code app}. Call before the API registers its authentication
     * filter: static files are answered by a filter that ends the request before it.
     */
    public static void install(Javalin app, ControlPlane cp) {
        new Dashboard(cp, cp.clock()).register(app);
    }

    private void register(Javalin app) {
        app.before(ctx -> {
            if (StaticAssets.handles(ctx) && assets.serve(ctx)) {
                ctx.skipRemainingHandlers();
            }
        });
        get(app, "/me", this::me);
        get(app, "/basemap.geojson", this::basemap);
        get(app, "/summary", ctx -> ctx.json(fleet.summary()));
        get(app, "/chips", this::chipList);
        get(
                app,
                "/chips/{serial}",
                ctx -> ctx.json(chips.detail(ctx.pathParam("serial"))
                        .orElseThrow(() -> notFound("chip", ctx.pathParam("serial")))));
        get(app, "/chips/{serial}/region", this::region);
        get(app, "/alerts", this::alertQueue);
        get(app, "/landmarks", ctx -> ctx.json(landmarks.landmarks()));
    }

    private static void get(Javalin app, String path, io.javalin.http.Handler h) {
        app.addHttpHandler(HandlerType.GET, PREFIX + path, h, Permission.READ);
    }

    /** Who is logged in and what they may do, so the page offers only the actions that will work. */
    private void me(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL_ATTRIBUTE);
        if (p == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "not authenticated");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("role", p.role().name());
        m.put(
                "permissions",
                Arrays.stream(Permission.values())
                        .filter(p.role()::may)
                        .map(Enum::name)
                        .toList());
        ctx.json(m);
    }

    private void basemap(Context ctx) {
        ctx.header("ETag", basemap.etag());
        ctx.header("Cache-Control", "private, no-cache");
        if (basemap.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        String accept = Optional.ofNullable(ctx.header("Accept-Encoding")).orElse("");
        if (!accept.toLowerCase(Locale.ROOT).contains("gzip")) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, "the basemap is served gzipped only; send Accept-Encoding: gzip");
        }
        ctx.header("Content-Encoding", "gzip");
        ctx.contentType("application/geo+json");
        ctx.result(basemap.gzippedGeoJson());
    }

    private void chipList(Context ctx) {
        FleetQueries.ChipFilter f = new FleetQueries.ChipFilter(
                text(ctx, "q"),
                text(ctx, "site"),
                text(ctx, "licence"),
                text(ctx, "organisation"),
                enumParam(ctx, "status", ChipStatus.class).or(() -> enumParam(ctx, "verdict", ChipStatus.class)));
        ctx.json(fleet.chips(f, Optional.ofNullable(ctx.queryParam("after")).orElse(""), limit(ctx, 100)));
    }

    private void region(Context ctx) {
        String serial = ctx.pathParam("serial");
        Optional<Long> verdict = text(ctx, "verdict").map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ApiException(
                        ErrorCode.BAD_REQUEST, "verdict must be a verdict id (an integer), got '" + v + "'");
            }
        });
        ctx.contentType("application/geo+json");
        ctx.json(chips.region(serial, verdict).orElseThrow(() -> notFound("chip or verdict", serial)));
    }

    private void alertQueue(Context ctx) {
        Set<String> statuses = new LinkedHashSet<>();
        for (String s : text(ctx, "status").orElse("OPEN,ACKNOWLEDGED").split(",")) {
            String v = s.strip().toUpperCase(Locale.ROOT);
            if (v.equals("ALL")) {
                statuses.clear();
                break;
            }
            if (!Set.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(v)) {
                throw new ApiException(
                        ErrorCode.BAD_REQUEST, "status must be OPEN, ACKNOWLEDGED, RESOLVED or ALL, got '" + s + "'");
            }
            statuses.add(v);
        }
        Optional<String> severity = text(ctx, "severity").map(s -> s.toUpperCase(Locale.ROOT));
        if (severity.isPresent() && !Set.of("INFO", "WARNING", "CRITICAL").contains(severity.get())) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST, "severity must be INFO, WARNING or CRITICAL, got '" + severity.get() + "'");
        }
        Optional<String> rule = text(ctx, "rule").map(s -> s.toUpperCase(Locale.ROOT));
        AlertQueue.Sort sort = enumParam(ctx, "sort", AlertQueue.Sort.class).orElse(AlertQueue.Sort.SEVERITY);
        ctx.json(alerts.queue(
                new AlertQueue.Filter(statuses, severity, rule, text(ctx, "subject")), sort, limit(ctx, 200)));
    }

    private static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static <E extends Enum<E>> Optional<E> enumParam(Context ctx, String name, Class<E> type) {
        return text(ctx, name).map(v -> {
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(
                        ErrorCode.BAD_REQUEST, name + " must be one of " + EnumSet.allOf(type) + ", got '" + v + "'");
            }
        });
    }

    private static int limit(Context ctx, int fallback) {
        Optional<String> v = text(ctx, "limit");
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(
                ErrorCode.BAD_REQUEST, "limit must be an integer in [1, " + MAX_LIMIT + "], got '" + v.get() + "'");
    }

    private static ApiException notFound(String what, String id) {
        return new ApiException(ErrorCode.NOT_FOUND, "no " + what + " with id '" + id + "'");
    }
}
