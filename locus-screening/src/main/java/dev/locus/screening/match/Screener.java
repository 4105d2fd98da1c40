package dev.locus.screening.match;

import dev.locus.screening.list.ListEntry;
import dev.locus.screening.list.ListVersion;
import dev.locus.screening.list.NameKind;
import dev.locus.screening.list.PartialDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Screens parties against loaded lists: candidates from the {@link NameIndex}, a name score from
 * the {@link NameScorer}, then small, bounded adjustments for date of birth, country, registration
 * numbers and address. A disagreeing date of birth or country lowers a score by at most {@link
 * #DOB_FAR} or {@link #COUNTRY_DIFFERS}, never discards a candidate: lists and queries both carry
 * errors. Immutable and thread-safe once built.
 */
public final class Screener {
    /** How many names the index hands to the scorer per query. */
    static final int CANDIDATE_LIMIT = 16;
    /** Names sharing keys worth less than this share of the query's weight are not scored. */
    static final double MIN_BLOCKING_SHARE = 0.40;

    static final double DOB_EXACT = 0.03;
    static final double DOB_SAME_YEAR = 0.02;
    static final double DOB_NEAR = 0.0;
    static final double DOB_FAR = -0.06;
    static final double COUNTRY_SAME = 0.02;
    static final double COUNTRY_DIFFERS = -0.03;
    static final double IDENTIFIER_SAME = 0.15;
    static final double WEAK_ALIAS = -0.05;

    private final List<ListVersion> lists;
    private final List<ListEntry> entries;
    private final NameIndex index;
    private final Thresholds thresholds;

    private Screener(List<ListVersion> lists, Thresholds thresholds) {
        this.lists = List.copyOf(lists);
        List<ListEntry> all = new ArrayList<>();
        for (ListVersion v : lists) {
            all.addAll(v.entries());
        }
        this.entries = List.copyOf(all);
        this.index = new NameIndex(entries);
        this.thresholds = thresholds;
    }

    private Screener(Screener weightsFrom, List<ListEntry> subset) {
        this.lists = List.of();
        this.entries = List.copyOf(subset);
        this.index = new NameIndex(entries, weightsFrom.index);
        this.thresholds = weightsFrom.thresholds;
    }

    /**
     * A screener over a few entries (a list update's delta) that scores exactly as this one does:
     * token rarity comes from this screener's lists.
     */
    public Screener restrictedTo(List<ListEntry> subset) {
        return new Screener(this, subset);
    }

    public static Screener of(List<ListVersion> lists) {
        return new Screener(lists, Thresholds.DEFAULT);
    }

    public static Screener of(List<ListVersion> lists, Thresholds thresholds) {
        return new Screener(lists, thresholds);
    }

    public List<ListVersion> lists() {
        return lists;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public int entryCount() {
        return entries.size();
    }

    public int indexedNameCount() {
        return index.size();
    }

    /** Candidates at or above REVIEW, best first, one per entry. */
    public List<ScreeningMatch> screen(Query query) {
        return screen(query, thresholds.review());
    }

    /**
     * Candidates scoring at least {@code floor} (below REVIEW only for evaluation curves; their
     * decision is then null), best first, one per entry.
     */
    public List<ScreeningMatch> screen(Query query, double floor) {
        return screen(query, NameNormalizer.normalize(query.name()), floor);
    }

    /** As {@link #screen(Query, double)} with the query's name already normalised. */
    List<ScreeningMatch> screen(Query query, NormalizedName q, double floor) {
        if (q.isEmpty()) {
            return List.of();
        }
        String[] qTokens = q.tokens().toArray(String[]::new);
        double[] qWeights = new double[qTokens.length];
        for (int i = 0; i < qTokens.length; i++) {
            qWeights[i] = index.weight(qTokens[i]);
        }
        int[] ids = index.candidates(q, CANDIDATE_LIMIT, MIN_BLOCKING_SHARE);
        double bonus = maxBonus(query);
        java.util.Map<String, double[]> similarities = new HashMap<>();
        Map<Integer, ScreeningMatch> best = new HashMap<>();
        for (int id : ids) {
            IndexedName n = index.name(id);
            if (NameScorer.quickScore(qTokens, qWeights, q.compact(), n, similarities) + bonus < floor) {
                continue;
            }
            NameScorer.Result r = NameScorer.score(qTokens, qWeights, q.compact(), n);
            ListEntry entry = entries.get(n.entry());
            List<Feature> why = new ArrayList<>(6);
            double score = r.score();
            why.add(new Feature(
                    n.kind() == NameKind.PRIMARY ? "name" : "alias",
                    r.score(),
                    String.format(
                            Locale.ROOT,
                            "'%s' ~ '%s' (%s; query covered %.2f, listed name covered %.2f%s): %s",
                            query.name(),
                            n.original(),
                            n.kind().name().toLowerCase(Locale.ROOT),
                            r.queryCoverage(),
                            r.listCoverage(),
                            r.compact() ? ", compared run together" : "",
                            String.join(" ", r.pairs()))));
            if (n.kind() == NameKind.WEAK_ALIAS) {
                score += WEAK_ALIAS;
                why.add(new Feature("alias", WEAK_ALIAS, "weak alias (low quality / f.k.a.)"));
            }
            if (!q.legalForms().isEmpty() || n.legalForms().length > 0) {
                why.add(new Feature(
                        "legal_form", 0, q.legalForms() + " vs " + List.of(n.legalForms()) + " (not scored)"));
            }
            score += dateOfBirth(query, entry, why);
            score += country(query, entry, why);
            score += identifiers(query, entry, why);
            address(query, entry, why);
            score = Math.max(0, Math.min(1, score));
            if (score < floor) {
                continue;
            }
            Decision d = thresholds.decide(score);
            ScreeningMatch m = new ScreeningMatch(entry, n.original(), score, d, why);
            best.merge(n.entry(), m, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<ScreeningMatch> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(ScreeningMatch::score).reversed());
        return out;
    }

    /** The most the features other than the name can add for this query. */
    private static double maxBonus(Query query) {
        return (query.dateOfBirth().isPresent() ? DOB_EXACT : 0)
                + (query.country().isPresent() ? COUNTRY_SAME : 0)
                + (query.identifiers().isEmpty() ? 0 : IDENTIFIER_SAME);
    }

    static double dateOfBirth(Query query, ListEntry entry, List<Feature> why) {
        if (query.dateOfBirth().isEmpty() || entry.datesOfBirth().isEmpty()) {
            return 0;
        }
        PartialDate q = query.dateOfBirth().get();
        double bestAdj = DOB_FAR;
        for (PartialDate d : entry.datesOfBirth()) {
            int years = Math.abs(d.year() - q.year());
            double adj;
            if (years == 0 && d.month() != 0 && d.month() == q.month() && d.day() != 0 && d.day() == q.day()) {
                adj = DOB_EXACT;
            } else if (years == 0) {
                adj = DOB_SAME_YEAR;
            } else if (years <= 2) {
                adj = DOB_NEAR;
            } else {
                adj = DOB_FAR;
            }
            bestAdj = Math.max(bestAdj, adj);
        }
        why.add(new Feature("date_of_birth", bestAdj, "query " + q + " vs listed " + entry.datesOfBirth()));
        return bestAdj;
    }

    static double country(Query query, ListEntry entry, List<Feature> why) {
        if (query.country().isEmpty() || entry.countries().isEmpty()) {
            return 0;
        }
        String c = query.country().get();
        double adj = entry.countries().contains(c) ? COUNTRY_SAME : COUNTRY_DIFFERS;
        why.add(new Feature(
                "country",
                adj,
                "query " + c + " vs listed "
                        + entry.countries().stream().sorted().toList()));
        return adj;
    }

    static double identifiers(Query query, ListEntry entry, List<Feature> why) {
        for (String qi : query.identifiers()) {
            String qn = alnum(qi);
            if (qn.length() < 5) {
                continue;
            }
            for (String li : entry.identifiers()) {
                if (alnum(li).contains(qn)) {
                    why.add(new Feature("registration_number", IDENTIFIER_SAME, qi + " in listed '" + li + "'"));
                    return IDENTIFIER_SAME;
                }
            }
        }
        return 0;
    }

    static void address(Query query, ListEntry entry, List<Feature> why) {
        for (String qa : query.addresses()) {
            List<String> qt = NameNormalizer.tokens(qa);
            for (String la : entry.addresses()) {
                List<String> lt = NameNormalizer.tokens(la);
                long shared = qt.stream()
                        .filter(t -> t.length() > 2 && lt.contains(t))
                        .count();
                if (shared >= 2) {
                    why.add(new Feature(
                            "address", 0, shared + " words shared with listed '" + la + "' (shown, not scored)"));
                    return;
                }
            }
        }
    }

    static String alnum(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /** The entry of a list version that the given key names, if loaded. */
    public Optional<ListEntry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
