package dev.locus.demo;

import dev.locus.geo.bound.RoundTrip;
import dev.locus.sim.latency.LatencyDataset;
import java.util.Optional;

/**
 * Round trips of the emulated links: the real minimum round trip measured between the two servers
 * standing for the places (WonderProxy, 2020-07-19), or, for two things at the same place (a chip
 * in the data centre that hosts the landmark), a modelled metro link of {@link #LOCAL}. A relay
 * through a proxy adds both legs.
 */
final class LinkModel {

    /** Modelled round trip inside one metro area (labelled as a model wherever shown). */
    static final RoundTrip LOCAL = RoundTrip.ofMillis(0.25);

    private final LatencyDataset data;

    LinkModel(LatencyDataset data) {
        this.data = data;
    }

    /** The round trip between two places, if the data set measured it. */
    Optional<RoundTrip> between(Place a, Place b) {
        if (a.host().id().equals(b.host().id())) {
            return Optional.of(LOCAL);
        }
        return data.minRoundTrip(a.host().id(), b.host().id());
    }

    /** The round trip from {@code chip} to {@code landmark} when every packet goes through {@code proxy}. */
    Optional<RoundTrip> via(Place chip, Place proxy, Place landmark) {
        Optional<RoundTrip> first = between(chip, proxy);
        Optional<RoundTrip> second = between(proxy, landmark);
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RoundTrip.ofNanos(first.get().nanos() + second.get().nanos()));
    }
}
