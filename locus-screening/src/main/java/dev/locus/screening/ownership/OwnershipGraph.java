package dev.locus.screening.ownership;

import dev.locus.screening.ScreeningException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The direct equity links active on one date, and aggregate (indirect) ownership over them.
 *
 * <p>Aggregate share of a set of sources S in party v: multiply along chains, sum across paths,
 * where a chain stops at the first source it meets (so no unit of equity is counted twice). It is
 * the solution of {@code s(b) = 1 for b in S; s(v) = Σ_u s(u)·a(u,v)} for every other v, with
 * {@code a(u,v)} the fraction of v held by u. Solved exactly by Gaussian elimination over the
 * parties reachable from S. Because each party's owners hold at most 100 % (checked), every s(v) is
 * a weighted average of values ≤ 1 and so ≤ 1; cycles are fine: a cycle reachable from S that S
 * does not close has a column summing below 1 inside it, so the spectral radius of the system is
 * below 1 and the solution unique (and equal to the sum over all walks). Immutable.
 */
public final class OwnershipGraph {
    private static final double EPS = 1e-9;

    private final LocalDate date;
    /** owned → (owner → fraction) */
    private final Map<String, Map<String, Double>> owners = new HashMap<>();
    /** owner → (owned → fraction) */
    private final Map<String, Map<String, Double>> holdings = new HashMap<>();
    /** (owner, owned) → disclosed indirect fraction (a floor). */
    private final Map<String, Map<String, Double>> disclosedIndirect = new HashMap<>();

    private OwnershipGraph(LocalDate date) {
        this.date = date;
    }

    /**
     * The links active on {@code date}; several active links between the same two parties add up.
     *
     * @throws ScreeningException if a party's active owners hold more than 100 % on that date
     */
    public static OwnershipGraph on(Collection<OwnershipLink> links, LocalDate date) {
        OwnershipGraph g = new OwnershipGraph(date);
        for (OwnershipLink l : links) {
            if (!l.activeOn(date) || l.percent() <= 0) {
                continue;
            }
            double f = l.percent() / 100.0;
            if (l.direct()) {
                g.owners.computeIfAbsent(l.owned(), k -> new LinkedHashMap<>()).merge(l.owner(), f, Double::sum);
                g.holdings
                        .computeIfAbsent(l.owner(), k -> new LinkedHashMap<>())
                        .merge(l.owned(), f, Double::sum);
            } else {
                g.disclosedIndirect
                        .computeIfAbsent(l.owner(), k -> new HashMap<>())
                        .merge(l.owned(), f, Math::max);
            }
        }
        for (Map.Entry<String, Map<String, Double>> e : g.owners.entrySet()) {
            double total = e.getValue().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            if (total > 1 + EPS) {
                throw new ScreeningException(String.format(
                        java.util.Locale.ROOT,
                        "ownership of %s on %s: direct owners hold %.4f %% (more than 100 %%): %s",
                        e.getKey(),
                        date,
                        total * 100,
                        e.getValue()));
            }
        }
        return g;
    }

    public LocalDate date() {
        return date;
    }

    /** Direct owners of a party with their fractions (0..1). */
    public Map<String, Double> ownersOf(String party) {
        return owners.getOrDefault(party, Map.of());
    }

    /** Sum of the direct owners' fractions (0..1). */
    public double disclosedShare(String party) {
        return ownersOf(party).values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    /** Aggregate fraction (0..1) of {@code owned} held by {@code owner}, directly or indirectly. */
    public double aggregateShare(String owner, String owned) {
        double computed = aggregateShares(Set.of(owner)).getOrDefault(owned, 0.0);
        double floor = disclosedIndirect.getOrDefault(owner, Map.of()).getOrDefault(owned, 0.0);
        return Math.max(computed, floor);
    }

    /**
     * Aggregate fraction held by the set of sources together, for every party they reach (sources
     * themselves map to 1).
     */
    public Map<String, Double> aggregateShares(Set<String> sources) {
        List<String> reach = new ArrayList<>();
        Set<String> seen = new HashSet<>(sources);
        Deque<String> queue = new ArrayDeque<>(sources);
        while (!queue.isEmpty()) {
            String u = queue.poll();
            for (String v : holdings.getOrDefault(u, Map.of()).keySet()) {
                if (seen.add(v)) {
                    reach.add(v);
                    queue.add(v);
                }
            }
        }
        Map<String, Double> out = new HashMap<>();
        for (String s : sources) {
            out.put(s, 1.0);
        }
        int n = reach.size();
        if (n == 0) {
            return out;
        }
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) {
            idx.put(reach.get(i), i);
        }
        // (I - A_RR^T) s = b, with b(v) = Σ_{source} a(source, v)
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            String v = reach.get(i);
            m[i][i] = 1.0;
            for (Map.Entry<String, Double> o : ownersOf(v).entrySet()) {
                if (sources.contains(o.getKey())) {
                    m[i][n] += o.getValue();
                } else {
                    Integer j = idx.get(o.getKey());
                    if (j != null) {
                        m[i][j] -= o.getValue();
                    }
                }
            }
        }
        double[] s = solve(m, n);
        for (int i = 0; i < n; i++) {
            out.put(reach.get(i), Math.max(0, Math.min(1, s[i])));
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting on an augmented n×(n+1) matrix. */
    private static double[] solve(double[][] m, int n) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            double p = m[col][col];
            if (Math.abs(p) < 1e-15) {
                throw new IllegalStateException("singular ownership system at column " + col);
            }
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / p;
                if (factor != 0) {
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= factor * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = m[r][n];
            for (int c = r + 1; c < n; c++) {
                v -= m[r][c] * x[c];
            }
            x[r] = v / m[r][r];
        }
        return x;
    }

    /**
     * Simple paths from any source to {@code target} with the product of their fractions, largest
     * first (at most {@code limit}); a path stops at the first source it meets from the target's side.
     */
    public List<OwnershipPath> paths(Set<String> sources, String target, int limit) {
        List<OwnershipPath> out = new ArrayList<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(target);
        walkUp(target, 1.0, sources, stack, new ArrayList<>(), out, new HashSet<>(List.of(target)));
        out.sort((a, b) -> Double.compare(b.share(), a.share()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    private void walkUp(
            String at,
            double product,
            Set<String> sources,
            Deque<String> chain,
            List<Double> shares,
            List<OwnershipPath> out,
            Set<String> onPath) {
        if (out.size() > 10_000) {
            return;
        }
        for (Map.Entry<String, Double> o : ownersOf(at).entrySet()) {
            String owner = o.getKey();
            if (onPath.contains(owner)) {
                continue;
            }
            double p = product * o.getValue();
            List<Double> s2 = new ArrayList<>(shares);
            s2.add(0, o.getValue());
            chain.push(owner);
            if (sources.contains(owner)) {
                out.add(new OwnershipPath(
                        List.copyOf(chain), s2.stream().map(x -> x * 100).toList(), p * 100));
            } else {
                onPath.add(owner);
                walkUp(owner, p, sources, chain, s2, out, onPath);
                onPath.remove(owner);
            }
            chain.pop();
        }
    }
}
