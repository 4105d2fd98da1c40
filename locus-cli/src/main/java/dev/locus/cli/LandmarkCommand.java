package dev.locus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.geo.position.GeoPosition;
import dev.locus.landmark.LandmarkConfig;
import dev.locus.landmark.LandmarkServer;
import dev.locus.landmark.LandmarkStats;
import dev.locus.landmark.PeerProber;
import dev.locus.landmark.Rejection;
import dev.locus.landmark.RejectionListener;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.KeyStores;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.wire.ProtocolVersion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code locus landmark}: run a landmark timing server until interrupted. */
@Command(
        name = "landmark",
        description = {
            "Run a landmark: answer devices with timed, signed challenge-responses over UDP and send signed receipts.",
            "The key store comes from 'locus ca issue-landmark'; --position must equal",
            "the certified position."
        })
public final class LandmarkCommand extends CliCommand {
    @Option(
            names = "--position",
            required = true,
            description = "Surveyed position LAT,LON (checked against the certificate).")
    String position;

    @Option(names = "--key", required = true, description = "Landmark key store (PKCS#12).")
    Path key;

    @Option(names = "--port", defaultValue = "7171", description = "UDP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    BindAddress bind;

    @Option(
            names = "--ca",
            description =
                    "CA certificate (PEM) that device certificates must chain to (default: the CA in the key store).")
    Path ca;

    @Option(names = "--revoked", description = "File of revoked device serials, one per line.")
    Path revoked;

    @Option(names = "--rejections", description = "Append every rejection to this JSON-lines file.")
    Path rejectionsFile;

    @Option(
            names = "--rate",
            defaultValue = "5000",
            description = "Datagrams per second allowed per source IP (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--verifier-threads",
            defaultValue = "1",
            description = "Threads checking proofs off the timed path.")
    int verifierThreads;

    @Option(names = "--stats-seconds", defaultValue = "10", description = "Print counters every N seconds (0: never).")
    int statsSeconds;

    @Option(
            names = "--accept-peers",
            description = "Let other landmarks of the CA measure this one (peer round trips for the mesh audit).")
    boolean acceptPeers;

    @Option(
            names = "--peers",
            split = ",",
            description =
                    "Peer landmarks HOST:PORT to measure every --peer-interval-seconds (they need --accept-peers).")
    List<String> peers = List.of();

    @Option(
            names = "--peer-interval-seconds",
            defaultValue = "60",
            description = "Seconds between measurements of the peers (default: ${DEFAULT-VALUE}).")
    long peerIntervalSeconds;

    @Option(
            names = "--peer-rounds",
            defaultValue = "8",
            description = "Timed rounds per peer measurement, 1 to " + ProtocolVersion.MAX_ROUNDS
                    + " (default: ${DEFAULT-VALUE}).")
    int peerRounds;

    @Option(
            names = "--peer-out",
            description =
                    "Append the signed peer round trips to this JSON-lines file (for ./locus landmark-round-trips).")
    Path peerOut;

    @Option(
            names = "--submit",
            description = "Post the signed peer round trips to the control plane (--server, --token-file: a LANDMARK"
                    + " token bound to this landmark).")
    boolean submit;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() throws Exception {
        char[] password = keyPassword();
        LandmarkKey lk = LandmarkKey.load(key, password);
        GeoPosition given = GeoPosition.parse(position);
        GeoPosition certified = lk.identity().position();
        if (Math.abs(given.latitudeDegrees() - certified.latitudeDegrees()) > 1e-6
                || Math.abs(given.longitudeDegrees() - certified.longitudeDegrees()) > 1e-6) {
            throw new IllegalArgumentException("--position " + position + " differs from the certified position "
                    + certified.latitudeDegrees() + "," + certified.longitudeDegrees() + " in " + key);
        }
        X509Certificate anchor;
        if (ca != null) {
            anchor = Certificates.readPem(ca).get(0);
        } else {
            var chain = KeyStores.read(key, password).chain();
            if (chain.size() < 2) {
                throw new IllegalArgumentException(key + " holds no CA certificate; give --ca ca.pem");
            }
            anchor = chain.get(chain.size() - 1);
        }
        Set<String> revokedSerials = new HashSet<>();
        if (revoked != null) {
            for (String line : Files.readAllLines(revoked)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    revokedSerials.add(line.strip());
                }
            }
        }
        RejectionFile file = rejectionsFile == null ? null : new RejectionFile(rejectionsFile);
        LandmarkConfig config = LandmarkConfig.builder(
                        lk, new IdentityVerifier(anchor, revokedSerials, InstantSource.system()))
                .bindAddress(new InetSocketAddress(bind.address, port))
                .rateLimit(rate, Math.max(1, rate / 5))
                .verifierThreads(verifierThreads)
                .rejections(file == null ? RejectionListener.none() : file)
                .acceptPeers(acceptPeers)
                .build();
        PeerLoop peerLoop = peerLoop(lk, config);
        CountDownLatch stop = new CountDownLatch(1);
        try (LandmarkServer server = LandmarkServer.start(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            out().printf(
                            "landmark %s (%s) at %s listening on udp %s; %d revoked serials%n",
                            lk.identity().id(),
                            lk.identity().name(),
                            position,
                            server.localAddress(),
                            revokedSerials.size());
            out().flush();
            while (!stop.await(statsSeconds <= 0 ? 3600 : statsSeconds, TimeUnit.SECONDS)) {
                if (statsSeconds > 0) {
                    LandmarkStats.Snapshot s = server.stats();
                    err().printf(
                                    "landmark %s: %d datagrams, %d sessions, %d rounds verified, %d receipts, rejections %s%n",
                                    lk.identity().id(),
                                    s.datagrams(),
                                    s.sessionsOpened(),
                                    s.roundsVerified(),
                                    s.receiptsIssued(),
                                    s.rejections());
                }
            }
        } finally {
            if (peerLoop != null) {
                peerLoop.close();
            }
            if (file != null) {
                file.close();
            }
        }
        return 0;
    }

    /** The peer measurements asked for, or null when --peers is empty. */
    private PeerLoop peerLoop(LandmarkKey lk, LandmarkConfig config) throws IOException {
        if (peers.isEmpty()) {
            if (submit || peerOut != null) {
                throw new IllegalArgumentException("--submit and --peer-out need --peers HOST:PORT[,HOST:PORT...]");
            }
            return null;
        }
        OptionRange.require("--peer-interval-seconds", peerIntervalSeconds, 1, 86_400);
        OptionRange.require("--peer-rounds", peerRounds, 1, ProtocolVersion.MAX_ROUNDS);
        if (!submit && peerOut == null) {
            throw new IllegalArgumentException("--peers needs --submit (to the control plane) or --peer-out FILE");
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String p : peers) {
            addresses.add(AgentCommand.parseHostPort(p));
        }
        PeerProber prober = new PeerProber(lk, config.identities(), Duration.ofMillis(500), 5, new SecureRandom());
        PeerLoop loop = new PeerLoop(
                prober,
                addresses,
                peerRounds,
                submit ? Optional.of(api) : Optional.empty(),
                Optional.ofNullable(peerOut),
                err());
        loop.start(peerIntervalSeconds);
        return loop;
    }

    /** Writes rejections on its own thread; when the queue is full, counts what it had to drop. */
    static final class RejectionFile implements RejectionListener, AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final BlockingQueue<Rejection> queue = new ArrayBlockingQueue<>(10_000);
        private final AtomicLong dropped = new AtomicLong();
        private final BufferedWriter out;
        private final Thread writer;
        private volatile boolean open = true;

        RejectionFile(Path file) throws IOException {
            out = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            writer = new Thread(this::drain, "rejection-writer");
            writer.setDaemon(true);
            writer.start();
        }

        @Override
        public void rejected(Rejection r) {
            if (!queue.offer(r)) {
                dropped.incrementAndGet();
            }
        }

        private void drain() {
            try {
                while (open || !queue.isEmpty()) {
                    Rejection r = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (r == null) {
                        out.flush();
                        continue;
                    }
                    ObjectNode o = JSON.createObjectNode();
                    o.put("at", r.at().toString());
                    o.put("source", r.source().toString());
                    o.put("reason", r.reason().name());
                    o.put("code", r.reason().code());
                    o.put("detail", r.detail());
                    r.sessionId().ifPresent(s -> o.put("sessionId", s.toHex()));
                    long d = dropped.getAndSet(0);
                    if (d > 0) {
                        o.put("droppedBefore", d);
                    }
                    out.write(JSON.writeValueAsString(o));
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                System.getLogger(RejectionFile.class.getName())
                        .log(System.Logger.Level.ERROR, "rejections file failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            open = false;
            try {
                writer.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.close();
        }
    }
}
