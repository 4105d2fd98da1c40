package dev.locus.server.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertFilter;
import dev.locus.server.api.ApiException;
import dev.locus.server.api.ErrorCode;
import dev.locus.server.api.HttpService;
import dev.locus.server.api.Requests;
import dev.locus.server.api.RouteTable;
import dev.locus.server.auth.Permission;
import dev.locus.server.auth.Principal;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.RegistryService;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>A route group of the API server: its static-file filter runs before the server's
 * authentication, so that static files are answered without a token. Query parameters are read by
 * the API's {@link Requests}, so a bad {@code limit} is the same error here as on every route.
 */
public final class Dashboard implements HttpService {
    static final String PREFIX = "/api/v1/dashboard";
    private static final String PRINCIPAL_ATTRIBUTE = "locus.principal";

    /** The status table the page's scripts import, generated from {@link ChipStatus}. */
    static final String STATUS_TABLE = "/js/statuses.json";

    private final StaticAssets assets;
    private final Basemap basemap;
    private final FleetQueries fleet;
    private final AlertQueue alerts;
    private final ChipViews chips;
    private final LandmarkHealth landmarks;

    /**
     * @param restrictedJurisdictions shaded on the basemap: the same policy value the verdict
     *     engine restricts
     * @param silentFor how long without receipts makes a chip silent (its status on the map)
     */
    public Dashboard(
            Set<String> restrictedJurisdictions,
            Database db,
            RegistryService registry,
            ObjectMapper json,
            InstantSource clock,
            Duration silentFor) {
        this.assets = new StaticAssets(Map.of(STATUS_TABLE, statusTable(json)));
        this.basemap = Basemap.bundled(restrictedJurisdictions);
        ChipStatusQuery status = new ChipStatusQuery(clock, silentFor);
        this.fleet = new FleetQueries(db, clock, status);
        this.alerts = new AlertQueue(db, json, clock);
        this.chips = new ChipViews(db, registry, alerts, json, status);
        this.landmarks = new LandmarkHealth(db, alerts, clock);
    }

    @Override
    public void routing(RouteTable routes) {
        routes.beforeAuthentication(ctx -> {
            if (StaticAssets.handles(ctx) && assets.serve(ctx)) {
                ctx.skipRemainingHandlers();
            }
        });
        routes.get(PREFIX + "/me", Permission.READ, this::me);
        routes.get(PREFIX + "/basemap.geojson", Permission.READ, this::basemap);
        routes.get(PREFIX + "/summary", Permission.READ, ctx -> ctx.json(fleet.summary()));
        routes.get(PREFIX + "/chips", Permission.READ, this::chipList);
        routes.get(
                PREFIX + "/chips/{serial}",
                Permission.READ,
                ctx -> ctx.json(chips.detail(ctx.pathParam("serial"))
                        .orElseThrow(() -> Requests.notFound("chip", ctx.pathParam("serial")))));
        routes.get(PREFIX + "/chips/{serial}/region", Permission.READ, this::region);
        routes.get(PREFIX + "/chips/{serial}/periods", Permission.READ, this::periods);
        routes.get(PREFIX + "/alerts", Permission.READ, this::alertQueue);
        routes.get(PREFIX + "/landmarks", Permission.READ, ctx -> ctx.json(landmarks.landmarks()));
    }

    private static byte[] statusTable(ObjectMapper json) {
        try {
            return json.writeValueAsBytes(ChipStatus.table());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chip status table", e);
        }
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
                Requests.enumParam(ctx, "status", ChipStatus.class)
                        .or(() -> Requests.enumParam(ctx, "verdict", ChipStatus.class)));
        ctx.json(fleet.chips(f, Requests.after(ctx), Requests.limit(ctx, 100)));
    }

    private void region(Context ctx) {
        String serial = ctx.pathParam("serial");
        Optional<Long> verdict = text(ctx, "verdict").map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(
                        List.of(new FieldProblem(0, "verdict", v, "must be a verdict id (an integer)")));
            }
        });
        ctx.contentType("application/geo+json");
        ctx.json(chips.region(serial, verdict).orElseThrow(() -> Requests.notFound("chip or verdict", serial)));
    }

    /** A page of the chip's verdict periods, newest first, before the {@code before} period id. */
    private void periods(Context ctx) {
        String serial = ctx.pathParam("serial");
        if (!chips.exists(serial)) {
            throw Requests.notFound("chip", serial);
        }
        long before = text(ctx, "before")
                .map(v -> {
                    try {
                        return Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(
                                List.of(new FieldProblem(0, "before", v, "must be a period id (an integer)")));
                    }
                })
                .orElse(Long.MAX_VALUE);
        ctx.json(chips.periods(serial, before, Requests.limit(ctx, ChipViews.PERIODS_PAGE)));
    }

    private void alertQueue(Context ctx) {
        // unresolved unless a status is asked for; every other filter as GET /api/v1/alerts
        String status = text(ctx, "status").orElse(Alert.Status.OPEN + "," + Alert.Status.ACKNOWLEDGED);
        AlertFilter filter = AlertFilter.parse(name -> name.equals("status") ? status : ctx.queryParam(name));
        AlertQueue.Sort sort =
                Requests.enumParam(ctx, "sort", AlertQueue.Sort.class).orElse(AlertQueue.Sort.SEVERITY);
        ctx.json(alerts.queue(filter, sort, Requests.limit(ctx, 200)));
    }

    private static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
