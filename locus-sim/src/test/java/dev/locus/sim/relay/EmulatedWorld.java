package dev.locus.sim.relay;

import dev.locus.agent.Agent;
import dev.locus.agent.AgentConfig;
import dev.locus.agent.MeasurementOutcome;
import dev.locus.boundaries.NaturalEarth;
import dev.locus.geo.jurisdiction.Jurisdictions;
import dev.locus.geo.position.GeoPosition;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verifier;
import dev.locus.landmark.LandmarkConfig;
import dev.locus.landmark.LandmarkServer;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.receipt.CloneDetector;
import dev.locus.protocol.receipt.ReceiptAssessor;
import dev.locus.protocol.receipt.ReceiptRecord;
import dev.locus.protocol.receipt.ReceiptVerifier;
import dev.locus.sim.latency.Host;
import dev.locus.sim.latency.LatencyDataset;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Emulated geography for integration tests: real landmark servers at the published positions of
 * real hosts (WonderProxy data bundled in locus-sim), reached through {@link DelayRelay} links whose
 * delays come from the measured round trips. Everything is on 127.0.0.1.
 */
final class EmulatedWorld implements AutoCloseable {
    static final LatencyDataset DATA = LatencyDataset.bundled();
    private static Jurisdictions jurisdictions;

    final SecureRandom random = seeded(2020_07_19);
    final CertificateAuthority ca =
            CertificateAuthority.create("Scenario CA", Duration.ofDays(1), InstantSource.system(), random);
    final IdentityVerifier identities = new IdentityVerifier(ca.certificate(), Set.of(), InstantSource.system());
    final Map<String, LandmarkServer> landmarks = new LinkedHashMap<>();
    final List<DelayRelay> relays = new ArrayList<>();

    static synchronized Jurisdictions jurisdictions() {
        if (jurisdictions == null) {
            jurisdictions = NaturalEarth.bundled();
        }
        return jurisdictions;
    }

    static Host host(String id) {
        return DATA.host(id).orElseThrow(() -> new AssertionError("host " + id + " is in the bundled data"));
    }

    /** Starts a landmark at the published position of a host. */
    LandmarkServer landmarkAt(String hostId) throws IOException {
        Host h = host(hostId);
        LandmarkKey key = LandmarkKey.generate(ca, "lm-" + hostId, h.name(), h.position(), Duration.ofDays(1), random);
        LandmarkServer s =
                LandmarkServer.start(LandmarkConfig.builder(key, identities).build());
        landmarks.put(hostId, s);
        return s;
    }

    Pkcs12DeviceKey device(String serial) {
        return Pkcs12DeviceKey.generate(ca, serial, "NVIDIA H100 80GB HBM3", Duration.ofDays(1), random);
    }

    /** A link with this one-way delay each way in front of {@code upstream}; returns where to send. */
    DelayRelay link(InetSocketAddress upstream, long oneWayNanos, String name) throws IOException {
        DelayRelay r = DelayRelay.start(
                new InetSocketAddress("127.0.0.1", 0),
                upstream,
                LinkDelay.fixed(oneWayNanos),
                LinkDelay.fixed(oneWayNanos),
                name);
        relays.add(r);
        return r;
    }

    /** One-way nanoseconds of the measured minimum round trip between two hosts. */
    static long oneWayNanos(String a, String b) {
        return DATA.minRoundTrip(a, b)
                        .orElseThrow(() -> new AssertionError("no round trip " + a + "-" + b + " in the data"))
                        .nanos()
                / 2;
    }

    /** Measures one device against several entry points in parallel; every session must succeed. */
    List<ReceiptRecord> measure(Pkcs12DeviceKey device, List<InetSocketAddress> entries, int rounds) throws Exception {
        Agent agent = new Agent(AgentConfig.defaults().withAnswerTimeout(Duration.ofSeconds(2)));
        ExecutorService pool = Executors.newFixedThreadPool(entries.size());
        try {
            List<Future<MeasurementOutcome>> futures = new ArrayList<>();
            for (InetSocketAddress e : entries) {
                futures.add(pool.submit(() -> agent.measure(device, e, rounds)));
            }
            List<ReceiptRecord> out = new ArrayList<>();
            for (Future<MeasurementOutcome> f : futures) {
                MeasurementOutcome o = f.get();
                if (!(o instanceof MeasurementOutcome.Measured m)) {
                    throw new AssertionError("measurement failed: " + o);
                }
                out.add(m.record());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    ReceiptAssessor.Report assess(List<ReceiptRecord> records, GeoPosition declaredSite) {
        ReceiptAssessor assessor = new ReceiptAssessor(
                new ReceiptVerifier(identities),
                Verifier.of(jurisdictions()),
                Policy.DEFAULT.withToleratedLiars(0), // relay emulation, not liars: every landmark assumed honest
                new CloneDetector(1000));
        return assessor.assess(records, serial -> Optional.of(declaredSite));
    }

    @Override
    public void close() {
        relays.forEach(DelayRelay::close);
        landmarks.values().forEach(LandmarkServer::close);
    }

    static SecureRandom seeded(long seed) {
        return dev.locus.protocol.Fixtures.seeded(seed);
    }
}
