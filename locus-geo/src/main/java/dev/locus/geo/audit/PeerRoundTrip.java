package dev.locus.geo.audit;

import dev.locus.geo.GeoException;
import dev.locus.geo.bound.RoundTrip;
import dev.locus.geo.verdict.Landmark;

/**
 * A round trip measured between two landmarks (the smaller of both directions, when both exist).
 *
 * @param a one landmark
 * @param b the other, with a different id
 * @param roundTrip the measured round trip
 */
public record PeerRoundTrip(Landmark a, Landmark b, RoundTrip roundTrip) {
    public PeerRoundTrip {
        if (a == null || b == null || roundTrip == null) {
            throw new GeoException("peer round trip needs two landmarks and a round trip");
        }
        if (a.id().equals(b.id())) {
            throw new GeoException("peer round trip needs two different landmarks, got " + a.id() + " twice");
        }
    }
}
