package dev.locus.demo;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.sim.relay.DelayRelay;
import dev.locus.sim.relay.LinkDelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated links from one answering party (a chip, or a decoy with a copied key) to the
 * landmarks it can reach: one {@link DelayRelay} per landmark holding every datagram for half the
 * link's round trip each way. Landmarks farther than {@link #MAX_RTT_MS} are not measured, as an
 * operator would not deploy them for that chip. Closed and rebuilt when the party moves.
 */
final class Links implements AutoCloseable {

    static final double MAX_RTT_MS = 80;

    private final Map<String, DelayRelay> relays = new LinkedHashMap<>();
    private final Map<String, RoundTrip> emulated = new LinkedHashMap<>();

    private Links() {}

    /** Links from {@code place} (through {@code proxy}, if any) to every landmark within reach. */
    static Links open(String owner, Place place, Optional<Place> proxy, List<DemoLandmark> landmarks, LinkModel model) {
        Links links = new Links();
        try {
            for (DemoLandmark l : landmarks) {
                Optional<RoundTrip> rtt =
                        proxy.isPresent() ? model.via(place, proxy.get(), l.place()) : model.between(place, l.place());
                if (rtt.isEmpty() || rtt.get().millis() > MAX_RTT_MS) {
                    continue;
                }
                DelayRelay relay = DelayRelay.start(
                        new InetSocketAddress("127.0.0.1", 0),
                        l.address(),
                        LinkDelay.halfOf(rtt.get()),
                        LinkDelay.halfOf(rtt.get()),
                        owner + "-" + l.id());
                links.relays.put(l.id(), relay);
                links.emulated.put(l.id(), rtt.get());
            }
        } catch (IOException e) {
            links.close();
            throw new UncheckedIOException("cannot open the emulated links of " + owner, e);
        }
        return links;
    }

    /** Landmark id to the relay address standing for the path to it. */
    Map<String, InetSocketAddress> targets() {
        Map<String, InetSocketAddress> out = new LinkedHashMap<>();
        relays.forEach((id, r) -> out.put(id, r.address()));
        return out;
    }

    RoundTrip emulatedRoundTrip(String landmarkId) {
        return emulated.get(landmarkId);
    }

    /** A percentile of the delay the relays' own scheduling added beyond the emulated one (worst relay), in ns. */
    long overshootNanos(double percentile) {
        long max = 0;
        for (DelayRelay r : relays.values()) {
            if (r.overshoot().count() > 0) {
                max = Math.max(max, r.overshoot().percentileNanos(percentile));
            }
        }
        return max;
    }

    @Override
    public void close() {
        List<DelayRelay> all = new ArrayList<>(relays.values());
        relays.clear();
        for (DelayRelay r : all) {
            r.close();
        }
    }
}
