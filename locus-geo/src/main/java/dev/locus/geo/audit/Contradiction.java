package dev.locus.geo.audit;

import dev.locus.geo.position.Distance;

/**
 * A pair of landmarks whose round trip is shorter than light allows between their published
 * positions: at least one of the two positions is wrong.
 *
 * @param pair the measurement
 * @param publishedDistance distance between the published positions (WGS84 geodesic)
 * @param maxDistance the farthest the round trip allows under the speed of light
 */
public record Contradiction(PeerRoundTrip pair, Distance publishedDistance, Distance maxDistance) {

    /** How far the published positions are beyond what light allows. */
    public Distance excess() {
        return Distance.ofKm(publishedDistance.km() - maxDistance.km());
    }
}
