package dev.locus.demo;

import dev.locus.agent.Agent;
import dev.locus.agent.MeasurementOutcome;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.wire.ReceiptSubmission;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One chip of the demo fleet: its device key (issued by the demo manufacturer CA), the agent token
 * bound to its serial, where it runs, and the emulated links from there to the landmarks. A
 * measurement cycle times every reachable landmark through the real protocol over UDP and submits
 * the landmark-signed receipts to the control plane. Thread-confined to one worker at a time.
 */
final class DemoChip implements AutoCloseable {

    static final int ROUNDS = 5;

    final String serial;
    final String model;
    final String siteId;
    final String story;
    final Pkcs12DeviceKey key;
    final String agentToken;
    private volatile ChipState state;
    private Links links;
    private Links cloneLinks;

    DemoChip(String serial, String model, String siteId, String story, Pkcs12DeviceKey key, String agentToken) {
        this.serial = serial;
        this.model = model;
        this.siteId = siteId;
        this.story = story;
        this.key = key;
        this.agentToken = agentToken;
    }

    ChipState state() {
        return state;
    }

    /** Moves the chip (and any decoy) to a new state, rebuilding its links. */
    synchronized void apply(ChipState next, List<DemoLandmark> landmarks, LinkModel model) {
        close();
        state = next;
        links = Links.open(serial, next.place(), next.proxy(), landmarks, model);
        if (next.cloneAt().isPresent()) {
            cloneLinks =
                    Links.open(serial + "-decoy", next.cloneAt().get(), java.util.Optional.empty(), landmarks, model);
        }
    }

    /**
     * Measures every reachable landmark once (and, with a decoy, the decoy answers the landmark
     * nearest to it) and submits the receipts. Returns how many receipts were accepted.
     */
    synchronized int measureAndSubmit(Agent agent, ControlPlaneClient client) throws IOException {
        if (state.silent()) {
            return 0;
        }
        List<Object> receipts = new ArrayList<>();
        for (Map.Entry<String, InetSocketAddress> t : links.targets().entrySet()) {
            measure(agent, t.getValue(), receipts);
        }
        if (cloneLinks != null) {
            // The decoy answers the landmark it is nearest to.
            var nearest = cloneLinks.targets().entrySet().stream()
                    .min(java.util.Comparator.comparingLong(
                            e -> cloneLinks.emulatedRoundTrip(e.getKey()).nanos()));
            if (nearest.isPresent()) {
                measure(agent, nearest.get().getValue(), receipts);
            }
        }
        if (receipts.isEmpty()) {
            return 0;
        }
        return client.post("/api/v1/receipts", agentToken, receipts)
                .path("accepted")
                .asInt();
    }

    private void measure(Agent agent, InetSocketAddress target, List<Object> out) throws IOException {
        if (agent.measure(key, target, ROUNDS) instanceof MeasurementOutcome.Measured m) {
            out.add(ReceiptSubmission.of(m.record().signedReceipt()));
        }
    }

    /** The given percentile (0..100) of the delay the chip's relays added beyond the emulated one (worst link). */
    synchronized long relayOvershootNanos(double percentile) {
        return links == null ? 0 : links.overshootNanos(percentile);
    }

    @Override
    public synchronized void close() {
        if (links != null) {
            links.close();
            links = null;
        }
        if (cloneLinks != null) {
            cloneLinks.close();
            cloneLinks = null;
        }
    }
}
