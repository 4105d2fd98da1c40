package dev.locus.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageCodec;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.RejectReason;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent over real UDP against a scripted landmark (the real one lives in locus-landmark, which
 * the agent must not depend on): it answers challenges, and refuses receipts that do not check out.
 */
class AgentIT {
    private final SecureRandom random = new SecureRandom(new byte[] {5});
    private final CertificateAuthority ca =
            CertificateAuthority.create("Test CA", Duration.ofDays(1), InstantSource.system(), random);
    private final LandmarkKey landmark = LandmarkKey.generate(
            ca, "sg1", "Singapore", GeoPosition.ofDegrees(1.3667, 103.75), Duration.ofDays(1), random);
    private final LandmarkKey impostor = LandmarkKey.generate(
            ca, "sg1", "Singapore", GeoPosition.ofDegrees(1.3667, 103.75), Duration.ofDays(1), random);
    private final Pkcs12DeviceKey device =
            Pkcs12DeviceKey.generate(ca, "SN-1", "NVIDIA H100 80GB HBM3", Duration.ofDays(1), random);
    private final Agent agent = new Agent(
            AgentConfig.defaults().withAnswerTimeout(Duration.ofMillis(200)).withMaxRetries(2));
    private DatagramChannel fake;

    @AfterEach
    void close() throws Exception {
        if (fake != null) {
            fake.close();
        }
    }

    private InetSocketAddress startFake(Script script) throws Exception {
        fake = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        CompletableFuture.runAsync(() -> {
            try {
                script.run(fake);
            } catch (Exception e) {
                // the channel was closed by the test
            }
        });
        return (InetSocketAddress) fake.getLocalAddress();
    }

    interface Script {
        void run(DatagramChannel ch) throws Exception;
    }

    private static Message receive(DatagramChannel ch, SocketAddress[] from) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4096);
        from[0] = ch.receive(b);
        b.flip();
        return ((Decoded.Accepted<Message>) MessageCodec.decode(b)).value();
    }

    /** Plays one honest round, then sends a receipt signed with {@code signer}. */
    private Script oneRound(LandmarkKey signer) {
        return ch -> {
            SocketAddress[] from = new SocketAddress[1];
            Message.Hello hello = (Message.Hello) receive(ch, from);
            answerOneRound(ch, from, hello, signer);
        };
    }

    private void oneRoundAfterHello(DatagramChannel ch, SocketAddress from, Message.Hello hello) throws Exception {
        answerOneRound(ch, new SocketAddress[] {from}, hello, landmark);
    }

    private void answerOneRound(DatagramChannel ch, SocketAddress[] from, Message.Hello hello, LandmarkKey signer)
            throws Exception {
        {
            Nonce nonce = Nonce.random(random);
            ch.send(
                    ByteBuffer.wrap(MessageCodec.encode(new Message.Challenge(hello.sessionId(), 0, nonce, "sg1"))),
                    from[0]);
            Message.Response r = (Message.Response) receive(ch, from);
            Receipt receipt = new Receipt(
                    ProtocolVersion.RECEIPT_FORMAT,
                    "sg1",
                    landmark.identity().position(),
                    signer.identity().fingerprint(),
                    "SN-1",
                    "NVIDIA H100 80GB HBM3",
                    device.identity().fingerprint(),
                    hello.sessionId(),
                    0,
                    r.nonce(),
                    123_456,
                    List.of(123_456L),
                    Instant.now(),
                    Instant.now(),
                    r.signature().toArray());
            byte[] signed = SignedReceipt.sign(receipt, signer).encoded();
            ch.send(
                    ByteBuffer.wrap(MessageCodec.encode(new Message.ReceiptMessage(
                            hello.sessionId(),
                            signed,
                            Certificates.der(landmark.identity().certificate())))),
                    from[0]);
        }
    }

    @Test
    void answersTheChallenge_andKeepsAReceiptThatChecksOut() throws Exception {
        MeasurementOutcome o = agent.measure(device, startFake(oneRound(landmark)), 1);
        assertThat(o).isInstanceOf(MeasurementOutcome.Measured.class);
        MeasurementOutcome.Measured m = (MeasurementOutcome.Measured) o;
        assertThat(m.record().receipt().minRttNanos()).isEqualTo(123_456);
        assertThat(m.deviceWorkNanos())
                .hasSize(1)
                .allSatisfy(ns -> assertThat(ns).isPositive());
    }

    @Test
    void landmarkAskingForACookie_getsThePaddedHelloAgainWithIt() throws Exception {
        byte[] cookie = {7, 7, 7, 7};
        java.util.concurrent.CopyOnWriteArrayList<Integer> helloSizes =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CopyOnWriteArrayList<byte[]> cookies = new java.util.concurrent.CopyOnWriteArrayList<>();
        InetSocketAddress at = startFake(ch -> {
            ByteBuffer b = ByteBuffer.allocate(4096);
            SocketAddress from = ch.receive(b);
            b.flip();
            helloSizes.add(b.remaining());
            Message.Hello first = (Message.Hello) ((Decoded.Accepted<Message>) MessageCodec.decode(b)).value();
            cookies.add(first.cookie().toArray());
            ch.send(ByteBuffer.wrap(MessageCodec.encode(new Message.Retry(first.sessionId(), cookie))), from);
            b.clear();
            ch.receive(b);
            b.flip();
            helloSizes.add(b.remaining());
            Message.Hello second =
                    (Message.Hello) ((Decoded.Accepted<Message>) MessageCodec.decode(b.duplicate())).value();
            cookies.add(second.cookie().toArray());
            // replay the second HELLO to the one-round script, which answers it
            oneRoundAfterHello(ch, from, second);
        });
        MeasurementOutcome o = agent.measure(device, at, 1);
        assertThat(o).isInstanceOf(MeasurementOutcome.Measured.class);
        assertThat(helloSizes).containsExactly(ProtocolVersion.MIN_HELLO_BYTES, ProtocolVersion.MIN_HELLO_BYTES);
        assertThat(cookies.get(0)).isEmpty();
        assertThat(cookies.get(1)).isEqualTo(cookie);
    }

    @Test
    void receiptSignedByAnotherKey_isRefusedAsBadReceipt() throws Exception {
        MeasurementOutcome o = agent.measure(device, startFake(oneRound(impostor)), 1);
        assertThat(o).isInstanceOf(MeasurementOutcome.Failed.class);
        MeasurementOutcome.Failed f = (MeasurementOutcome.Failed) o;
        assertThat(f.kind()).isEqualTo(MeasurementOutcome.FailureKind.BAD_RECEIPT);
    }

    @Test
    void landmarkRefusal_isReportedWithItsReason() throws Exception {
        InetSocketAddress at = startFake(ch -> {
            SocketAddress[] from = new SocketAddress[1];
            Message.Hello hello = (Message.Hello) receive(ch, from);
            ch.send(
                    ByteBuffer.wrap(MessageCodec.encode(new Message.Reject(
                            hello.sessionId(), RejectReason.REVOKED_DEVICE, "device serial SN-1 is revoked"))),
                    from[0]);
        });
        MeasurementOutcome o = agent.measure(device, at, 1);
        assertThat(o)
                .isEqualTo(new MeasurementOutcome.Failed(
                        MeasurementOutcome.FailureKind.REJECTED,
                        Optional.of(RejectReason.REVOKED_DEVICE),
                        "device serial SN-1 is revoked"));
    }

    @Test
    void silentLandmark_timesOutAfterItsRetries_resendingHello() throws Exception {
        AtomicInteger hellos = new AtomicInteger();
        InetSocketAddress at = startFake(ch -> {
            SocketAddress[] from = new SocketAddress[1];
            while (true) {
                if (receive(ch, from) instanceof Message.Hello) {
                    hellos.incrementAndGet();
                }
            }
        });
        MeasurementOutcome o = agent.measure(device, at, 1);
        assertThat(((MeasurementOutcome.Failed) o).kind()).isEqualTo(MeasurementOutcome.FailureKind.TIMEOUT);
        // the agent sent all three before giving up; wait for the fake to have read them, not for a time
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (hellos.get() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(hellos.get()).isEqualTo(3); // the first and two retries
    }
}
