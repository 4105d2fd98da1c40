package dev.locus.bench.load;

import dev.locus.agent.Agent;
import dev.locus.agent.AgentConfig;
import dev.locus.agent.MeasurementOutcome;
import dev.locus.geo.position.GeoPosition;
import dev.locus.landmark.LandmarkConfig;
import dev.locus.landmark.LandmarkServer;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The protocol load benchmark behind {@code locus bench protocol}. Everything runs in this process
 * on loopback with real UDP sockets, in two phases of equal length:
 *
 * <ol>
 *   <li>Latency: blocks of raw UDP echo pings (same datagram size as a challenge) alternate with
 *       measurement sessions of one agent against the landmark; the overhead is the landmark's
 *       recorded round trip minus the echo round trip, at the same percentile. Alternating blocks
 *       share whatever the machine is doing, so the ratio is fair.
 *   <li>Throughput: several agents run sessions back to back; verified challenge-responses per
 *       second are the landmark's count of proofs verified (receipts signed along the way).
 * </ol>
 */
public final class ProtocolBench {
    /** Size of a challenge datagram (header, session, round, nonce, 3-byte landmark id), for the echo baseline. */
    static final int CHALLENGE_BYTES = 4 + 16 + 1 + 32 + 1 + 3;

    private final Duration duration;
    private final int agents;
    private final int rounds;
    private final int verifierThreads;

    public ProtocolBench(Duration duration, int agents, int rounds, int verifierThreads) {
        if (verifierThreads < 1 || verifierThreads > 64) {
            throw new IllegalArgumentException("verifierThreads must be in [1, 64], got " + verifierThreads);
        }
        this.verifierThreads = verifierThreads;
        if (duration.toMillis() < 200) {
            throw new IllegalArgumentException("duration must be at least 200 ms, got " + duration);
        }
        if (agents < 1 || agents > 64) {
            throw new IllegalArgumentException("agents must be in [1, 64], got " + agents);
        }
        this.duration = duration;
        this.agents = agents;
        this.rounds = rounds;
    }

    public ProtocolBenchResult run() throws Exception {
        SecureRandom random = new SecureRandom();
        CertificateAuthority ca =
                CertificateAuthority.create("Bench CA", Duration.ofDays(1), InstantSource.system(), random);
        LandmarkKey lk = LandmarkKey.generate(
                ca, "lm1", "Bench landmark", GeoPosition.ofDegrees(1.3667, 103.75), Duration.ofDays(1), random);
        IdentityVerifier ids = new IdentityVerifier(ca.certificate(), Set.of(), InstantSource.system());
        List<Pkcs12DeviceKey> devices = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            devices.add(
                    Pkcs12DeviceKey.generate(ca, "BENCH-" + i, "NVIDIA H100 80GB HBM3", Duration.ofDays(1), random));
        }
        LandmarkConfig config = LandmarkConfig.builder(lk, ids)
                .rateLimit(1_000_000, 100_000) // one source IP (loopback) carries every agent
                .maxSessionsPerSource(10_000)
                .verifierThreads(verifierThreads)
                .build();
        try (LandmarkServer landmark = LandmarkServer.start(config);
                EchoServer echo = EchoServer.start()) {
            Agent agent = new Agent(AgentConfig.defaults());
            // warm-up: JIT the timed path on both sides
            runFor(
                    Duration.ofMillis(Math.min(2000, duration.toMillis() / 4)),
                    agent,
                    devices.get(0),
                    landmark,
                    echo,
                    null,
                    null,
                    null);
            List<Long> echoRtts = new ArrayList<>();
            List<Long> protocolRtts = new ArrayList<>();
            List<Long> deviceWork = new ArrayList<>();
            runFor(duration.dividedBy(2), agent, devices.get(0), landmark, echo, echoRtts, protocolRtts, deviceWork);

            long[] e = sorted(echoRtts);
            long[] p = sorted(protocolRtts);
            long[] w = sorted(deviceWork);
            double overheadP50 = (pct(p, 50) - pct(e, 50)) / 1e3;
            double overheadP99 = (pct(p, 99) - pct(e, 99)) / 1e3;

            long verifiedBefore = landmark.stats().roundsVerified();
            long receiptsBefore = landmark.stats().receiptsIssued();
            long t0 = System.nanoTime();
            long sessions = throughput(duration.dividedBy(2), agent, devices, landmark.localAddress());
            long elapsed = System.nanoTime() - t0;
            long verified = landmark.stats().roundsVerified() - verifiedBefore;
            long receipts = landmark.stats().receiptsIssued() - receiptsBefore;

            double verifiedPerSecond = verified / (elapsed / 1e9);
            return new ProtocolBenchResult(
                    round1(overheadP50),
                    round1(overheadP99),
                    Math.round(verifiedPerSecond),
                    round1(pct(e, 50) / 1e3),
                    round1(pct(e, 99) / 1e3),
                    round1(pct(p, 50) / 1e3),
                    round1(pct(p, 99) / 1e3),
                    round1(pct(w, 50) / 1e3),
                    round1(pct(w, 99) / 1e3),
                    e.length,
                    p.length,
                    Math.round(receipts / (elapsed / 1e9)),
                    sessions,
                    agents,
                    rounds,
                    verifierThreads,
                    duration.toMillis() / 1000.0,
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage(),
                    Runtime.version().toString(),
                    landmark.stats().rejections().toString(),
                    ProtocolBenchResult.Targets.ISSUE,
                    ProtocolBenchResult.Targets.ISSUE.met(overheadP50, overheadP99, verifiedPerSecond));
        } finally {
            devices.forEach(Pkcs12DeviceKey::close);
        }
    }

    private void runFor(
            Duration d,
            Agent agent,
            Pkcs12DeviceKey device,
            LandmarkServer landmark,
            EchoServer echo,
            List<Long> echoRtts,
            List<Long> protocolRtts,
            List<Long> deviceWork)
            throws IOException {
        long end = System.nanoTime() + d.toNanos();
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(echo.address());
            s.setSoTimeout(1000);
            byte[] payload = new byte[CHALLENGE_BYTES];
            byte[] in = new byte[256];
            DatagramPacket out = new DatagramPacket(payload, payload.length);
            DatagramPacket back = new DatagramPacket(in, in.length);
            while (System.nanoTime() < end) {
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    s.send(out);
                    back.setLength(in.length);
                    s.receive(back);
                    long rtt = System.nanoTime() - t0;
                    if (echoRtts != null) {
                        echoRtts.add(rtt);
                    }
                }
                MeasurementOutcome o = agent.measure(device, landmark.localAddress(), rounds);
                if (o instanceof MeasurementOutcome.Measured m) {
                    if (protocolRtts != null) {
                        protocolRtts.addAll(m.record().receipt().samplesNanos());
                        deviceWork.addAll(m.deviceWorkNanos());
                    }
                } else {
                    throw new IllegalStateException("benchmark session failed: " + o);
                }
            }
        }
    }

    private long throughput(Duration d, Agent agent, List<Pkcs12DeviceKey> devices, InetSocketAddress landmark)
            throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        AtomicLong sessions = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (Pkcs12DeviceKey device : devices) {
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            try {
                                if (agent.measure(device, landmark, rounds) instanceof MeasurementOutcome.Measured) {
                                    sessions.incrementAndGet();
                                } else {
                                    failures.incrementAndGet();
                                }
                            } catch (IOException e) {
                                failures.incrementAndGet();
                            }
                        }
                    },
                    "bench-agent-" + device.identity().serial());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failures.get() > 0) {
            System.err.println("locus bench: " + failures.get() + " throughput sessions failed (counted as zero)");
        }
        return sessions.get();
    }

    /** The 1-minute load average (other work on the machine skews every figure), or -1 when unknown. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long[] sorted(List<Long> v) {
        long[] a = v.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        if (a.length == 0) {
            throw new IllegalStateException("benchmark collected no samples; increase --seconds");
        }
        return a;
    }

    /** Nearest-rank percentile of a sorted array. */
    static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A raw UDP echo server: the baseline the landmark is compared against. */
    static final class EchoServer implements AutoCloseable {
        private final DatagramChannel channel;
        private final Thread thread;

        private EchoServer(DatagramChannel channel) {
            this.channel = channel;
            this.thread = new Thread(this::loop, "bench-echo");
            this.thread.setDaemon(true);
        }

        static EchoServer start() throws IOException {
            DatagramChannel ch = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
            EchoServer s = new EchoServer(ch);
            s.thread.start();
            return s;
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        private void loop() {
            ByteBuffer b = ByteBuffer.allocateDirect(2048);
            while (true) {
                try {
                    b.clear();
                    var from = channel.receive(b);
                    b.flip();
                    channel.send(b, from);
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    // keep echoing
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
