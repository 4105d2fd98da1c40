package dev.locus.server.api;

import dev.locus.server.auth.Permission;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registers the API's routes with Javalin, each with the one permission it requires, and records
 * every HTTP endpoint Javalin actually serves, whoever added it (the dashboard adds its own views),
 * so the OpenAPI document can be checked against the real route table. Thread-safe.
 */
public final class RouteTable {
    /**
     * One served endpoint.
     *
     * @param method the HTTP method
     * @param path the path pattern as Javalin matches it, e.g. {@code /api/v1/chips/{serial}}
     * @param permission the permission the route requires; empty for a route registered without one
     * @param body what its request body may hold; empty for a route that reads no body (GET, DELETE)
     */
    public record Route(HandlerType method, String path, Optional<Permission> permission, Optional<BodyLimit> body) {
        /** {@code METHOD path}, e.g. {@code GET /api/v1/chips/{serial}}. */
        public String signature() {
            return method.name() + " " + path;
        }
    }

    /** A route's permission as Javalin carries it: the auth package knows nothing of HTTP. */
    record Required(Permission permission) implements RouteRole {}

    private final List<Route> served = new CopyOnWriteArrayList<>();
    private final Map<String, BodyLimit> limits = new ConcurrentHashMap<>();
    private final BodyBudget budget;
    private Javalin app;

    /** @param budget the body bytes all requests together may hold at once */
    RouteTable(BodyBudget budget) {
        this.budget = budget;
    }

    /** Starts recording the endpoints added to the server being configured by {@code config}. */
    void observe(JavalinConfig config) {
        config.events.handlerAdded(this::added);
    }

    /** The server that {@link #get}, {@link #post} and {@link #delete} add routes to. */
    void bind(Javalin server) {
        this.app = server;
    }

    private void added(HandlerMetaInfo info) {
        if (!info.getHttpMethod().isHttpMethod()) {
            return; // before/after filters are not routes
        }
        Optional<Permission> permission = info.getRoles().stream()
                .filter(Required.class::isInstance)
                .map(r -> ((Required) r).permission())
                .findFirst();
        served.add(new Route(
                info.getHttpMethod(),
                info.getPath(),
                permission,
                Optional.ofNullable(limits.get(info.getHttpMethod().name() + " " + info.getPath()))));
    }

    /** Adds GET {@code path}, served to principals holding {@code p}. */
    public void get(String path, Permission p, Handler h) {
        add(HandlerType.GET, path, p, h);
    }

    /**
     * Adds a POST route whose body is read only through {@link RequestBody}, within {@code limit}
     * (checked against {@code Content-Length} before the handler runs and again while reading).
     */
    public void post(String path, Permission p, BodyLimit limit, Handler h) {
        addWithBody(HandlerType.POST, path, p, limit, h);
    }

    /** Adds a PUT route whose body is read only through {@link RequestBody}, within {@code limit}. */
    public void put(String path, Permission p, BodyLimit limit, Handler h) {
        addWithBody(HandlerType.PUT, path, p, limit, h);
    }

    /** Adds a route whose handler reads its body within {@code limit}, holding a lease on the body budget. */
    private void addWithBody(HandlerType method, String path, Permission p, BodyLimit limit, Handler h) {
        limits.put(method.name() + " " + path, limit);
        add(method, path, p, ctx -> {
            try (BodyBudget.Lease lease = budget.lease()) {
                RequestBody.attach(ctx, limit, lease);
                h.handle(ctx);
            }
        });
    }

    /** Adds DELETE {@code path}, served to principals holding {@code p}. */
    public void delete(String path, Permission p, Handler h) {
        add(HandlerType.DELETE, path, p, h);
    }

    private void add(HandlerType method, String path, Permission p, Handler h) {
        if (app == null) {
            throw new IllegalStateException("RouteTable.bind(app) must be called before routes are added");
        }
        app.addHttpHandler(method, path, h, new Required(p));
    }

    /**
     * Adds a filter that runs before authentication, for answers that need no token (the
     * dashboard's static files); it ends a request with {@code ctx.skipRemainingHandlers()}.
     */
    public void beforeAuthentication(Handler filter) {
        if (app == null) {
            throw new IllegalStateException("RouteTable.bind(app) must be called before filters are added");
        }
        app.before(filter);
    }

    /** Every HTTP endpoint added to the server so far, in the order added. */
    public List<Route> routes() {
        return List.copyOf(served);
    }
}
