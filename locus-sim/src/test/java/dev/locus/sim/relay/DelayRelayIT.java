package dev.locus.sim.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The relay over real loopback sockets: it holds datagrams at least their delay, and what it adds is measured. */
class DelayRelayIT {

    @Test
    void echoThroughRelay_takesAtLeastTheEmulatedRoundTrip_andReportsTheRelaysOwnAddedDelay() throws Exception {
        long oneWay = 2_000_000; // 2 ms each way
        int pings = 200;
        try (DatagramChannel echo = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                DelayRelay relay = DelayRelay.start(
                        new InetSocketAddress("127.0.0.1", 0),
                        (InetSocketAddress) echo.getLocalAddress(),
                        LinkDelay.fixed(oneWay),
                        LinkDelay.fixed(oneWay),
                        "test-link");
                DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            Thread echoer = new Thread(() -> {
                ByteBuffer b = ByteBuffer.allocate(256);
                for (int i = 0; i < pings; i++) {
                    try {
                        b.clear();
                        var from = echo.receive(b);
                        b.flip();
                        echo.send(b, from);
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            echoer.setDaemon(true);
            echoer.start();
            client.connect(relay.address());
            client.setSoTimeout(2000);
            long[] rtts = new long[pings];
            byte[] payload = new byte[64];
            byte[] in = new byte[256];
            for (int i = 0; i < pings; i++) {
                payload[0] = (byte) i;
                long t0 = System.nanoTime();
                client.send(new DatagramPacket(payload, payload.length));
                DatagramPacket p = new DatagramPacket(in, in.length);
                client.receive(p);
                rtts[i] = System.nanoTime() - t0;
                assertThat(in[0]).isEqualTo((byte) i);
            }
            // the client can read the last echo before the relay thread has counted it: wait for the count,
            // not for a time
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (relay.forwarded() < 2L * pings && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Arrays.sort(rtts);
            assertThat(rtts[0]).as("never faster than the emulated link").isGreaterThanOrEqualTo(2 * oneWay);
            long addedP50 = rtts[pings / 2] - 2 * oneWay;
            long addedP99 = rtts[(int) (pings * 0.99) - 1] - 2 * oneWay;
            System.out.printf(
                    "relay: %d pings over a 4.000 ms emulated round trip; added (relay + loopback + client) p50 %.1f us,"
                            + " p99 %.1f us; relay lateness per hop p50 %.1f us, p99 %.1f us, max %.1f us%n",
                    pings,
                    addedP50 / 1e3,
                    addedP99 / 1e3,
                    relay.overshoot().percentileNanos(50) / 1e3,
                    relay.overshoot().percentileNanos(99) / 1e3,
                    relay.overshoot().maxNanos() / 1e3);
            assertThat(relay.forwarded()).isEqualTo(2L * pings);
            assertThat(relay.overshoot().count()).isEqualTo(2L * pings);
            assertThat(relay.overshoot().percentileNanos(0))
                    .as("a datagram never leaves early")
                    .isGreaterThanOrEqualTo(0);
            // generous bound for a shared 2-core machine; typical figures are printed above
            assertThat(relay.overshoot().percentileNanos(50)).isLessThan(5_000_000);
        }
    }

    @Test
    void jitter_onlyAddsDelay_andIsReproducibleFromItsSeed() {
        LinkDelay a = LinkDelay.withJitter(1_000_000, 500_000, 42);
        LinkDelay b = LinkDelay.withJitter(1_000_000, 500_000, 42);
        for (int i = 0; i < 1000; i++) {
            long d = a.nextNanos();
            assertThat(d).isBetween(1_000_000L, 1_500_000L);
            assertThat(b.nextNanos()).isEqualTo(d);
        }
    }
}
