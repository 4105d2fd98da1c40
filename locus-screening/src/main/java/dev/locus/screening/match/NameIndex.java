package dev.locus.screening.match;

import dev.locus.screening.list.ListEntry;
import dev.locus.screening.list.ListName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidate generation without scanning the entries: an inverted index from blocking keys to
 * names. A token's keys are the token itself and, from four letters on, every variant with one
 * letter deleted (so any one substitution, insertion, deletion or swap of neighbours still meets a
 * key, as in SymSpell); two neighbouring tokens run together are keyed too (moved spaces). A query
 * collects names per key weighted by the key's rarity and keeps the best few. Immutable after
 * construction; {@link #candidates} is thread-safe.
 */
final class NameIndex {
    static final int MIN_DELETE_LENGTH = 4;

    private final List<IndexedName> names;
    /** key → the names under it and the key's rarity weight. */
    private final Map<String, Posting> postings;

    private record Posting(int[] ids, float weight) {}

    private final Map<String, Integer> documentFrequency;
    private final double maxWeight;
    private final int total;
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final float[] score;
        final int[] stamp;
        final int[] touched;
        int generation;

        Scratch(int n) {
            score = new float[n];
            stamp = new int[n];
            touched = new int[n];
        }
    }

    NameIndex(List<ListEntry> entries) {
        this(entries, null);
    }

    /**
     * An index over {@code entries} whose token weights come from {@code weightsFrom} (a larger
     * index, so a delta index scores like the full one), or from these entries when null.
     */
    NameIndex(List<ListEntry> entries, NameIndex weightsFrom) {
        List<IndexedName> all = new ArrayList<>();
        List<NormalizedName> normalized = new ArrayList<>();
        List<int[]> meta = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            Set<String> seen = new HashSet<>();
            for (ListName n : entries.get(e).names()) {
                NormalizedName nn = NameNormalizer.normalize(n.value());
                if (nn.isEmpty() || !seen.add(nn.toString())) {
                    continue;
                }
                normalized.add(nn);
                meta.add(new int[] {e, n.kind().ordinal()});
                for (String t : new HashSet<>(nn.tokens())) {
                    df.merge(t, 1, Integer::sum);
                }
            }
        }
        this.documentFrequency = weightsFrom == null ? df : weightsFrom.documentFrequency;
        this.total = weightsFrom == null ? normalized.size() : weightsFrom.total;
        int total = this.total;
        this.maxWeight = weightOf(0, total);
        Map<String, List<Integer>> keys = new HashMap<>();
        for (int i = 0; i < normalized.size(); i++) {
            NormalizedName nn = normalized.get(i);
            String[] tokens = nn.tokens().toArray(String[]::new);
            double[] weights = new double[tokens.length];
            for (int t = 0; t < tokens.length; t++) {
                weights[t] = weightOf(documentFrequency.getOrDefault(tokens[t], 0), total);
            }
            int[] m = meta.get(i);
            ListEntry entry = entries.get(m[0]);
            String original = entry.names().stream()
                    .filter(n -> NameNormalizer.normalize(n.value()).toString().equals(nn.toString()))
                    .findFirst()
                    .map(ListName::value)
                    .orElse(nn.toString());
            all.add(new IndexedName(
                    m[0],
                    dev.locus.screening.list.NameKind.values()[m[1]],
                    original,
                    tokens,
                    weights,
                    nn.compact(),
                    nn.legalForms().toArray(String[]::new)));
            Set<String> own = new HashSet<>();
            for (int t = 0; t < tokens.length; t++) {
                addKeys(tokens[t], own);
                if (t + 1 < tokens.length) {
                    addKeys(tokens[t] + tokens[t + 1], own);
                }
            }
            for (String k : own) {
                keys.computeIfAbsent(k, x -> new ArrayList<>(2)).add(i);
            }
        }
        this.names = List.copyOf(all);
        Map<String, Posting> frozen = new HashMap<>(keys.size() * 2);
        keys.forEach((k, v) -> frozen.put(
                k, new Posting(v.stream().mapToInt(Integer::intValue).toArray(), (float) weightOf(v.size(), total))));
        this.postings = frozen;
        int n = all.size();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    /** Rarity weight of a token found in {@code df} of {@code total} names: ln(1 + total / (1 + df)). */
    static double weightOf(int df, int total) {
        return Math.log1p((double) total / (1 + df));
    }

    double weight(String token) {
        Integer df = documentFrequency.get(token);
        return df == null ? maxWeight : weightOf(df, total);
    }

    IndexedName name(int id) {
        return names.get(id);
    }

    int size() {
        return names.size();
    }

    int keyCount() {
        return postings.size();
    }

    static void addKeys(String token, java.util.Collection<String> out) {
        out.add(token);
        if (token.length() >= MIN_DELETE_LENGTH) {
            for (int i = 0; i < token.length(); i++) {
                out.add(token.substring(0, i) + token.substring(i + 1));
            }
        }
    }

    /**
     * The ids of at most {@code limit} names sharing the most (rarity-weighted) blocking keys with the
     * query, best first; names reached only through keys worth less than {@code minShare} of the
     * query's total weight are dropped.
     */
    int[] candidates(NormalizedName query, int limit, double minShare) {
        Scratch s = scratch.get();
        int generation = ++s.generation;
        if (generation >= (1 << 23)) {
            Arrays.fill(s.stamp, 0);
            s.generation = generation = 1;
        }
        int touched = 0;
        List<String> tokens = query.tokens();
        double totalWeight = 0;
        List<String> keys = new ArrayList<>(32);
        for (int t = 0; t < Math.min(tokens.size(), 255); t++) {
            String token = tokens.get(t);
            double w = weight(token);
            totalWeight += w;
            keys.clear();
            addKeys(token, keys);
            if (t + 1 < tokens.size()) {
                addKeys(token + tokens.get(t + 1), keys);
            }
            // each query token counts once per name: the stamp remembers (generation, token)
            int tokenStamp = t + 1;
            for (String k : keys) {
                Posting posting = postings.get(k);
                if (posting == null) {
                    continue;
                }
                int[] ids = posting.ids;
                float kw = (float) Math.min(w, posting.weight + 1.0);
                for (int id : ids) {
                    int st = s.stamp[id];
                    if (st >>> 8 != generation) {
                        s.stamp[id] = (generation << 8) | tokenStamp;
                        s.score[id] = kw;
                        s.touched[touched++] = id;
                    } else if ((st & 0xff) < tokenStamp) {
                        s.stamp[id] = (generation << 8) | tokenStamp;
                        s.score[id] += kw;
                    }
                }
            }
        }
        float floor = (float) (minShare * totalWeight);
        int kept = 0;
        int[] best = new int[Math.min(limit, Math.max(touched, 1))];
        float[] bestScore = new float[best.length];
        for (int i = 0; i < touched; i++) {
            int id = s.touched[i];
            float sc = s.score[id];
            if (sc < floor) {
                continue;
            }
            if (kept < best.length) {
                kept++; // room left: the new candidate takes the free last place, then moves up
            } else if (!(sc > bestScore[kept - 1])) {
                continue; // full, and no better than the last kept: dropped
            }
            int j = kept - 1; // full and better: it replaces the last kept, then moves up
            while (j > 0 && bestScore[j - 1] < sc) {
                best[j] = best[j - 1];
                bestScore[j] = bestScore[j - 1];
                j--;
            }
            best[j] = id;
            bestScore[j] = sc;
        }
        return Arrays.copyOf(best, kept);
    }
}
