package dev.locus.server.api;

import dev.locus.server.auth.Permission;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
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
final class RouteTable {
    /**
     * One served endpoint.
     *
     * @param method the HTTP method
     * @param path the path pattern as Javalin matches it, e.g. {@code /api/v1/chips/{serial}}
     * @param permission the permission the route requires; empty for a route registered without one
     * @param body what its request body may hold; empty for a route that reads no body (GET, DELETE)
     */
    record Route(HandlerType method, String path, Optional<Permission> permission, Optional<BodyLimit> body) {
        /** {@code METHOD path}, e.g. {@code GET /api/v1/chips/{serial}}. */
        String signature() {
            return method.name() + " " + path;
        }
    }

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
                .filter(Permission.class::isInstance)
                .map(Permission.class::cast)
                .findFirst();
        served.add(new Route(
                info.getHttpMethod(),
                info.getPath(),
                permission,
                Optional.ofNullable(limits.get(info.getHttpMethod().name() + " " + info.getPath()))));
    }

    void get(String path, Permission p, Handler h) {
        add(HandlerType.GET, path, p, h);
    }

    /**
     * Adds a POST route whose body is read only through {@link RequestBody}, within {@code limit}
     * (checked against {@code Content-Length} before the handler runs and again while reading).
     */
    void post(String path, Permission p, BodyLimit limit, Handler h) {
        limits.put(HandlerType.POST.name() + " " + path, limit);
        add(HandlerType.POST, path, p, ctx -> {
            try (BodyBudget.Lease lease = budget.lease()) {
                RequestBody.attach(ctx, limit, lease);
                h.handle(ctx);
            }
        });
    }

    void delete(String path, Permission p, Handler h) {
        add(HandlerType.DELETE, path, p, h);
    }

    private void add(HandlerType method, String path, Permission p, Handler h) {
        if (app == null) {
            throw new IllegalStateException("RouteTable.bind(app) must be called before routes are added");
        }
        app.addHttpHandler(method, path, h, p);
    }

    /** Every HTTP endpoint added to the server so far, in the order added. */
    List<Route> routes() {
        return List.copyOf(served);
    }
}
