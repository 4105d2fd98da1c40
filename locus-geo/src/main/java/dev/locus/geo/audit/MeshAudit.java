package dev.locus.geo.audit;

import dev.locus.geo.bound.SpeedBound;
import dev.locus.geo.position.Distance;
import dev.locus.geo.verdict.Landmark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds landmarks whose published positions are physically impossible, from round trips the
 * landmarks measured to each other.
 *
 * <p>A pair whose round trip is shorter than light needs between their published positions
 * (WGS84 geodesic) cannot both be right. The audit names the smallest set of landmarks that
 * explains every such contradiction, greedily: the landmark in the most unexplained
 * contradictions (ties: larger total excess) is named suspect, its contradictions are explained,
 * repeat. A landmark contradicted by many peers is thus named rather than the peers. When only
 * isolated pairs remain (each landmark in one contradiction), nothing tells which side is wrong
 * and both are named: a verdict never rests on either. The
 * speed is always that of light in vacuum: only a physical impossibility accuses a landmark.
 * Stateless and thread-safe.
 */
public final class MeshAudit {

    private MeshAudit() {}

    public static AuditReport audit(List<Landmark> landmarks, List<PeerRoundTrip> roundTrips) {
        Map<String, Integer> peers = new HashMap<>();
        for (PeerRoundTrip p : roundTrips) {
            peers.merge(p.a().id(), 1, Integer::sum);
            peers.merge(p.b().id(), 1, Integer::sum);
        }
        return cover(landmarks, contradictions(roundTrips), peers, roundTrips.size());
    }

    /**
     * The pairs whose round trip is shorter than light needs between their published positions
     * (the landmarks' position uncertainties widen what light allows).
     */
    public static List<Contradiction> contradictions(List<PeerRoundTrip> roundTrips) {
        SpeedBound c = SpeedBound.LIGHT_IN_VACUUM;
        List<Contradiction> contradictions = new ArrayList<>();
        for (PeerRoundTrip p : roundTrips) {
            Distance published = p.a().position().geodesicDistanceTo(p.b().position());
            Distance max = Distance.ofKm(c.maxDistance(p.roundTrip()).km()
                    + p.a().positionUncertainty().km()
                    + p.b().positionUncertainty().km());
            if (published.km() > max.km() * (1 + 1e-9)) {
                contradictions.add(new Contradiction(p, published, max));
            }
        }
        return contradictions;
    }

    /**
     * The greedy cover of the given contradictions (see the class comment). Lets a caller audit
     * the mesh once and re-cover it without some landmark's round trips (e.g. a device that is
     * also a host in an evaluation).
     *
     * @param peers how many peers each landmark has round trips with (for the reasons)
     * @param pairsChecked how many pairs were measured
     */
    public static AuditReport cover(
            List<Landmark> landmarks,
            List<Contradiction> contradictions,
            Map<String, Integer> peers,
            int pairsChecked) {
        Map<String, Landmark> byId = new LinkedHashMap<>();
        for (Landmark l : landmarks) {
            byId.putIfAbsent(l.id(), l);
        }
        List<Contradiction> open = new ArrayList<>(contradictions);
        List<SuspectLandmark> suspects = new ArrayList<>();
        Set<String> named = new HashSet<>();
        while (!open.isEmpty()) {
            Map<String, List<Contradiction>> byLandmark = new HashMap<>();
            for (Contradiction x : open) {
                byLandmark
                        .computeIfAbsent(x.pair().a().id(), k -> new ArrayList<>())
                        .add(x);
                byLandmark
                        .computeIfAbsent(x.pair().b().id(), k -> new ArrayList<>())
                        .add(x);
            }
            int most = byLandmark.values().stream().mapToInt(List::size).max().orElseThrow();
            if (most == 1) {
                // Only isolated pairs are left: nothing tells which of the two is wrong, so neither
                // is trusted.
                for (Contradiction x : List.copyOf(open)) {
                    for (Landmark l : List.of(x.pair().a(), x.pair().b())) {
                        if (named.add(l.id())) {
                            List<Contradiction> mine = byLandmark.get(l.id());
                            suspects.add(new SuspectLandmark(
                                    l,
                                    reason(l, mine, peers.getOrDefault(l.id(), 0)),
                                    mine,
                                    peers.getOrDefault(l.id(), 0)));
                        }
                    }
                }
                open.clear();
                break;
            }
            String worst = byLandmark.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, List<Contradiction>>>comparingInt(
                                    e -> e.getValue().size())
                            .thenComparingDouble(e -> e.getValue().stream()
                                    .mapToDouble(x -> x.excess().km())
                                    .sum())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow()
                    .getKey();
            List<Contradiction> mine = byLandmark.get(worst);
            named.add(worst);
            open.removeAll(mine);
            Landmark l = landmarkIn(mine.get(0), worst);
            suspects.add(new SuspectLandmark(
                    l, reason(l, mine, peers.getOrDefault(worst, 0)), mine, peers.getOrDefault(worst, 0)));
        }
        List<Landmark> trusted =
                byId.values().stream().filter(l -> !named.contains(l.id())).toList();
        return new AuditReport(suspects, trusted, contradictions, pairsChecked);
    }

    private static Landmark landmarkIn(Contradiction x, String id) {
        return x.pair().a().id().equals(id) ? x.pair().a() : x.pair().b();
    }

    private static String reason(Landmark l, List<Contradiction> mine, int peers) {
        Contradiction worst = mine.stream()
                .max(Comparator.comparingDouble(x -> x.excess().km()))
                .orElseThrow();
        Landmark other = worst.pair().a().id().equals(l.id())
                ? worst.pair().b()
                : worst.pair().a();
        return String.format(
                Locale.ROOT,
                "published position %s contradicts light speed with %d of %d measured peers; worst: %s (%s) is"
                        + " %.0f km away by published positions but answered in %.3f ms, which light covers"
                        + " only %.0f km (%.0f km too far)",
                l.position(),
                mine.size(),
                peers,
                other.id(),
                other.name(),
                worst.publishedDistance().km(),
                worst.pair().roundTrip().millis(),
                worst.maxDistance().km(),
                worst.excess().km());
    }
}
