package dev.locus.demo;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.landmark.PeerMeasurement;
import dev.locus.landmark.PeerProber;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.sim.relay.DelayRelay;
import dev.locus.sim.relay.LinkDelay;
import dev.locus.wire.PeerRoundTripSubmission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo's landmarks measuring each other: each peer link is a {@link DelayRelay} holding
 * datagrams for half the real round trip between the places the two landmarks really are (not
 * where they are registered), and the measuring landmark submits the signed round trips to the
 * control plane with its own landmark token. Every landmark measures the one registered at a false
 * position, and each honest landmark measures the next, so the audit also sees consistent pairs.
 */
final class PeerMesh implements AutoCloseable {
    private record Link(DemoLandmark measuring, String measuredId, DelayRelay relay) {}

    private final List<Link> links = new ArrayList<>();
    private final Map<String, PeerProber> probers = new LinkedHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "demo-peer-probe");
        t.setDaemon(true);
        return t;
    });

    private PeerMesh() {}

    /**
     * @param honest landmarks registered where they are
     * @param misplaced a landmark registered at a false position
     * @param misplacedReally where the misplaced landmark really is
     */
    static PeerMesh open(
            List<DemoLandmark> honest,
            DemoLandmark misplaced,
            Place misplacedReally,
            LinkModel model,
            IdentityVerifier trust,
            SecureRandom random) {
        PeerMesh mesh = new PeerMesh();
        try {
            for (int i = 0; i < honest.size(); i++) {
                DemoLandmark a = honest.get(i);
                mesh.link(a, misplaced, model.between(a.place(), misplacedReally));
                DemoLandmark next = honest.get((i + 1) % honest.size());
                if (next != a) {
                    mesh.link(a, next, model.between(a.place(), next.place()));
                }
                mesh.probers.put(a.id(), new PeerProber(a.key(), trust, Duration.ofMillis(800), 2, random));
            }
        } catch (IOException e) {
            mesh.close();
            throw new UncheckedIOException("cannot open the emulated peer links", e);
        }
        return mesh;
    }

    private void link(DemoLandmark measuring, DemoLandmark measured, Optional<RoundTrip> rtt) throws IOException {
        if (rtt.isEmpty()) {
            return; // the data set has no round trip between the two servers
        }
        DelayRelay relay = DelayRelay.start(
                new InetSocketAddress("127.0.0.1", 0),
                measured.address(),
                LinkDelay.halfOf(rtt.get()),
                LinkDelay.halfOf(rtt.get()),
                "peer-" + measuring.id() + "-" + measured.id());
        links.add(new Link(measuring, measured.id(), relay));
    }

    /** Peer links, for the intro. */
    int size() {
        return links.size();
    }

    /**
     * Measures every link once and submits what was measured, one batch per measuring landmark.
     *
     * @param tokens landmark id to its LANDMARK token
     * @return round trips accepted by the control plane
     */
    int probeAndSubmit(ControlPlaneClient client, Map<String, String> tokens) {
        // All links at once, then every submission back to back: the audit sees the mesh whole.
        List<Future<Optional<PeerMeasurement>>> runs = new ArrayList<>();
        for (Link l : links) {
            runs.add(pool.submit(() -> {
                try {
                    return Optional.of(
                            probers.get(l.measuring().id()).measure(l.relay().address(), 2));
                } catch (IOException e) {
                    return Optional.<PeerMeasurement>empty();
                }
            }));
        }
        Map<String, List<PeerRoundTripSubmission>> byLandmark = new LinkedHashMap<>();
        for (int i = 0; i < links.size(); i++) {
            Optional<PeerMeasurement> m;
            try {
                m = runs.get(i).get();
            } catch (ExecutionException e) {
                throw new DemoException("peer probe failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            if (m.isPresent() && m.get() instanceof PeerMeasurement.Measured measured) {
                byLandmark
                        .computeIfAbsent(links.get(i).measuring().id(), k -> new ArrayList<>())
                        .add(PeerRoundTripSubmission.of(measured.receipt()));
            }
        }
        int accepted = 0;
        for (Map.Entry<String, List<PeerRoundTripSubmission>> e : byLandmark.entrySet()) {
            accepted += client.post("/api/v1/landmark-round-trips", tokens.get(e.getKey()), e.getValue())
                    .path("accepted")
                    .asInt();
        }
        return accepted;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (Link l : links) {
            l.relay().close();
        }
        links.clear();
    }
}
