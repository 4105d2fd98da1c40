package dev.locus.landmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.protocol.exchange.ExchangeClient;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageCodec;
import dev.locus.protocol.wire.RejectReason;
import dev.locus.protocol.wire.SessionId;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session flood from a thousand source addresses (real sockets bound to 127.0.x.y: Linux routes
 * all of 127.0.0.0/8 to the loopback interface, so each is a distinct real source). The flooders
 * never read what comes back, as a forged source would not: their HELLOs, cookie-less, replayed
 * with another address's cookie, or with a made-up cookie, must leave no session behind, while an
 * honest device, also from 127.0.0.1 where 300 HELLOs went unanswered, still measures.
 */
class SessionFloodIT {
    private static final int SOURCES = 1000;

    private final TestPki pki = new TestPki(77);
    private LandmarkServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void helloFloodFromAThousandSourcesThatNeverAnswer_holdsNoSession_andAnHonestDeviceStillMeasures()
            throws Exception {
        server = LandmarkServer.start(LandmarkConfig.builder(pki.landmark, pki.verifier(Set.of()))
                .random(TestPki.seeded(8))
                .build());
        InetSocketAddress landmark = server.localAddress();
        try (Pkcs12DeviceKey key = pki.device("1650923000001");
                Pkcs12DeviceKey attackerKey = pki.device("1650923000666")) {
            byte[] attackerCertificate = Certificates.der(attackerKey.identity().certificate());
            // a real cookie, fetched by the attacker at 127.0.0.1, replayed from every other source
            Message.Hello stolen = stolenCookieHello(landmark, attackerCertificate);

            List<DatagramSocket> sources = new ArrayList<>();
            AtomicLong sent = new AtomicLong();
            try {
                for (int i = 0; i < SOURCES; i++) {
                    sources.add(new DatagramSocket(
                            new InetSocketAddress("127.0." + (1 + i / 250) + "." + (1 + i % 250), 0)));
                }
                // 300 unanswered HELLOs from the honest device's own address: the lock-out of issue 9
                try (DatagramSocket local = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                    Random r = new Random(1);
                    for (int i = 0; i < 300; i++) {
                        send(
                                local,
                                landmark,
                                cookieless(new SessionId(r.nextLong(), r.nextLong()), attackerCertificate));
                        sent.incrementAndGet();
                    }
                }
                Thread flood = new Thread(
                        () -> flood(
                                sources,
                                landmark,
                                attackerCertificate,
                                stolen,
                                sent,
                                () -> server.stats().datagrams()),
                        "flood");
                flood.start();

                // the honest device measures while the flood runs, from 127.0.0.1 too
                ExchangeClient client = new ExchangeClient(Duration.ofMillis(500), 10, System::nanoTime);
                int measured = 0;
                Random sessions = new Random(2);
                for (int i = 0; i < 5; i++) {
                    ExchangeClient.Outcome o = client.run(
                            landmark,
                            new SessionId(sessions.nextLong(), sessions.nextLong()),
                            4,
                            Certificates.der(key.identity().certificate()),
                            key.identity().fingerprint(),
                            key::sign);
                    assertThat(o)
                            .as("honest session %d during the flood", i)
                            .isInstanceOf(ExchangeClient.Outcome.Receipt.class);
                    measured++;
                }
                flood.join();
                awaitCondition(() -> server.stats().datagrams() >= sent.get(), "every flood datagram counted");
                // a datagram is counted when read, then refused and answered once checked: wait for those too
                awaitCondition(
                        () -> server.stats().rejected(RejectReason.BAD_COOKIE) >= 2L * SOURCES
                                && server.stats().retriesSent() >= 300L + 3L * SOURCES,
                        "every replayed and made-up cookie refused and answered with a RETRY");

                LandmarkStats.Snapshot stats = server.stats();
                assertThat(stats.sessionsOpened())
                        .as("sessions opened: the honest device's only")
                        .isEqualTo(measured);
                assertThat(server.openSessions()).as("sessions held").isLessThanOrEqualTo(measured);
                assertThat(stats.rejected(RejectReason.BAD_COOKIE))
                        .as("replayed and made-up cookies refused")
                        .isEqualTo(2L * SOURCES);
                assertThat(stats.rejected(RejectReason.SESSION_LIMIT)).isZero();
                assertThat(stats.retriesSent()).isGreaterThanOrEqualTo(300L + 3L * SOURCES);
            } finally {
                sources.forEach(DatagramSocket::close);
            }
        }
    }

    /** Each source: a cookie-less HELLO, the stolen cookie's HELLO, and one with a made-up cookie; never reads. */
    private static void flood(
            List<DatagramSocket> sources,
            InetSocketAddress landmark,
            byte[] certificate,
            Message.Hello stolen,
            AtomicLong sent,
            java.util.function.LongSupplier counted) {
        Random r = new Random(3);
        byte[] stolenBytes = MessageCodec.encode(stolen);
        try {
            for (int round = 0; round < 2; round++) {
                for (DatagramSocket s : sources) {
                    if (round == 0) {
                        send(s, landmark, cookieless(new SessionId(r.nextLong(), r.nextLong()), certificate));
                        send(s, landmark, stolenBytes);
                        sent.addAndGet(2);
                    } else {
                        byte[] cookie = new byte[HelloCookies.COOKIE_BYTES];
                        r.nextBytes(cookie);
                        send(
                                s,
                                landmark,
                                MessageCodec.encode(Message.Hello.padded(
                                        new SessionId(r.nextLong(), r.nextLong()), 4, certificate, cookie)));
                        send(s, landmark, cookieless(new SessionId(r.nextLong(), r.nextLong()), certificate));
                        sent.addAndGet(2);
                    }
                    // stay within the landmark's socket buffer: every datagram is counted, none dropped by the kernel
                    while (sent.get() - counted.getAsLong() > 1000) {
                        Thread.onSpinWait();
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("flood socket failed", e);
        }
    }

    private static Message.Hello stolenCookieHello(InetSocketAddress landmark, byte[] certificate) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.setSoTimeout(5000);
            SessionId session = new SessionId(42, 42);
            send(s, landmark, cookieless(session, certificate));
            byte[] buf = new byte[4096];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            Message.Retry retry = (Message.Retry)
                    ((dev.locus.protocol.wire.Decoded.Accepted<Message>) MessageCodec.decode(buf, 0, p.getLength()))
                            .value();
            return Message.Hello.padded(session, 4, certificate, retry.cookie().toArray());
        }
    }

    private static byte[] cookieless(SessionId session, byte[] certificate) {
        return MessageCodec.encode(Message.Hello.padded(session, 4, certificate, new byte[0]));
    }

    private static void send(DatagramSocket s, InetSocketAddress to, byte[] datagram) throws IOException {
        s.send(new DatagramPacket(datagram, datagram.length, to));
    }

    static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
