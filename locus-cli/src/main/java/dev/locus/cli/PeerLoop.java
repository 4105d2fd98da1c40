package dev.locus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.landmark.PeerMeasurement;
import dev.locus.landmark.PeerProber;
import dev.locus.wire.LocusClient;
import dev.locus.wire.LocusWireException;
import dev.locus.wire.PeerRoundTripSubmission;
import dev.locus.wire.WireJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code locus landmark --peers}: measures every peer once per interval and hands the signed round
 * trips to the control plane ({@code POST /api/v1/landmark-round-trips}) and/or a JSON-lines file
 * for a later bulk import. Failures are printed and retried at the next interval.
 */
final class PeerLoop implements AutoCloseable {
    private final PeerProber prober;
    private final List<InetSocketAddress> peers;
    private final int rounds;
    private final Optional<ApiOptions> api;
    private final Optional<BufferedWriter> out;
    private final PrintWriter log;
    private final ObjectMapper json = WireJson.mapper();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "peer-probe");
        t.setDaemon(true);
        return t;
    });

    PeerLoop(
            PeerProber prober,
            List<InetSocketAddress> peers,
            int rounds,
            Optional<ApiOptions> api,
            Optional<Path> outFile,
            PrintWriter log)
            throws IOException {
        this.prober = prober;
        this.peers = List.copyOf(peers);
        this.rounds = rounds;
        this.api = api;
        this.out = outFile.isEmpty()
                ? Optional.empty()
                : Optional.of(Files.newBufferedWriter(
                        outFile.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        this.log = log;
    }

    void start(long intervalSeconds) {
        scheduler.scheduleWithFixedDelay(this::probeAll, 1, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Measures every peer once and hands on what was measured; never throws. */
    void probeAll() {
        List<PeerRoundTripSubmission> measured = new ArrayList<>();
        for (InetSocketAddress peer : peers) {
            try {
                switch (prober.measure(peer, rounds)) {
                    case PeerMeasurement.Measured m -> {
                        var r = m.receipt().receipt();
                        log.printf(
                                "peer %s (%s): %.3f ms over %d rounds%n",
                                r.landmarkId(),
                                peer,
                                r.minRttNanos() / 1e6,
                                r.samplesNanos().size());
                        measured.add(PeerRoundTripSubmission.of(m.receipt()));
                    }
                    case PeerMeasurement.Failed f -> log.printf("peer %s: not measured: %s%n", peer, f.detail());
                }
            } catch (IOException | RuntimeException e) {
                log.printf("peer %s: not measured: %s%n", peer, e.getMessage());
            }
        }
        log.flush();
        if (measured.isEmpty()) {
            return;
        }
        try {
            if (out.isPresent()) {
                for (PeerRoundTripSubmission m : measured) {
                    out.get().write(json.writeValueAsString(m));
                    out.get().write('\n');
                }
                out.get().flush();
            }
            if (api.isPresent()) {
                LocusClient.Reply reply = api.get()
                        .client()
                        .post("/api/v1/landmark-round-trips", "application/json", json.writeValueAsString(measured));
                log.printf("control plane: HTTP %d %s%n", reply.status(), reply.body());
            }
        } catch (IOException | LocusWireException e) {
            log.printf("peer round trips not handed on: %s%n", e.getMessage());
        }
        log.flush();
    }

    @Override
    public void close() throws IOException {
        scheduler.shutdownNow();
        if (out.isPresent()) {
            out.get().close();
        }
    }
}
