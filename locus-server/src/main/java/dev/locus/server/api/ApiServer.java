package dev.locus.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.LocusServerException;
import dev.locus.server.ServerConfig;
import dev.locus.server.auth.Permission;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.RateLimiter;
import dev.locus.server.auth.TokenService;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.tls.ApiTransport;
import dev.locus.server.tls.TlsConnector;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API: bearer-token authentication on every path, a permission per route, per-token rate
 * limits, JSON errors with stable codes and a request timer per route. The routes themselves come
 * from the {@link HttpService route groups} it is given, one per area of the API.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String PRINCIPAL = "locus.principal";
    private static final String STARTED = "locus.started";
    /** Largest request body any route accepts (bulk imports), in bytes; each route has its own limit. */
    public static final long MAX_BODY_BYTES = RegistryApi.IMPORTS.maxBytes();

    private final TokenService tokens;
    private final MeterRegistry metrics;
    private final LongSupplier nanoTime;
    private final Javalin app;
    private final RouteTable routes;
    private final RateLimiter humanLimits;
    private final RateLimiter deviceLimits;
    private final RateLimiter failedAuthLimits;
    private final ApiTransport transport;
    private volatile String listenHost = "127.0.0.1";
    private volatile int listenPort;

    /**
     * @param config the request rate limits per token and the transport (plain HTTP or TLS)
     * @param tokens authenticates every request's bearer token
     * @param metrics receives the request timer per route
     * @param json writes every JSON answer
     * @param nanoTime the monotonic clock for rate limits and request timings
     * @param groups the routes served, one group per area; a group's filters that must run before
     *     authentication (the dashboard's static files) run in the order of the groups
     */
    public ApiServer(
            ServerConfig config,
            TokenService tokens,
            MeterRegistry metrics,
            ObjectMapper json,
            LongSupplier nanoTime,
            List<HttpService> groups) {
        this.tokens = tokens;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.transport = config.transport();
        this.humanLimits = new RateLimiter(
                config.humanRequestsPerSecond(), Math.max(1, 2 * config.humanRequestsPerSecond()), nanoTime);
        this.deviceLimits = new RateLimiter(
                config.deviceRequestsPerSecond(), Math.max(1, 2 * config.deviceRequestsPerSecond()), nanoTime);
        this.failedAuthLimits = new RateLimiter(1, 20, nanoTime);
        this.routes = new RouteTable(BodyBudget.forHeap());
        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.http.maxRequestSize = MAX_BODY_BYTES;
            javalin.http.prefer405over404 = true;
            javalin.http.defaultContentType = "application/json";
            if (transport instanceof ApiTransport.Tls tls) {
                // built when the server starts, on the address start(host, port) was given
                javalin.jetty.addConnector(
                        (server, http) -> TlsConnector.create(server, http, tls.credentials(), listenHost, listenPort));
            }
            routes.observe(javalin);
        });
        routes.bind(app);
        for (HttpService group : groups) {
            group.routing(routes);
        }
        app.before(ApiServer::safetyHeaders);
        app.before(this::authenticate);
        app.beforeMatched(this::authorise);
        app.after(this::record);
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.code() == ErrorCode.UNAVAILABLE && ctx.res().getHeader("Retry-After") == null) {
                ctx.header("Retry-After", "1");
            }
            error(ctx, e.code(), e.getMessage(), e.problems());
        });
        app.exception(
                InvalidInputException.class,
                (e, ctx) -> error(
                        ctx,
                        ErrorCode.VALIDATION_FAILED,
                        "request has " + e.problems().size() + " invalid field(s)",
                        e.problems()));
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> error(ctx, codeFor(e.getStatus()), SafeMessages.of(e.getMessage()), List.of()));
        app.exception(dev.locus.compliance.screening.ScreeningListsUnavailableException.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            error(ctx, ErrorCode.UNAVAILABLE, e.getMessage(), List.of());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, ErrorCode.INTERNAL, "internal error; the server log has details", List.of());
        });
    }

    /**
     * Every route the server serves as {@code METHOD path} (the dashboard's views included), for
     * checking the OpenAPI document.
     */
    public List<String> routeSignatures() {
        return routes.routes().stream().map(RouteTable.Route::signature).toList();
    }

    /** Every route the server serves, with the permission it requires. */
    List<RouteTable.Route> routes() {
        return routes.routes();
    }

    /**
     * Listens on {@code host:port} (port 0: any free one), over TLS when configured.
     *
     * @throws LocusServerException when the port is taken, or plain HTTP is asked on an address that
     *     is not loopback without being forced
     */
    public void start(String host, int port) {
        transport.checkBind(host);
        listenHost = host;
        listenPort = port;
        try {
            if (transport instanceof ApiTransport.Tls) {
                app.start(); // the TLS connector names host and port
            } else {
                app.start(host, port);
            }
        } catch (RuntimeException e) {
            throw new LocusServerException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        switch (transport) {
            case ApiTransport.Tls tls ->
                LOG.info(
                        "control plane API listening on https://{}:{} (TLS certificate {})",
                        host,
                        app.port(),
                        tls.credentials().fingerprint());
            case ApiTransport.Plain plain -> {
                if (plain.anyAddress()) {
                    LOG.warn(
                            "control plane API listening in PLAIN HTTP on http://{}:{} (--insecure-http): bearer"
                                    + " tokens cross the network unencrypted",
                            host,
                            app.port());
                } else {
                    LOG.info("control plane API listening on http://{}:{}", host, app.port());
                }
            }
        }
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    /**
     * On every response of the API: the client must not guess another content type than the one
     * sent, and nothing (tokens' answers, registry records, evidence) is kept in a cache.
     */
    private static void safetyHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
    }

    private void authenticate(Context ctx) {
        ctx.attribute(STARTED, nanoTime.getAsLong());
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        Optional<Principal> principal = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(header.substring(7).strip())
                : Optional.empty();
        if (principal.isEmpty()) {
            Optional<Duration> wait = failedAuthLimits.acquire(ctx.ip(), 1);
            if (wait.isPresent()) {
                tooMany(ctx, wait.get());
            }
            throw new ApiException(
                    ErrorCode.UNAUTHENTICATED,
                    header.isEmpty()
                            ? "missing Authorization: Bearer <token> header"
                            : "the bearer token is malformed, unknown or revoked");
        }
        Principal p = principal.get();
        RateLimiter limiter = p.role().bound() ? deviceLimits : humanLimits;
        Optional<Duration> wait = limiter.acquire(p.tokenId(), 1);
        if (wait.isPresent()) {
            tooMany(ctx, wait.get());
        }
        ctx.attribute(PRINCIPAL, p);
    }

    private static void tooMany(Context ctx, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        throw new ApiException(ErrorCode.RATE_LIMITED, "rate limit exceeded; retry after " + seconds + " s");
    }

    private void authorise(Context ctx) {
        Principal p = principal(ctx);
        Set<RouteRole> required = ctx.routeRoles();
        for (RouteRole r : required) {
            if (r instanceof RouteTable.Required(Permission perm) && !p.role().may(perm)) {
                throw new ApiException(
                        ErrorCode.FORBIDDEN,
                        "role " + p.role() + " may not " + ctx.method() + " " + ctx.path() + " (needs " + perm + ")");
            }
        }
    }

    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "not authenticated");
        }
        return p;
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String route = ctx.endpointHandlerPath();
        Timer.builder("locus_http_requests")
                .description("HTTP requests by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route == null || route.isEmpty() ? "unmatched" : route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(metrics)
                .record(Duration.ofNanos(nanoTime.getAsLong() - started));
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
        };
    }

    private static void error(Context ctx, ErrorCode code, String message, List<?> problems) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", code.name());
        err.put("message", message);
        if (!problems.isEmpty()) {
            err.put("problems", problems);
        }
        ctx.status(code.status()).json(Map.of("error", err));
    }
}
