package dev.locus.landmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageType;
import dev.locus.protocol.wire.RejectReason;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No reply is ever larger than the datagram that caused it, over every reply type (RETRY,
 * CHALLENGE, RECEIPT, REJECT) and every rejection reason the landmark answers. Each {@link
 * RawDevice} matches every datagram it receives to an unanswered one it sent that is at least as
 * large, and fails on the first that has none; this test drives the landmark into each answer.
 */
class ReplySizeIT {
    /** The reasons a landmark ever answers with REJECT; every other reason is only recorded. */
    static final Set<RejectReason> ANSWERED = EnumSet.of(
            RejectReason.SESSION_LIMIT,
            RejectReason.INVALID_CERTIFICATE,
            RejectReason.UNKNOWN_DEVICE,
            RejectReason.REVOKED_DEVICE,
            RejectReason.BAD_SIGNATURE,
            RejectReason.RETRY_LIMIT,
            RejectReason.SESSION_EXPIRED);

    private final TestPki pki = new TestPki(55);
    private final AtomicLong clockOffset = new AtomicLong();
    private final List<LandmarkServer> servers = new ArrayList<>();
    private final List<RawDevice> devices = new ArrayList<>();

    @AfterEach
    void stop() {
        devices.forEach(RawDevice::close);
        servers.forEach(LandmarkServer::close);
    }

    private LandmarkServer start(LandmarkConfig.Builder b) throws IOException {
        LandmarkServer s = LandmarkServer.start(b.random(TestPki.seeded(9))
                .nanoClock(() -> System.nanoTime() + clockOffset.get())
                .build());
        servers.add(s);
        return s;
    }

    private RawDevice device(LandmarkServer s, Pkcs12DeviceKey key, long seed) throws IOException {
        RawDevice d = new RawDevice(s.localAddress(), key, seed);
        devices.add(d);
        return d;
    }

    /** A device whose one-round session is open: its HELLO answered with the first challenge. */
    private RawDevice challenged(LandmarkServer s, Pkcs12DeviceKey key, long seed) throws IOException {
        RawDevice d = device(s, key, seed);
        d.hello(1);
        d.expect(Message.Challenge.class);
        return d;
    }

    private static Message.Reject rejectAfter(RawDevice d) throws IOException {
        return d.expect(Message.Reject.class);
    }

    @Test
    void everyReplyTypeAndEveryAnsweredReason_isNoLargerThanItsRequest() throws Exception {
        LandmarkServer s = start(LandmarkConfig.builder(pki.landmark, pki.verifier(Set.of("SN-REVOKED")))
                .maxSessionsPerSource(1)
                .maxRetriesPerSession(1)
                .sessionLifetime(Duration.ofSeconds(30)));
        EnumSet<RejectReason> seen = EnumSet.noneOf(RejectReason.class);

        // RETRY, CHALLENGE and RECEIPT (sent on the padded NEXT, and again on a second NEXT)
        try (Pkcs12DeviceKey key = pki.device("SN-HONEST")) {
            RawDevice d = device(s, key, 1);
            d.hello(3);
            for (int i = 0; i < 3; i++) {
                d.send(d.answer(d.expect(Message.Challenge.class)));
            }
            d.next();
            Message.ReceiptMessage receipt = d.expect(Message.ReceiptMessage.class);
            d.next();
            assertThat(d.expect(Message.ReceiptMessage.class)).isEqualTo(receipt);
            // a NEXT too small for the receipt gets nothing: the receipt is withheld, not sent larger
            long withheld = s.stats().repliesWithheld();
            d.send(new Message.Next(d.session, 0));
            SessionFloodIT.awaitCondition(
                    () -> s.stats().repliesWithheld() > withheld, "the receipt withheld from a small NEXT");
        }

        // UNKNOWN_DEVICE, REVOKED_DEVICE
        try (Pkcs12DeviceKey stranger = new TestPki(99).device("SN-STRANGER");
                Pkcs12DeviceKey revoked = pki.device("SN-REVOKED")) {
            RawDevice a = device(s, stranger, 2);
            a.hello(1);
            seen.add(rejectAfter(a).reason());
            RawDevice b = device(s, revoked, 3);
            b.hello(1);
            seen.add(rejectAfter(b).reason());
        }

        // INVALID_CERTIFICATE: a garbage certificate (the 2.75x reply of issue 9)
        try (Pkcs12DeviceKey key = pki.device("SN-GARBAGE")) {
            RawDevice d = device(s, key, 4);
            byte[] garbage = new byte[40];
            new java.util.Random(5).nextBytes(garbage);
            d.send(Message.Hello.padded(d.session, 1, garbage, new byte[0]));
            byte[] cookie = d.expect(Message.Retry.class).cookie().toArray();
            d.send(Message.Hello.padded(d.session, 1, garbage, cookie));
            seen.add(rejectAfter(d).reason());
        }

        // BAD_SIGNATURE: the REJECT comes on the last RESPONSE if it fits it, else on the NEXT
        try (Pkcs12DeviceKey key = pki.device("SN-FORGED");
                Pkcs12DeviceKey forger = pki.device("SN-FORGER")) {
            RawDevice d = device(s, key, 6);
            d.hello(1);
            d.send(d.answer(d.expect(Message.Challenge.class), forger));
            d.next();
            seen.add(rejectAfter(d).reason());
        }

        // SESSION_LIMIT: a second session from the same address (one allowed per source here)
        try (Pkcs12DeviceKey key = pki.device("SN-LIMIT")) {
            RawDevice first = challenged(s, key, 7);
            RawDevice second = device(s, key, 8);
            second.hello(1);
            seen.add(rejectAfter(second).reason());

            // RETRY_LIMIT: the first session asks again more often than allowed (once)
            first.next();
            first.expect(Message.Challenge.class);
            first.next();
            seen.add(rejectAfter(first).reason());
        }

        // SESSION_EXPIRED: the landmark's clock jumps past the session lifetime; NEXT gets the REJECT
        try (Pkcs12DeviceKey key = pki.device("SN-SLOW")) {
            RawDevice d = challenged(s, key, 9);
            long before = s.stats().rejected(RejectReason.SESSION_EXPIRED);
            clockOffset.addAndGet(TimeUnit.SECONDS.toNanos(31));
            SessionFloodIT.awaitCondition(
                    () -> s.stats().rejected(RejectReason.SESSION_EXPIRED) > before, "the session expired");
            d.next();
            seen.add(rejectAfter(d).reason());
        }

        // SESSION_LIMIT for the landmark as a whole
        LandmarkServer full = start(
                LandmarkConfig.builder(pki.landmark, pki.verifier(Set.of())).maxSessions(1));
        try (Pkcs12DeviceKey key = pki.device("SN-FULL")) {
            RawDevice first = challenged(full, key, 10);
            RawDevice second = device(full, key, 11);
            second.hello(1);
            Message.Reject r = rejectAfter(second);
            assertThat(r.detail()).contains("landmark holds its maximum");
            seen.add(r.reason());
        }

        assertThat(seen).isEqualTo(ANSWERED);
        EnumSet<MessageType> types = EnumSet.noneOf(MessageType.class);
        devices.forEach(d -> d.received.forEach(m -> types.add(m.type())));
        assertThat(types)
                .as("every type a landmark sends")
                .containsExactlyInAnyOrder(
                        MessageType.RETRY, MessageType.CHALLENGE, MessageType.RECEIPT, MessageType.REJECT);
    }

    @Test
    void unpaddedHello_isNeverAnswered_andHoldsNothing() throws Exception {
        LandmarkServer s = start(LandmarkConfig.builder(pki.landmark, pki.verifier(Set.of())));
        try (Pkcs12DeviceKey key = pki.device("SN-SHORT")) {
            RawDevice d = device(s, key, 12);
            byte[] certificate = Certificates.der(key.identity().certificate());
            d.send(new Message.Hello(d.session, 1, certificate, new byte[0], 0));
            SessionFloodIT.awaitCondition(
                    () -> s.stats().rejected(RejectReason.UNPADDED) == 1, "the short HELLO recorded");
            assertThat(s.stats().retriesSent()).isZero();
            assertThat(s.openSessions()).isZero();
            assertThat(d.received).isEmpty();
        }
    }
}
