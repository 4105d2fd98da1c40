package dev.locus.compliance.screening;

import dev.locus.screening.list.ListVersion;
import dev.locus.screening.match.Screener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The lists the control plane screens against and the one {@link Screener} built over them, shared
 * by every caller. Loading (seconds for the bundled lists, longer on a busy machine) runs once, on
 * one daemon thread, when {@link #startLoading} is first called (the server calls it at start) or
 * something first needs the screener, and logs its progress; {@link #status} says how far it is. A
 * list update replaces both at once. Thread-safe.
 *
 * <p>Lists read and indexed are immutable and shared in the JVM by the source's content key
 * ({@link ListSource#contentKey}): a second control plane started in the same JVM (the integration
 * tests start many) over the bundled lists or a folder with the same files reuses them instead of
 * reading and indexing again; a folder whose files changed is read anew. The last {@value
 * #SHARED_MAX} contents are kept.
 */
public final class ScreeningLists {
    private static final System.Logger LOG = System.getLogger(ScreeningLists.class.getName());

    /** The loaded lists and their screener. */
    public record Loaded(List<ListVersion> versions, Screener screener) {
        public Loaded {
            versions = List.copyOf(versions);
        }

        /** Entries over all lists. */
        public int entryCount() {
            return versions.stream().mapToInt(ListVersion::entryCount).sum();
        }
    }

    /** Where loading stands. */
    public enum State {
        /** Nothing asked for the lists yet. */
        NOT_STARTED,
        /** Reading the files and building the index. */
        LOADING,
        /** Screening can run. */
        READY,
        /** The files could not be read; {@link Status#error} says why. */
        FAILED
    }

    /**
     * The lists' load state, as {@code GET /api/v1/screening/lists} shows it.
     *
     * @param source where the lists come from ({@code bundled} or a folder)
     * @param lists list versions loaded (0 until ready)
     * @param entries entries over all loaded lists (0 until ready)
     * @param since when loading started, or when the lists became ready
     * @param waiting screenings (party saves) waiting for the lists now
     * @param error why loading failed
     */
    public record Status(
            State state,
            String source,
            int lists,
            int entries,
            Optional<Instant> since,
            int waiting,
            Optional<String> error) {}

    static final int SHARED_MAX = 4;

    /** Loads by content key, most recently used last; a failed load is removed. */
    private static final java.util.LinkedHashMap<String, CompletableFuture<Loaded>> SHARED =
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, CompletableFuture<Loaded>> eldest) {
                    return size() > SHARED_MAX;
                }
            };

    private final ListSource source;
    private final Consumer<Loaded> onLoaded;
    private final AtomicInteger waiting = new AtomicInteger();
    private CompletableFuture<Loaded> current;
    private Instant since;

    /**
     * @param source reads the lists (on the loading thread, and again on each reload)
     * @param onLoaded runs on the loading thread once the first load completed (recording the
     *     versions); what it throws is logged, not raised
     */
    public ScreeningLists(ListSource source, Consumer<Loaded> onLoaded) {
        this.source = source;
        this.onLoaded = onLoaded;
    }

    /** Where the lists come from. */
    public ListSource source() {
        return source;
    }

    /** Starts loading in the background unless it has started; returns at once. */
    public synchronized CompletableFuture<Loaded> startLoading() {
        if (current == null) {
            current = new CompletableFuture<>();
            since = Instant.now();
            CompletableFuture<Loaded> target = current;
            Thread t = new Thread(() -> load(target), "locus-screening-lists");
            t.setDaemon(true);
            t.start();
        }
        return current;
    }

    private void load(CompletableFuture<Loaded> target) {
        long start = System.nanoTime();
        try {
            Loaded loaded = shared(start);
            int entries = loaded.entryCount();
            synchronized (this) {
                since = Instant.now();
            }
            target.complete(loaded);
            LOG.log(
                    System.Logger.Level.INFO,
                    "screening lists: ready after {0} s ({1} entries indexed)",
                    seconds(start),
                    entries);
            onLoaded.accept(loaded);
        } catch (RuntimeException | Error e) {
            if (!target.completeExceptionally(e)) {
                LOG.log(System.Logger.Level.WARNING, "after loading the screening lists", e);
            } else {
                LOG.log(System.Logger.Level.ERROR, "cannot load the screening lists from " + source.description(), e);
            }
        }
    }

    /** The lists for this source's content: those already built in this JVM, or read and indexed now. */
    private Loaded shared(long start) {
        Optional<String> key = source.contentKey().get();
        if (key.isEmpty()) {
            return read(start);
        }
        CompletableFuture<Loaded> mine = new CompletableFuture<>();
        CompletableFuture<Loaded> theirs;
        synchronized (SHARED) {
            theirs = SHARED.putIfAbsent(key.get(), mine);
        }
        if (theirs != null) {
            try {
                Loaded l = theirs.join();
                LOG.log(
                        System.Logger.Level.INFO,
                        "screening lists: {0} already read and indexed in this JVM; reused",
                        source.description());
                return l;
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Loaded l = read(start);
            mine.complete(l);
            return l;
        } catch (RuntimeException | Error e) {
            synchronized (SHARED) {
                SHARED.remove(key.get(), mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Loaded read(long start) {
        LOG.log(System.Logger.Level.INFO, "screening lists: reading {0}", source.description());
        List<ListVersion> lists = source.load();
        int entries = lists.stream().mapToInt(ListVersion::entryCount).sum();
        LOG.log(
                System.Logger.Level.INFO,
                "screening lists: read {0} lists ({1} entries) in {2} s; building the index",
                lists.size(),
                entries,
                seconds(start));
        return new Loaded(lists, Screener.of(lists));
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * The loaded lists, waiting for the load when it is under way.
     *
     * @throws ScreeningListsUnavailableException when loading failed
     */
    public Loaded loaded() {
        return awaitLoaded(Duration.ofDays(1)).orElseThrow(() -> unavailable("still loading"));
    }

    /**
     * The loaded lists, waiting at most {@code max} for the load (starting it if need be).
     *
     * @return empty when they are still loading after {@code max}
     * @throws ScreeningListsUnavailableException when loading failed
     */
    public Optional<Loaded> awaitLoaded(Duration max) {
        CompletableFuture<Loaded> f = startLoading();
        waiting.incrementAndGet();
        try {
            return Optional.of(f.get(max.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for them");
        } catch (ExecutionException e) {
            throw unavailable("loading failed: " + e.getCause().getMessage());
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** The lists when they are loaded now; empty while loading, before it started, or after it failed. */
    public synchronized Optional<Loaded> loadedNow() {
        if (current == null || !current.isDone() || current.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(current.join());
    }

    /** Where loading stands. */
    public synchronized Status status() {
        String from = source.description();
        if (current == null) {
            return new Status(State.NOT_STARTED, from, 0, 0, Optional.empty(), waiting.get(), Optional.empty());
        }
        if (!current.isDone()) {
            return new Status(State.LOADING, from, 0, 0, Optional.of(since), waiting.get(), Optional.empty());
        }
        try {
            Loaded l = current.join();
            return new Status(
                    State.READY,
                    from,
                    l.versions().size(),
                    l.entryCount(),
                    Optional.of(since),
                    waiting.get(),
                    Optional.empty());
        } catch (java.util.concurrent.CompletionException e) {
            return new Status(
                    State.FAILED,
                    from,
                    0,
                    0,
                    Optional.of(since),
                    waiting.get(),
                    Optional.of(String.valueOf(e.getCause().getMessage())));
        }
    }

    private ScreeningListsUnavailableException unavailable(String why) {
        return new ScreeningListsUnavailableException(
                "the screening lists from " + source.description() + " are not available: " + why);
    }

    /** Replaces the lists and the screener (after a list update). */
    synchronized void replace(Loaded next) {
        current = CompletableFuture.completedFuture(next);
        since = Instant.now();
    }
}
