package dev.locus.server.api;

import dev.locus.server.ControlPlane;
import dev.locus.server.LocusServerException;
import dev.locus.server.auth.Permission;
import dev.locus.server.auth.Principal;
import dev.locus.server.auth.RateLimiter;
import dev.locus.server.registry.InvalidInputException;
import dev.locus.server.tls.ApiTransport;
import dev.locus.server.tls.TlsConnector;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * limits, JSON errors with stable codes, Prometheus metrics and an OpenAPI document.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    static final String PRINCIPAL = "locus.principal";
    private static final String STARTED = "locus.started";
    /** Largest request body any route accepts (bulk imports), in bytes; each route has its own limit. */
    public static final long MAX_BODY_BYTES = RegistryApi.IMPORTS.maxBytes();

    private final ControlPlane cp;
    private final Javalin app;
    private final RouteTable routes;
    private final RateLimiter humanLimits;
    private final RateLimiter deviceLimits;
    private final RateLimiter failedAuthLimits;
    private final String openApi;
    private final ApiTransport transport;
    private volatile String listenHost = "127.0.0.1";
    private volatile int listenPort;

    public ApiServer(ControlPlane cp, LongSupplier nanoTime) {
        this.cp = cp;
        this.transport = cp.config().transport();
        this.humanLimits = new RateLimiter(
                cp.config().humanRequestsPerSecond(),
                Math.max(1, 2 * cp.config().humanRequestsPerSecond()),
                nanoTime);
        this.deviceLimits = new RateLimiter(
                cp.config().deviceRequestsPerSecond(),
                Math.max(1, 2 * cp.config().deviceRequestsPerSecond()),
                nanoTime);
        this.failedAuthLimits = new RateLimiter(1, 20, nanoTime);
        this.openApi = loadOpenApi();
        this.routes = new RouteTable(BodyBudget.forHeap());
        new JvmMemoryMetrics().bindTo(cp.metrics());
        new JvmGcMetrics().bindTo(cp.metrics());
        new JvmThreadMetrics().bindTo(cp.metrics());
        new ProcessorMetrics().bindTo(cp.metrics());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(cp.json(), false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            if (transport instanceof ApiTransport.Tls tls) {
                // built when the server starts, on the address start(host, port) was given
                config.jetty.addConnector(
                        (server, http) -> TlsConnector.create(server, http, tls.credentials(), listenHost, listenPort));
            }
            routes.observe(config);
        });
        routes.bind(app);
        dev.locus.server.dashboard.Dashboard.install(app, cp); // static files at /, views at /api/v1/dashboard
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
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, ErrorCode.INTERNAL, "internal error; the server log has details", List.of());
        });
        routes.get("/health", Permission.HEALTH, this::health);
        routes.get(
                "/metrics",
                Permission.OPERATE,
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(cp.metrics().scrape()));
        routes.get(
                "/api/v1/openapi.json",
                Permission.HEALTH,
                ctx -> ctx.contentType("application/json").result(openApi));
        new RegistryApi(cp).register(routes);
        new ReceiptApi(cp).register(routes);
        new MeshApi(cp).register(routes);
        new AlertApi(cp).register(routes);
        new AdminApi(cp).register(routes);
        new VerdictApi(cp, cp.clock()).register(routes);
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
        ctx.attribute(STARTED, System.nanoTime());
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        Optional<Principal> principal = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? cp.tokens().authenticate(header.substring(7).strip())
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
            if (r instanceof Permission perm && !p.role().may(perm)) {
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
                .register(cp.metrics())
                .record(Duration.ofNanos(System.nanoTime() - started));
    }

    private void health(Context ctx) {
        boolean dbUp;
        try {
            dbUp = cp.database().read(c -> c.isValid(2));
        } catch (LocusServerException e) {
            LOG.warn("health check: database unreachable: {}", e.getMessage());
            dbUp = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", dbUp ? "UP" : "DOWN");
        body.put("database", dbUp ? "UP" : "DOWN");
        ctx.status(dbUp ? 200 : 503).json(body);
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

    private static String loadOpenApi() {
        try (InputStream in = ApiServer.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.json", e);
        }
    }
}
