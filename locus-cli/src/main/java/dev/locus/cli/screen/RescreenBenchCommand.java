package dev.locus.cli.screen;

import dev.locus.screening.eval.EvalSet;
import dev.locus.screening.list.ListDiff;
import dev.locus.screening.list.ListEntry;
import dev.locus.screening.list.ListLoader;
import dev.locus.screening.list.ListVersion;
import dev.locus.screening.match.Query;
import dev.locus.screening.match.Rescreen;
import dev.locus.screening.match.Screener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "rescreen-bench",
        mixinStandardHelpOptions = true,
        description = {
            "Load run: a list update re-screens N generated parties and reports only what changed.",
            "The update turns the bundled lists 'before' into 'after': every 100th UN and SDN entry is",
            "new, every 150th lost an alias (changed), and the CSL 2019 sample is withdrawn (removed).",
            "Parties are people (first and last names drawn from the evaluation negatives) and companies",
            "(generated words and legal forms); one in a thousand is a misspelt name of an updated entry.",
            "Prints parties/s, the changes found, heap and resident memory, and the load average."
        })
final class RescreenBenchCommand implements Callable<Integer> {
    @Option(names = "--parties", defaultValue = "1000000", description = "how many parties (default ${DEFAULT-VALUE})")
    int parties;

    @Option(names = "--threads", defaultValue = "2", description = "worker threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (parties < 1 || threads < 1) {
            throw new IllegalArgumentException("--parties and --threads must be >= 1");
        }
        List<ListVersion> bundled = ListLoader.bundled(); // UN, OFAC-SDN, BIS-DPL, CSL 2019, CSL 2025
        List<ListVersion> after = new ArrayList<>();
        List<ListDiff> diffs = new ArrayList<>();
        List<ListEntry> updated = new ArrayList<>();
        for (int l = 0; l < bundled.size(); l++) {
            ListVersion v = bundled.get(l);
            if (l == 3) { // the CSL 2019 sample is withdrawn
                diffs.add(ListDiff.between(v, new ListVersion(v.source(), Optional.empty(), "empty", List.of())));
                updated.addAll(v.entries());
                continue;
            }
            after.add(v);
            if (l > 1) {
                continue; // DPL and CSL 2025 unchanged
            }
            List<ListEntry> old = new ArrayList<>();
            for (int i = 0; i < v.entries().size(); i++) {
                ListEntry e = v.entries().get(i);
                if (i % 100 == 7) {
                    updated.add(e); // added by the update
                } else if (i % 150 == 11 && e.names().size() > 1) {
                    updated.add(e); // changed: the update adds its last alias
                    old.add(new ListEntry(
                            e.source(),
                            e.entryId(),
                            e.type(),
                            e.names().subList(0, e.names().size() - 1),
                            e.datesOfBirth(),
                            e.countries(),
                            e.addresses(),
                            e.identifiers(),
                            e.programs()));
                } else {
                    old.add(e);
                }
            }
            diffs.add(ListDiff.between(new ListVersion(v.source(), Optional.empty(), "before", old), v));
        }
        ListDiff diff = new ListDiff(
                diffs.stream().flatMap(d -> d.added().stream()).toList(),
                diffs.stream().flatMap(d -> d.removed().stream()).toList(),
                diffs.stream().flatMap(d -> d.changed().stream()).toList());
        long buildStart = System.nanoTime();
        Screener screener = Screener.of(after);
        Rescreen rescreen = Rescreen.prepare(screener, diff);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        System.err.printf(
                java.util.Locale.ROOT,
                "locus screen rescreen-bench: update: %d added, %d removed, %d changed; lists indexed in %.1f s%n",
                diff.added().size(),
                diff.removed().size(),
                diff.changed().size(),
                buildSeconds);

        PartyGenerator gen = new PartyGenerator(seed, updated);
        AtomicLong done = new AtomicLong();
        AtomicLong changes = new AtomicLong();
        AtomicLong partiesWithChanges = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            futures.add(pool.submit(() -> {
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                for (int i = worker; i < parties; i += threads) {
                    int c = rescreen.changesFor(gen.party(i)).size();
                    if (c > 0) {
                        changes.addAndGet(c);
                        partiesWithChanges.incrementAndGet();
                    }
                    long n = done.incrementAndGet();
                    if (n % 100_000 == 0) {
                        System.err.printf(
                                java.util.Locale.ROOT,
                                "locus screen rescreen-bench: %d/%d parties, %.1f s%n",
                                n,
                                parties,
                                (System.nanoTime() - start) / 1e9);
                    }
                }
                cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                peakHeap += p.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long heapAfterGc =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                java.util.Locale.ROOT,
                "re-screened %d parties in %.1f s (%.0f parties/s, %d threads)%n",
                parties,
                seconds,
                parties / seconds,
                threads);
        System.out.printf(
                java.util.Locale.ROOT,
                "CPU time of the workers: %.1f s (%.1f us per party; on an idle machine wall time = CPU time / %d)%n",
                cpuNanos.get() / 1e9,
                cpuNanos.get() / 1e3 / parties,
                threads);
        System.out.printf(
                "changes: %d for %d parties (planted misspellings: %d)%n",
                changes.get(), partiesWithChanges.get(), gen.planted(parties));
        System.out.printf(
                java.util.Locale.ROOT,
                "memory: heap peak %.0f MiB (sum of pool peaks), heap after GC %.0f MiB, max heap %.0f MiB, %s%n",
                peakHeap / 1048576.0,
                heapAfterGc / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0,
                residentPeak());
        System.out.printf(
                java.util.Locale.ROOT,
                "load average: %.2f (1 min, %d processors)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        return 0;
    }

    private static String residentPeak() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM"))
                    .map(l -> "resident peak " + l.substring(6).trim())
                    .findFirst()
                    .orElse("resident peak unknown");
        } catch (Exception e) {
            return "resident peak unknown";
        }
    }

    /** Deterministic parties by index: the same index gives the same party on any thread. */
    static final class PartyGenerator {
        private static final String[] WORDS = {
            "orchid",
            "harbour",
            "crest",
            "pacific",
            "summit",
            "lumen",
            "vertex",
            "nova",
            "apex",
            "delta",
            "meridian",
            "silver",
            "jade",
            "lotus",
            "falcon",
            "cedar",
            "atlas",
            "zenith",
            "coral",
            "aurora",
            "quantum",
            "matrix",
            "sigma",
            "helix",
            "polar",
            "ember",
            "tidal",
            "granite",
            "willow",
            "horizon"
        };
        private static final String[] SECTORS = {
            "Trading",
            "Logistics",
            "Technology",
            "Compute",
            "Electronics",
            "Holdings",
            "Systems",
            "Semiconductor",
            "Cloud",
            "Data",
            "Engineering",
            "Supply"
        };
        private static final String[] FORMS = {
            "Pte. Ltd.", "Sdn. Bhd.", "Co., Ltd.", "Limited", "LLC", "GmbH", "Inc.", "FZE", "JSC", "B.V."
        };
        private final long seed;
        private final String[] first;
        private final String[] last;
        private final List<ListEntry> updated;

        PartyGenerator(long seed, List<ListEntry> updated) {
            this.seed = seed;
            this.updated = updated;
            List<EvalSet.Row> negatives = EvalSet.bundled().negatives();
            List<String> f = new ArrayList<>();
            List<String> l = new ArrayList<>();
            for (EvalSet.Row r : negatives) {
                String[] parts = r.query().name().split(" ");
                if (parts.length >= 2) {
                    f.add(parts[0]);
                    l.add(parts[parts.length - 1]);
                }
            }
            this.first = f.toArray(String[]::new);
            this.last = l.toArray(String[]::new);
        }

        long planted(int n) {
            return (n + 999) / 1000;
        }

        Rescreen.Party party(int i) {
            Random r = new Random(seed * 1_000_003L + i);
            String name;
            if (i % 1000 == 0) {
                String listed = updated.get(r.nextInt(updated.size())).primaryName();
                int k = 1 + r.nextInt(Math.max(1, listed.length() - 2));
                name = listed.length() > 4
                        ? listed.substring(0, k) + listed.charAt(k + 1) + listed.charAt(k) + listed.substring(k + 2)
                        : listed;
            } else if (i % 3 == 0) {
                name = cap(WORDS[r.nextInt(WORDS.length)]) + " " + cap(WORDS[r.nextInt(WORDS.length)]) + " "
                        + SECTORS[r.nextInt(SECTORS.length)] + " " + FORMS[r.nextInt(FORMS.length)];
            } else {
                name = first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)];
            }
            return new Rescreen.Party("party-" + i, Query.ofName(name));
        }

        private static String cap(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
