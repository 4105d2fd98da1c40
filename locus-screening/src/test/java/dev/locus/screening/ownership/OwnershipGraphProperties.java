package dev.locus.screening.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of aggregate ownership on random graphs, cycles included. */
class OwnershipGraphProperties {
    static final LocalDate ON = LocalDate.of(2025, 7, 1);

    /** Random links among n parties; each party's owners together hold at most 100 %. */
    static List<OwnershipLink> randomLinks(long seed, int n, int edges) {
        Random r = new Random(seed);
        Map<Integer, Double> held = new HashMap<>();
        List<OwnershipLink> links = new ArrayList<>();
        for (int k = 0; k < edges; k++) {
            int owner = r.nextInt(n);
            int owned = r.nextInt(n);
            if (owner == owned) {
                continue;
            }
            double room = 100 - held.getOrDefault(owned, 0.0);
            if (room < 1) {
                continue;
            }
            double pct = Math.min(room, 1 + r.nextDouble() * 99);
            held.merge(owned, pct, Double::sum);
            links.add(OwnershipLink.direct("p" + owner, "p" + owned, pct, ON));
        }
        return links;
    }

    @Property(tries = 300)
    void aggregateShare_isNeverAbove100Percent(@ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int n) {
        OwnershipGraph g = OwnershipGraph.on(randomLinks(seed, n, 3 * n), ON);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    assertThat(g.aggregateShare("p" + a, "p" + b)).isBetween(0.0, 1.0 + 1e-12);
                }
            }
        }
    }

    @Property(tries = 300)
    void cyclesTerminate_andTheSolutionIsTheFixedPoint(@ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int n) {
        OwnershipGraph g = OwnershipGraph.on(randomLinks(seed, n, 4 * n), ON);
        Map<String, Double> s = g.aggregateShares(Set.of("p0"));
        for (Map.Entry<String, Double> e : s.entrySet()) {
            if (e.getKey().equals("p0")) {
                continue;
            }
            double expected = g.ownersOf(e.getKey()).entrySet().stream()
                    .mapToDouble(o -> s.getOrDefault(o.getKey(), 0.0) * o.getValue())
                    .sum();
            assertThat(e.getValue()).isCloseTo(Math.min(1, expected), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Property(tries = 300)
    void addingALink_neverLowersAShare(@ForAll long seed, @ForAll @IntRange(min = 3, max = 9) int n) {
        List<OwnershipLink> links = randomLinks(seed, n, 3 * n);
        OwnershipGraph before = OwnershipGraph.on(links, ON);
        Random r = new Random(seed ^ 0x5DEECE66DL);
        int owner = r.nextInt(n);
        int owned = (owner + 1 + r.nextInt(n - 1)) % n;
        double room = 100 - before.disclosedShare("p" + owned) * 100;
        if (room < 1e-6) {
            return;
        }
        List<OwnershipLink> more = new ArrayList<>(links);
        more.add(OwnershipLink.direct("p" + owner, "p" + owned, room * r.nextDouble(), ON));
        OwnershipGraph after = OwnershipGraph.on(more, ON);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    assertThat(after.aggregateShare("p" + a, "p" + b))
                            .isGreaterThanOrEqualTo(before.aggregateShare("p" + a, "p" + b) - 1e-9);
                }
            }
        }
    }
}
