package dev.locus.landmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageCodec;
import dev.locus.protocol.wire.SessionId;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Garbage and near-valid datagrams against a live landmark: whatever arrives, nothing comes back
 * larger than a request this socket sent (checked by {@link RawDevice} on every datagram
 * received). Near-valid inputs are real messages of every type the landmark accepts, with valid
 * cookies and live sessions, and one to four bytes changed.
 */
class ReplySizePropertiesIT {
    private static final TestPki PKI = new TestPki(66);
    private static LandmarkServer server;
    private static Pkcs12DeviceKey key;
    private static RawDevice device;
    private static byte[][] templates;
    private static long markers;

    @BeforeContainer
    static void start() throws Exception {
        server = LandmarkServer.start(LandmarkConfig.builder(PKI.landmark, PKI.verifier(Set.of()))
                .random(TestPki.seeded(11))
                .rateLimit(1_000_000, 100_000)
                .build());
        key = PKI.device("SN-PROPERTY");
        device = new RawDevice(server.localAddress(), key, 21);
        Message.Challenge c = device.open(4); // a live session: valid cookie, session id, challenge
        byte[] certificate = Certificates.der(key.identity().certificate());
        templates = new byte[][] {
            MessageCodec.encode(Message.Hello.padded(device.session, 4, certificate, device.cookie)),
            MessageCodec.encode(Message.Hello.padded(device.session, 4, certificate, new byte[0])),
            MessageCodec.encode(device.answer(c)),
            MessageCodec.encode(Message.Next.padded(device.session)),
            MessageCodec.encode(new Message.Next(device.session, 0)),
            MessageCodec.encode(new Message.Retry(device.session, device.cookie)),
        };
    }

    @AfterContainer
    static void stop() throws Exception {
        device.close();
        key.close();
        server.close();
    }

    @Provide
    Arbitrary<byte[]> datagrams() {
        Arbitrary<byte[]> random =
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(2100);
        Arbitrary<byte[]> mutated = Combinators.combine(
                        Arbitraries.integers().between(0, templates.length - 1),
                        Arbitraries.integers()
                                .between(0, 10_000)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(4),
                        Arbitraries.integers().between(1, 255))
                .as((which, where, xor) -> {
                    byte[] b = templates[which].clone();
                    for (int i : where) {
                        b[i % b.length] ^= (byte) (int) xor;
                    }
                    return b;
                });
        return Arbitraries.oneOf(random, mutated);
    }

    @Property(tries = 400)
    void noDatagram_isAnsweredWithMoreBytesThanItHad(@ForAll("datagrams") byte[] datagram) throws Exception {
        device.sendRaw(datagram);
        // a marker that is always answered (a RETRY for a fresh session): everything the landmark's
        // receive thread answered before it has arrived once the marker's answer has
        SessionId marker = new SessionId(-1, ++markers);
        device.sendRaw(MessageCodec.encode(
                Message.Hello.padded(marker, 1, Certificates.der(key.identity().certificate()), new byte[0])));
        while (true) {
            Message m = device.receive().orElseThrow(() -> new AssertionError("the marker was not answered"));
            if (m instanceof Message.Retry r && r.sessionId().equals(marker)) {
                break;
            }
        }
        assertThat(server.stats().datagrams()).isPositive();
    }
}
