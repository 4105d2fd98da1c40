package dev.locus.screening.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a query name against one listed name in [0, 1], order-free: tokens are aligned greedily by
 * similarity (best pairs first, each token used once); each side's coverage is the rarity-weighted
 * share of its tokens matched, times how well; the name score blends the two coverages. When tokens
 * stay unmatched on both sides, a second alignment also offers neighbouring tokens run together
 * (moved spaces: "ABDUL HAI" / "ABDULHAI"). A third reading compares the names run together in
 * their given order (romanised syllables split differently). Stateless and thread-safe.
 */
final class NameScorer {
    /** Tokens less similar than this do not pair. */
    static final double MIN_TOKEN_SIMILARITY = 0.70;
    /** Weight of the query's coverage against the listed name's in the blend. */
    static final double QUERY_COVERAGE_WEIGHT = 0.5;

    private NameScorer() {}

    /** The outcome of comparing two names, with the aligned pairs for the explanation. */
    record Result(double score, double queryCoverage, double listCoverage, List<String> pairs, boolean compact) {}

    private record Alignment(Result result, int usedQ, int usedN) {}

    /** The score alone, without building the explanation. */
    static double quickScore(
            String[] qTokens, double[] qWeights, String qCompact, IndexedName n, Map<String, double[]> cache) {
        return score(qTokens, qWeights, qCompact, n, false, cache).score();
    }

    static Result score(String[] qTokens, double[] qWeights, String qCompact, IndexedName n) {
        return score(qTokens, qWeights, qCompact, n, true, new HashMap<>());
    }

    /**
     * @param cache similarities of listed tokens to the query's tokens, kept for one query: the same
     *     listed token ("mohammed", "trading") recurs across candidates
     */
    private static Result score(
            String[] qTokens,
            double[] qWeights,
            String qCompact,
            IndexedName n,
            boolean explain,
            Map<String, double[]> cache) {
        Alignment first = align(qTokens, qWeights, n.tokens(), n.weights(), false, explain, cache);
        Result best = first.result();
        if (mergeCouldHelp(first.usedQ(), qTokens.length, first.usedN(), n.tokens().length)) {
            Result merged = align(qTokens, qWeights, n.tokens(), n.weights(), true, explain, cache)
                    .result();
            if (merged.score() > best.score()) {
                best = merged;
            }
        }
        if (best.score() < 0.999) {
            double compactScore = compactSimilarity(qCompact, n.compact());
            if (compactScore > best.score()) {
                return new Result(
                        compactScore,
                        compactScore,
                        compactScore,
                        explain ? List.of(qCompact + "~" + n.compact()) : List.of(),
                        true);
            }
        }
        return best;
    }

    /** Run-together pairs can only help where one side has an unmatched token and the other two unmatched neighbours. */
    static boolean mergeCouldHelp(int usedQ, int qn, int usedN, int nn) {
        boolean freeQ = free(usedQ, qn) != 0;
        boolean freeN = free(usedN, nn) != 0;
        return (freeQ && adjacentFree(usedN, nn)) || (freeN && adjacentFree(usedQ, qn));
    }

    private static int free(int used, int n) {
        int all = n >= 31 ? -1 : (1 << Math.min(n, 30)) - 1;
        return all & ~used;
    }

    private static boolean adjacentFree(int used, int n) {
        int f = free(used, n);
        return (f & (f >>> 1)) != 0;
    }

    private static Alignment align(
            String[] qTokens,
            double[] qWeights,
            String[] nTokens,
            double[] nWeights,
            boolean merges,
            boolean explain,
            Map<String, double[]> cache) {
        int qn = Math.min(qTokens.length, 30);
        int nn = Math.min(nTokens.length, 30);
        int qItems = merges ? 2 * qn - 1 : qn;
        int nItems = merges ? 2 * nn - 1 : nn;
        String[] qText = new String[qItems];
        int[] qMask = new int[qItems];
        double[] qW = new double[qItems];
        fill(qTokens, qWeights, qn, merges, qText, qMask, qW);
        String[] nText = new String[nItems];
        int[] nMask = new int[nItems];
        double[] nW = new double[nItems];
        fill(nTokens, nWeights, nn, merges, nText, nMask, nW);
        double[] sims = new double[qItems * nItems];
        int[] order = new int[qItems * nItems];
        int count = 0;
        for (int i = 0; i < qItems; i++) {
            for (int j = 0; j < nItems; j++) {
                double s;
                if (i < qn && j < nn) {
                    double[] row = cache.get(nText[j]);
                    if (row == null) {
                        row = new double[qn];
                        java.util.Arrays.fill(row, -1);
                        cache.put(nText[j], row);
                    }
                    s = row[i];
                    if (s < 0) {
                        s = TokenSimilarity.of(qText[i], nText[j], MIN_TOKEN_SIMILARITY);
                        row[i] = s;
                    }
                } else {
                    s = TokenSimilarity.of(qText[i], nText[j], MIN_TOKEN_SIMILARITY);
                }
                if (s >= MIN_TOKEN_SIMILARITY) {
                    sims[i * nItems + j] = s;
                    order[count++] = i * nItems + j;
                }
            }
        }
        sortBySimilarityDescending(order, count, sims);
        int usedQ = 0;
        int usedN = 0;
        double matchedQ = 0;
        double matchedN = 0;
        List<String> aligned = explain ? new ArrayList<>() : List.of();
        for (int k = 0; k < count; k++) {
            int p = order[k];
            int i = p / nItems;
            int j = p % nItems;
            if ((qMask[i] & usedQ) != 0 || (nMask[j] & usedN) != 0) {
                continue;
            }
            usedQ |= qMask[i];
            usedN |= nMask[j];
            double s = sims[p];
            matchedQ += s * qW[i];
            matchedN += s * nW[j];
            if (explain) {
                aligned.add(qText[i] + "~" + nText[j] + (s < 1 ? String.format(Locale.ROOT, "(%.2f)", s) : ""));
            }
        }
        double totalQ = sum(qWeights, qn);
        double totalN = sum(nWeights, nn);
        double covQ = totalQ == 0 ? 0 : matchedQ / totalQ;
        double covN = totalN == 0 ? 0 : matchedN / totalN;
        double score = QUERY_COVERAGE_WEIGHT * covQ + (1 - QUERY_COVERAGE_WEIGHT) * covN;
        return new Alignment(new Result(score, covQ, covN, aligned, false), usedQ, usedN);
    }

    private static void fill(
            String[] tokens, double[] weights, int n, boolean merges, String[] text, int[] mask, double[] w) {
        for (int i = 0; i < n; i++) {
            text[i] = tokens[i];
            mask[i] = 1 << i;
            w[i] = weights[i];
        }
        if (merges) {
            for (int i = 0; i + 1 < n; i++) {
                text[n + i] = tokens[i] + tokens[i + 1];
                mask[n + i] = (1 << i) | (1 << (i + 1));
                w[n + i] = weights[i] + weights[i + 1];
            }
        }
    }

    /** Similarity of the names run together, in their given order; 0 below six letters. */
    static double compactSimilarity(String a, String b) {
        int min = Math.min(a.length(), b.length());
        int max = Math.max(a.length(), b.length());
        if (min < 6 || min < 0.8 * max) {
            return 0;
        }
        return 1.0 - (double) TokenSimilarity.distance(a, b) / max;
    }

    private static double sum(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s;
    }

    private static void sortBySimilarityDescending(int[] order, int count, double[] sims) {
        for (int i = 1; i < count; i++) {
            int p = order[i];
            int j = i;
            while (j > 0 && sims[order[j - 1]] < sims[p]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = p;
        }
    }
}
