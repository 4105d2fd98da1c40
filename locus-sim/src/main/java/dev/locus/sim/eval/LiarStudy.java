package dev.locus.sim.eval;

import com.google.common.geometry.S2Polygon;
import dev.locus.geo.position.EarthModel;
import dev.locus.geo.position.GeoPosition;
import dev.locus.sim.latency.Host;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;

/**
 * Fault injection: lying landmarks. A lie moves some hosts' published positions while their round
 * trips stay real; every other host is then the device in turn (claiming its true position) and
 * each verdict is scored against the true position. Hosts whose clean published position the mesh
 * audit already contradicts are not scored (their true position is unknown).
 */
public final class LiarStudy {

    /**
     * One trial: the liars, each moved by {@code moveKm} along its own bearing.
     *
     * @param bearingByLiar host id to bearing in degrees from north
     * @param moveKm how far each liar's published position moves (WGS84 geodesic)
     */
    public record Lie(Map<String, Double> bearingByLiar, double moveKm) {
        public Lie {
            bearingByLiar = Collections.unmodifiableMap(new LinkedHashMap<>(bearingByLiar));
        }

        public int k() {
            return bearingByLiar.size();
        }
    }

    /**
     * Unsound counts for one (K, D).
     *
     * @param k liars per trial
     * @param moveKm distance moved
     * @param trials trials run
     * @param trialsWithUnsound trials with at least one unsound verdict
     * @param unsoundVerdicts unsound verdicts over all trials
     * @param restrictedProvenOutside EXCLUDES_RESTRICTED for devices truly in a restricted jurisdiction
     * @param liarsNamed liars the mesh audit (every host) named suspect
     * @param liars liars over all trials
     * @param scored verdicts scored
     * @param excludesRestricted of the scored non-restricted devices, how many were proven outside
     * @param nonRestricted scored non-restricted devices
     */
    public record Row(
            int k,
            double moveKm,
            int trials,
            int trialsWithUnsound,
            long unsoundVerdicts,
            long restrictedProvenOutside,
            long liarsNamed,
            long liars,
            long scored,
            long excludesRestricted,
            long nonRestricted) {}

    /** The outcome: rows by (K, D) and up to 20 examples of unsound verdicts. */
    public record Result(List<Row> rows, List<String> examples) {
        public long unsoundVerdicts() {
            return rows.stream().mapToLong(Row::unsoundVerdicts).sum();
        }
    }

    private static final Geodesic WGS84 = Geodesic.WGS84;

    private final Evaluation evaluation;

    public LiarStudy(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** {@code trials} trials, each moving {@code k} random hosts by {@code moveKm} in random directions. */
    public List<Lie> random(int k, double moveKm, int trials, long seed) {
        List<Host> hosts = evaluation.data().hosts();
        if (k < 1 || k >= hosts.size()) {
            throw new IllegalArgumentException("--inject-liars must be in [1, " + (hosts.size() - 1) + "], got " + k);
        }
        Random rnd = new Random(seed);
        List<Lie> lies = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, Double> liars = new LinkedHashMap<>();
            while (liars.size() < k) {
                liars.putIfAbsent(hosts.get(rnd.nextInt(hosts.size())).id(), 360 * rnd.nextDouble());
            }
            lies.add(new Lie(liars, moveKm));
        }
        return lies;
    }

    /** Every host within {@code withinKm} of the restricted jurisdictions, alone, in each direction and distance. */
    public List<Lie> singles(double withinKm, int directions, List<Double> distancesKm) {
        List<Lie> lies = new ArrayList<>();
        for (Host h : hostsByDistanceToRestricted()) {
            if (distanceToRestrictedKm(h) > withinKm) {
                continue;
            }
            for (double d : distancesKm) {
                for (int i = 0; i < directions; i++) {
                    lies.add(new Lie(Map.of(h.id(), 360.0 * i / directions), d));
                }
            }
        }
        return lies;
    }

    /**
     * Every pair among the {@code nearest} hosts nearest the restricted jurisdictions, both moved
     * together (colluding) in each direction and distance.
     */
    public List<Lie> pairs(int nearest, int directions, List<Double> distancesKm) {
        List<Host> near = hostsByDistanceToRestricted().subList(0, nearest);
        List<Lie> lies = new ArrayList<>();
        for (int a = 0; a < near.size(); a++) {
            for (int b = a + 1; b < near.size(); b++) {
                for (double d : distancesKm) {
                    for (int i = 0; i < directions; i++) {
                        double bearing = 360.0 * i / directions;
                        Map<String, Double> liars = new LinkedHashMap<>();
                        liars.put(near.get(a).id(), bearing);
                        liars.put(near.get(b).id(), bearing);
                        lies.add(new Lie(liars, d));
                    }
                }
            }
        }
        return lies;
    }

    /** Hosts sorted by distance to the restricted jurisdictions (inside first), ties by id. */
    List<Host> hostsByDistanceToRestricted() {
        List<Host> hosts = new ArrayList<>(evaluation.data().hosts());
        hosts.sort(Comparator.comparingDouble(this::distanceToRestrictedKm).thenComparing(Host::id));
        return hosts;
    }

    private double distanceToRestrictedKm(Host h) {
        S2Polygon area =
                evaluation.verifier().jurisdictions().union(evaluation.policy().restricted());
        return area.getDistance(h.position().toS2Point()).radians() * EarthModel.MEAN_RADIUS_KM;
    }

    /** Runs every lie on {@code threads} threads. */
    public Result run(List<Lie> lies, int threads, Consumer<String> progress) throws InterruptedException {
        Set<String> cleanSuspects = evaluation.audit().suspectIds();
        List<Claim> claims = evaluation.data().hosts().stream()
                .map(h -> new Claim(h.id(), h.position()))
                .toList();
        Map<String, long[]> byKey = new TreeMap<>();
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (Lie lie : lies) {
                futures.add(pool.submit(() -> {
                    long[] r = trial(lie, claims, cleanSuspects, examples);
                    int n = done.incrementAndGet();
                    if (n % 50 == 0) {
                        progress.accept(String.format(
                                Locale.ROOT,
                                "%d of %d trials (%.0f s)",
                                n,
                                lies.size(),
                                (System.nanoTime() - start) / 1e9));
                    }
                    return r;
                }));
            }
            for (int i = 0; i < lies.size(); i++) {
                long[] r;
                try {
                    r = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("trial " + i + " failed", e.getCause());
                }
                Lie lie = lies.get(i);
                String key = String.format(Locale.ROOT, "%03d|%09.1f", lie.k(), lie.moveKm());
                long[] acc = byKey.computeIfAbsent(key, x -> new long[10]);
                acc[0]++;
                acc[1] += r[0] > 0 ? 1 : 0;
                for (int j = 0; j < 8; j++) {
                    acc[2 + j] += r[j];
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Row> rows = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            String[] kd = e.getKey().split("\\|");
            long[] a = e.getValue();
            rows.add(new Row(
                    Integer.parseInt(kd[0]),
                    Double.parseDouble(kd[1]),
                    (int) a[0],
                    (int) a[1],
                    a[2],
                    a[3],
                    a[4],
                    a[5],
                    a[6],
                    a[7],
                    a[8]));
        }
        return new Result(rows, List.copyOf(examples.subList(0, Math.min(20, examples.size()))));
    }

    /** {unsound, restrictedProvenOutside, liarsNamed, liars, scored, excludes, nonRestricted, 0}. */
    private long[] trial(Lie lie, List<Claim> claims, Set<String> cleanSuspects, List<String> examples) {
        Map<String, GeoPosition> published = new LinkedHashMap<>();
        for (var e : lie.bearingByLiar().entrySet()) {
            GeoPosition p = evaluation.data().host(e.getKey()).orElseThrow().position();
            GeodesicData g = WGS84.Direct(p.latitudeDegrees(), p.longitudeDegrees(), e.getValue(), lie.moveKm() * 1000);
            published.put(e.getKey(), GeoPosition.ofDegrees(g.lat2, normalise(g.lon2)));
        }
        Set<String> notScored = new HashSet<>(cleanSuspects);
        notScored.addAll(published.keySet());
        List<Claim> scoredClaims =
                claims.stream().filter(c -> !notScored.contains(c.deviceId())).toList();
        EvalReport report = evaluation.run(scoredClaims, false, published, notScored, false, s -> {});
        long[] r = new long[8];
        for (EvalReport.Entry e : report.entries()) {
            r[0] += e.unsound().size();
            if (e.restrictedDevice() && e.unsound().stream().anyMatch(u -> u.startsWith("EXCLUDES_RESTRICTED"))) {
                r[1]++;
            }
            r[4]++;
            if (!e.restrictedDevice()) {
                r[6]++;
                if (e.assessment().has(dev.locus.geo.verdict.Verdict.EXCLUDES_RESTRICTED)) {
                    r[5]++;
                }
            }
            if (!e.unsound().isEmpty() && examples.size() < 20) {
                examples.add(String.format(
                        Locale.ROOT,
                        "liars %s moved %.0f km: device %s %s: %s",
                        lie.bearingByLiar(),
                        lie.moveKm(),
                        e.device().id(),
                        e.device().name(),
                        e.unsound()));
            }
        }
        r[2] = published.keySet().stream().filter(report.audit()::isSuspect).count();
        r[3] = published.size();
        return r;
    }

    private static double normalise(double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return l;
    }

    /** A readable table of the rows. */
    public static void print(Result result, java.io.PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%3s %8s %7s %15s %8s %20s %12s %14s%n",
                "K",
                "move km",
                "trials",
                "trials unsound",
                "unsound",
                "restricted excluded",
                "liars named",
                "completeness");
        for (Row r : result.rows()) {
            out.printf(
                    Locale.ROOT,
                    "%3d %8.0f %7d %15d %8d %20d %5d of %4d %14.3f%n",
                    r.k(),
                    r.moveKm(),
                    r.trials(),
                    r.trialsWithUnsound(),
                    r.unsoundVerdicts(),
                    r.restrictedProvenOutside(),
                    r.liarsNamed(),
                    r.liars(),
                    r.nonRestricted() == 0 ? 0 : (double) r.excludesRestricted() / r.nonRestricted());
        }
        out.printf(Locale.ROOT, "Unsound verdicts in all (must be 0): %d%n", result.unsoundVerdicts());
        for (String ex : result.examples()) {
            out.println("  " + ex);
        }
    }
}
