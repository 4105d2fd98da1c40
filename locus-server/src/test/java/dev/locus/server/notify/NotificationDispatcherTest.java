package dev.locus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.Json;
import dev.locus.server.MutableClock;
import dev.locus.server.alerts.Alert;
import dev.locus.server.alerts.AlertService;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.persistence.Database;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox and the dispatcher against a real database, a real HTTP receiver that checks the
 * HMAC, and a real SMTP server (GreenMail). The clock is moved by hand; nothing sleeps.
 */
class NotificationDispatcherTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
    private static final RetryPolicy RETRY =
            new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(40), 4, Duration.ofMinutes(2));

    private record World(
            Database db,
            MutableClock clock,
            AlertService alerts,
            Subscriptions subscriptions,
            DeliveryLog log,
            NotificationDispatcher dispatcher) {}

    private static World world(Database db, int smtpPort) {
        MutableClock clock = new MutableClock(Fixtures.NOW);
        AuditedStore store = Fixtures.store(db, clock);
        AlertService alerts = new AlertService(store);
        NotificationOutbox outbox = new NotificationOutbox(clock);
        alerts.onRaised(outbox);
        alerts.onStatusChanged(outbox);
        SmtpSettings smtp = SmtpSettings.of("127.0.0.1", smtpPort, "locus@example.test", SmtpSettings.StartTls.OFF);
        NotificationDispatcher dispatcher = new NotificationDispatcher(
                db,
                alerts,
                clock,
                RETRY,
                Map.of(
                        Channel.WEBHOOK, new WebhookSender(Json.mapper(), clock, Duration.ofSeconds(5)),
                        Channel.EMAIL, new EmailSender(smtp, clock, Duration.ofSeconds(5))),
                Optional.of(URI.create("https://locus.example.test/")));
        return new World(db, clock, alerts, new Subscriptions(store, true), new DeliveryLog(db), dispatcher);
    }

    private static Subscription webhook(World w, int port, String rules, String minSeverity) {
        return w.subscriptions()
                .create(
                        Map.of(
                                "name",
                                "hook",
                                "channel",
                                "WEBHOOK",
                                "target",
                                "http://127.0.0.1:" + port + "/hook",
                                "rules",
                                rules,
                                "min_severity",
                                minSeverity,
                                "secret",
                                SECRET),
                        "admin");
    }

    private static Alert raise(World w, Alert.Rule rule, Alert.Severity severity, String serial) {
        return w.alerts()
                .raise(rule, severity, Alert.SubjectType.CHIP, serial, "chip " + serial + " " + rule, Map.of())
                .orElseThrow();
    }

    private static Delivery only(World w, Alert a) {
        List<Delivery> ds = w.log()
                .page(Optional.empty(), Optional.of(a.id()), Optional.empty(), 0, 10)
                .items();
        assertThat(ds).hasSize(1);
        return ds.get(0);
    }

    @EachEngine
    void receiverAnswering503_isRetriedWithBackoff_andGetsTheAlertOnce(Database db) throws Exception {
        World w = world(db, Ports.free());
        try (WebhookReceiver receiver = WebhookReceiver.start(0, SECRET, w.clock())) {
            webhook(w, receiver.port(), "OUTSIDE_ZONE", "CRITICAL");
            receiver.failNext(2);
            Alert a = raise(w, Alert.Rule.OUTSIDE_ZONE, Alert.Severity.CRITICAL, "GPU-1");

            assertThat(w.dispatcher().deliverDue(10)).isZero();
            Delivery d = only(w, a);
            assertThat(d.status()).isEqualTo(Delivery.Status.PENDING);
            assertThat(d.nextAttemptAt()).isEqualTo(Fixtures.NOW.plusSeconds(10));
            assertThat(w.dispatcher().deliverDue(10))
                    .as("not due before the backoff")
                    .isZero();

            w.clock().advance(Duration.ofSeconds(10));
            assertThat(w.dispatcher().deliverDue(10)).isZero();
            assertThat(only(w, a).nextAttemptAt()).isEqualTo(Fixtures.NOW.plusSeconds(10 + 20));

            w.clock().advance(Duration.ofSeconds(20));
            assertThat(w.dispatcher().deliverDue(10)).isOne();
            w.clock().advance(Duration.ofHours(1));
            assertThat(w.dispatcher().deliverDue(10)).isZero();

            d = only(w, a);
            assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
            assertThat(receiver.arrivals(d.id())).isOne();
            assertThat(receiver.badSignatures.get()).isZero();
            assertThat(receiver.processedBodies.get(0))
                    .contains("\"delivery_id\":" + d.id())
                    .contains("\"rule\":\"OUTSIDE_ZONE\"")
                    .contains("https://locus.example.test/#/chips/GPU-1");
            assertThat(w.log().attempts(d.id()))
                    .extracting(DeliveryAttempt::outcome, DeliveryAttempt::detail)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    DeliveryAttempt.Outcome.FAILED, "the receiver answered HTTP 503"),
                            org.assertj.core.groups.Tuple.tuple(
                                    DeliveryAttempt.Outcome.FAILED, "the receiver answered HTTP 503"),
                            org.assertj.core.groups.Tuple.tuple(DeliveryAttempt.Outcome.DELIVERED, "delivered"));
        }
    }

    @EachEngine
    void unreachableReceiver_isFailedAfterTheLastAttempt(Database db) {
        World w = world(db, Ports.free());
        webhook(w, Ports.free(), "", "INFO");
        Alert a = raise(w, Alert.Rule.SILENT, Alert.Severity.WARNING, "GPU-2");
        for (int i = 0; i < RETRY.maxAttempts(); i++) {
            assertThat(w.dispatcher().deliverDue(10)).isZero();
            w.clock().advance(RETRY.maxRetry());
        }
        Delivery d = only(w, a);
        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.attempts()).isEqualTo(RETRY.maxAttempts());
        assertThat(d.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("cannot reach the receiver"));
        assertThat(w.dispatcher().deliverDue(10)).isZero();
        assertThat(w.log().attempts(d.id())).hasSize(RETRY.maxAttempts());
    }

    @EachEngine
    void aRepeatAfterACrashBetweenSendAndMark_carriesTheSameId_andTheReceiverDropsIt(Database db) throws Exception {
        World w = world(db, Ports.free());
        try (WebhookReceiver receiver = WebhookReceiver.start(0, SECRET, w.clock())) {
            webhook(w, receiver.port(), "", "WARNING");
            Alert a = raise(w, Alert.Rule.CLONED_IDENTITY, Alert.Severity.CRITICAL, "GPU-3");
            assertThat(w.dispatcher().deliverDue(10)).isOne();
            long id = only(w, a).id();
            // as if the process died after the receiver answered and before the mark committed
            w.db().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE notification_deliveries"
                        + " SET status = 'PENDING', delivered_at = NULL WHERE id = ?")) {
                    ps.setLong(1, id);
                    return ps.executeUpdate();
                }
            });
            assertThat(w.dispatcher().deliverDue(10))
                    .as("held by the dead attempt's claim")
                    .isZero();
            w.clock().advance(RETRY.claim());
            assertThat(w.dispatcher().deliverDue(10)).isOne();
            assertThat(receiver.arrivals(id)).as("sent twice: at least once").isEqualTo(2);
            assertThat(receiver.processedBodies)
                    .as("processed once: the id is the same")
                    .hasSize(1);
        }
    }

    @EachEngine
    void deliveriesAreWritten_perMatchingRuleAndSeverity_inTheRaisingTransaction(Database db) {
        World w = world(db, Ports.free());
        Subscription critical = webhook(w, 1, "", "CRITICAL");
        Subscription silentOnly = webhook(w, 1, "SILENT,UNVERIFIED", "INFO");
        Subscription removed = webhook(w, 1, "", "INFO");
        w.subscriptions().remove(removed.id(), "admin");

        Alert outside = raise(w, Alert.Rule.OUTSIDE_ZONE, Alert.Severity.CRITICAL, "GPU-4");
        Alert silent = raise(w, Alert.Rule.SILENT, Alert.Severity.WARNING, "GPU-4");
        assertThat(w.alerts()
                        .raise(
                                Alert.Rule.SILENT,
                                Alert.Severity.WARNING,
                                Alert.SubjectType.CHIP,
                                "GPU-4",
                                "again",
                                Map.of()))
                .as("already open: no alert, no delivery")
                .isEmpty();

        assertThat(only(w, outside).subscriptionId()).isEqualTo(critical.id());
        assertThat(only(w, silent).subscriptionId()).isEqualTo(silentOnly.id());
        assertThat(w.log()
                        .page(Optional.empty(), Optional.empty(), Optional.empty(), 0, 100)
                        .items())
                .hasSize(2);
    }

    @EachEngine
    void aSubscriptionRemovedBeforeDelivery_isNotSent(Database db) throws Exception {
        World w = world(db, Ports.free());
        try (WebhookReceiver receiver = WebhookReceiver.start(0, SECRET, w.clock())) {
            Subscription s = webhook(w, receiver.port(), "", "INFO");
            Alert a = raise(w, Alert.Rule.MOVED, Alert.Severity.WARNING, "GPU-5");
            w.subscriptions().remove(s.id(), "admin");
            assertThat(w.dispatcher().deliverDue(10)).isZero();
            Delivery d = only(w, a);
            assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
            assertThat(d.lastError()).hasValue("not sent: the subscription was removed");
            assertThat(receiver.received).isEmpty();
        }
    }

    @EachEngine
    void email_reachesTheSmtpServerOnce_afterItComesUp(Database db) throws Exception {
        int smtpPort = Ports.free();
        World w = world(db, smtpPort);
        w.subscriptions()
                .create(Map.of("name", "officer", "channel", "EMAIL", "target", "officer@example.test"), "admin");
        Alert a = raise(w, Alert.Rule.IN_RESTRICTED, Alert.Severity.CRITICAL, "GPU-6");
        assertThat(w.dispatcher().deliverDue(10)).as("SMTP server down").isZero();
        assertThat(only(w, a).lastError())
                .hasValueSatisfying(e -> assertThat(e).startsWith("the SMTP server did not take the message"));

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            w.clock().advance(RETRY.firstRetry());
            assertThat(w.dispatcher().deliverDue(10)).isOne();
            w.clock().advance(Duration.ofHours(1));
            assertThat(w.dispatcher().deliverDue(10)).isZero();

            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(1);
            MimeMessage m = mails[0];
            long id = only(w, a).id();
            assertThat(m.getSubject()).isEqualTo("[Locus] CRITICAL: IN_RESTRICTED for chip GPU-6");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("officer@example.test");
            assertThat(m.getMessageID()).isEqualTo("<locus-delivery-" + id + "@example.test>");
            assertThat(m.getContentType()).startsWith("text/plain");
            assertThat(GreenMailUtil.getBody(m))
                    .contains("chip GPU-6 IN_RESTRICTED")
                    .contains("proven to be inside a restricted jurisdiction")
                    .contains("https://locus.example.test/#/chips/GPU-6");
        } finally {
            smtp.stop();
        }
    }

    private static List<Delivery> deliveries(World w, Alert a) {
        return w.log()
                .page(Optional.empty(), Optional.of(a.id()), Optional.empty(), 0, 100)
                .items();
    }

    @EachEngine
    void acknowledgedAndResolved_reachSubscribersWhoAskForThem_andOnlyThem(Database db) throws Exception {
        int smtpPort = Ports.free();
        World w = world(db, smtpPort);
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (WebhookReceiver receiver = WebhookReceiver.start(0, SECRET, w.clock())) {
            Subscription hook = w.subscriptions()
                    .create(
                            Map.of(
                                    "name", "SOC",
                                    "channel", "WEBHOOK",
                                    "target", "http://127.0.0.1:" + receiver.port() + "/hook",
                                    "events", "opened, Acknowledged,RESOLVED",
                                    "secret", SECRET),
                            "admin");
            Subscription mail = w.subscriptions()
                    .create(
                            Map.of(
                                    "name",
                                    "officer",
                                    "channel",
                                    "EMAIL",
                                    "target",
                                    "officer@example.test",
                                    "events",
                                    "RESOLVED"),
                            "admin");
            Subscription openedOnly = webhook(w, receiver.port(), "", "INFO");
            assertThat(hook.events()).containsExactlyInAnyOrder(AlertEvent.values());
            assertThat(openedOnly.events()).as("the default").containsExactly(AlertEvent.OPENED);

            Alert single = raise(w, Alert.Rule.OUTSIDE_ZONE, Alert.Severity.CRITICAL, "GPU-7");
            Alert bulk = raise(w, Alert.Rule.SILENT, Alert.Severity.WARNING, "GPU-8");
            assertThat(w.alerts().acknowledge(single.id(), "looking at it", "officer-ann"))
                    .isInstanceOf(dev.locus.server.alerts.Transition.Done.class);
            assertThat(w.alerts().resolve(single.id(), "licence amended", "officer-ann"))
                    .isInstanceOf(dev.locus.server.alerts.Transition.Done.class);
            assertThat(w.alerts().acknowledge(single.id(), "again", "officer-ann"))
                    .as("a refused step writes no delivery")
                    .isInstanceOf(dev.locus.server.alerts.Transition.WrongState.class);
            assertThat(w.alerts()
                            .acknowledgeAll(List.of(bulk.id(), single.id()), "maintenance window", "officer-bob")
                            .acknowledged())
                    .hasSize(1);

            assertThat(deliveries(w, single))
                    .extracting(Delivery::subscriptionId, Delivery::event)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(hook.id(), "alert.opened"),
                            org.assertj.core.groups.Tuple.tuple(openedOnly.id(), "alert.opened"),
                            org.assertj.core.groups.Tuple.tuple(hook.id(), "alert.acknowledged"),
                            org.assertj.core.groups.Tuple.tuple(hook.id(), "alert.resolved"),
                            org.assertj.core.groups.Tuple.tuple(mail.id(), "alert.resolved"));
            assertThat(deliveries(w, bulk))
                    .extracting(Delivery::subscriptionId, Delivery::event)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(openedOnly.id(), "alert.opened"),
                            org.assertj.core.groups.Tuple.tuple(hook.id(), "alert.opened"),
                            org.assertj.core.groups.Tuple.tuple(hook.id(), "alert.acknowledged"));

            assertThat(w.dispatcher().deliverDue(100)).isEqualTo(8);
            assertThat(receiver.processedBodies).hasSize(7);
            assertThat(receiver.processedBodies)
                    .filteredOn(b ->
                            b.contains("\"event\":\"alert.acknowledged\"") && b.contains("\"subject_id\":\"GPU-8\""))
                    .singleElement()
                    .satisfies(b -> assertThat(b)
                            .contains("\"acknowledged_by\":\"officer-bob\"")
                            .contains("\"acknowledge_note\":\"maintenance window\""));
            assertThat(receiver.processedBodies)
                    .filteredOn(b -> b.contains("\"event\":\"alert.resolved\""))
                    .singleElement()
                    .satisfies(b -> assertThat(b)
                            .contains("\"status\":\"RESOLVED\"")
                            .contains("\"resolution_note\":\"licence amended\""));
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(1);
            assertThat(mails[0].getSubject()).isEqualTo("[Locus] resolved: OUTSIDE_ZONE for chip GPU-7");
            assertThat(GreenMailUtil.getBody(mails[0]))
                    .contains("Resolved by officer-ann at 20")
                    .contains("licence amended")
                    .contains("chip GPU-7 OUTSIDE_ZONE");
        } finally {
            smtp.stop();
        }
    }

    @EachEngine
    void anUnknownEvent_isRefusedNamingTheFieldAndTheValue(Database db) {
        World w = world(db, Ports.free());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.subscriptions()
                        .create(
                                Map.of(
                                        "name", "m",
                                        "channel", "EMAIL",
                                        "target", "officer@example.test",
                                        "events", "RESOLVED,ESCALATED"),
                                "admin"))
                .isInstanceOf(dev.locus.server.common.InvalidInputException.class)
                .hasMessageContaining("events")
                .hasMessageContaining("ESCALATED");
    }
}
