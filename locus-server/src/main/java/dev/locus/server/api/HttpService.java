package dev.locus.server.api;

/**
 * One area of the API (registry, receipts, alerts, ...) as a group of routes, after Helidon's
 * {@code HttpService}: constructed with exactly the services it uses, it adds its routes to the
 * server's {@link RouteTable}. The {@link ApiServer} takes the groups it serves; nothing else
 * needs to know which services a group uses.
 */
public interface HttpService {
    /** Adds this group's routes (and any filter that must run before authentication) to {@code routes}. */
    void routing(RouteTable routes);
}
