package dev.locus.server.api;

import dev.locus.server.auth.Permission;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes with Javalin and remembers them, so the OpenAPI document can be checked against
 * what the server really serves. Every route names the one permission it requires.
 */
final class RouteTable {
    record Route(HandlerType method, String path, Permission permission) {}

    private final Javalin app;
    private final List<Route> routes = new ArrayList<>();

    RouteTable(Javalin app) {
        this.app = app;
    }

    void get(String path, Permission p, Handler h) {
        add(HandlerType.GET, path, p, h);
    }

    void post(String path, Permission p, Handler h) {
        add(HandlerType.POST, path, p, h);
    }

    void delete(String path, Permission p, Handler h) {
        add(HandlerType.DELETE, path, p, h);
    }

    private void add(HandlerType method, String path, Permission p, Handler h) {
        app.addHttpHandler(method, path, h, p);
        routes.add(new Route(method, path, p));
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }
}
