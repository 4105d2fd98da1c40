package dev.locus.server.notify;

import dev.locus.server.alerts.AlertService;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.persistence.Database;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications wired together: the outbox hooked into {@link AlertService}, the subscriptions,
 * the delivery log and a dispatcher polled on its own thread (a slow receiver never holds up the
 * alert rules). Thread-safe.
 */
public final class Notifications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final int BATCH = 100;

    private final NotificationSettings settings;
    private final Subscriptions subscriptions;
    private final DeliveryLog log;
    private final NotificationDispatcher dispatcher;
    private final ScheduledExecutorService poller;

    public Notifications(NotificationSettings settings, AuditedStore store, AlertService alerts) {
        Database db = store.db();
        InstantSource clock = store.clock();
        this.settings = settings;
        this.subscriptions = new Subscriptions(store, settings.smtp().isPresent());
        this.log = new DeliveryLog(db);
        Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
        senders.put(Channel.WEBHOOK, new WebhookSender(store.json(), clock, settings.sendTimeout()));
        settings.smtp().ifPresent(s -> senders.put(Channel.EMAIL, new EmailSender(s, clock, settings.sendTimeout())));
        this.dispatcher =
                new NotificationDispatcher(db, alerts, clock, settings.retry(), senders, settings.dashboardUrl());
        NotificationOutbox outbox = new NotificationOutbox(clock);
        alerts.onRaised(outbox);
        alerts.onStatusChanged(outbox);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "locus-notifications");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling for due deliveries (also those left pending by a previous run). */
    public void start() {
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::deliverDue, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Delivers what is due now, in batches; also called by the poller. */
    public int deliverDue() {
        try {
            int total = 0;
            int n;
            do {
                n = dispatcher.deliverDue(BATCH);
                total += n;
            } while (n == BATCH && !poller.isShutdown());
            return total;
        } catch (RuntimeException e) {
            if (poller.isShutdown()) {
                return 0;
            }
            LOG.error("notification dispatch failed; will retry", e);
            return 0;
        }
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public DeliveryLog log() {
        return log;
    }

    public NotificationSettings settings() {
        return settings;
    }

    /** Stops polling, letting an attempt in progress finish (at most the send timeout). */
    @Override
    public void close() {
        poller.shutdown();
        try {
            if (!poller.awaitTermination(settings.sendTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                LOG.warn("notification dispatch did not stop in time");
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
