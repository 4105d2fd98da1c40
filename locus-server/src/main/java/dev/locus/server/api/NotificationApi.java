package dev.locus.server.api;

import dev.locus.server.auth.Permission;
import dev.locus.server.notify.Delivery;
import dev.locus.server.notify.Notifications;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Notification subscriptions (admin only: they hold webhook secrets and decide where alert details
 * go) and the delivery log. Secrets are taken, never returned.
 */
public record NotificationApi(Notifications notifications) implements HttpService {
    private static final String BASE = "/api/v1/notifications";

    @Override
    public void routing(RouteTable r) {
        Permission p = Permission.MANAGE_NOTIFICATIONS;
        r.get(BASE + "/subscriptions", p, ctx -> ctx.json(Requests.page(ctx, notifications.subscriptions()::page)));
        r.post(
                BASE + "/subscriptions",
                p,
                BodyLimit.record(),
                ctx -> ctx.status(201)
                        .json(notifications
                                .subscriptions()
                                .create(
                                        Requests.fields(ctx),
                                        ApiServer.principal(ctx).actor())));
        r.get(BASE + "/subscriptions/{id}", p, ctx -> {
            long id = Requests.numericId(ctx, "subscription");
            ctx.json(notifications
                    .subscriptions()
                    .subscription(id)
                    .orElseThrow(() -> Requests.notFound("subscription", Long.toString(id))));
        });
        r.delete(BASE + "/subscriptions/{id}", p, ctx -> {
            long id = Requests.numericId(ctx, "subscription");
            ctx.json(notifications
                    .subscriptions()
                    .remove(id, ApiServer.principal(ctx).actor())
                    .orElseThrow(() -> Requests.notFound("active subscription", Long.toString(id))));
        });
        r.get(
                BASE + "/deliveries",
                p,
                ctx -> ctx.json(Requests.page(notifications
                        .log()
                        .page(
                                Requests.enumParam(ctx, "status", Delivery.Status.class),
                                Requests.longParam(ctx, "alert_id", "must be an integer id"),
                                Requests.longParam(ctx, "subscription_id", "must be an integer id"),
                                Requests.afterId(ctx),
                                Requests.limit(ctx)))));
        r.get(BASE + "/deliveries/{id}", p, ctx -> {
            long id = Requests.numericId(ctx, "delivery");
            Delivery d = notifications
                    .log()
                    .delivery(id)
                    .orElseThrow(() -> Requests.notFound("delivery", Long.toString(id)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("delivery", d);
            body.put("attempts", notifications.log().attempts(id));
            ctx.json(body);
        });
    }
}
