package dev.locus.compliance.screening;

import dev.locus.screening.list.ListVersion;
import dev.locus.screening.match.Screener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lists the control plane screens against and the one {@link Screener} built over them, shared
 * by every caller. Loading (seconds for the bundled lists) runs once, on a daemon thread, when
 * {@link #startLoading} is first called or something first needs the screener; a list update
 * replaces both at once. Thread-safe.
 */
public final class ScreeningLists {
    private static final System.Logger LOG = System.getLogger(ScreeningLists.class.getName());

    /** The loaded lists and their screener. */
    public record Loaded(List<ListVersion> versions, Screener screener) {
        public Loaded {
            versions = List.copyOf(versions);
        }
    }

    private final Supplier<List<ListVersion>> loader;
    private final Consumer<Loaded> onLoaded;
    private CompletableFuture<Loaded> current;

    /**
     * @param loader reads the lists (on the loading thread)
     * @param onLoaded runs on the loading thread once the first load completed (recording the
     *     versions); what it throws is logged, not raised
     */
    public ScreeningLists(Supplier<List<ListVersion>> loader, Consumer<Loaded> onLoaded) {
        this.loader = loader;
        this.onLoaded = onLoaded;
    }

    /** Starts loading in the background unless it has started; returns at once. */
    public synchronized CompletableFuture<Loaded> startLoading() {
        if (current == null) {
            current = new CompletableFuture<>();
            CompletableFuture<Loaded> target = current;
            Thread t = new Thread(
                    () -> {
                        try {
                            List<ListVersion> lists = loader.get();
                            Loaded loaded = new Loaded(lists, Screener.of(lists));
                            target.complete(loaded);
                            onLoaded.accept(loaded);
                        } catch (RuntimeException | Error e) {
                            if (!target.completeExceptionally(e)) {
                                LOG.log(System.Logger.Level.WARNING, "after loading the screening lists", e);
                            } else {
                                LOG.log(System.Logger.Level.ERROR, "cannot load the screening lists", e);
                            }
                        }
                    },
                    "locus-screening-lists");
            t.setDaemon(true);
            t.start();
        }
        return current;
    }

    /** The loaded lists, waiting for the load when it is under way. */
    public Loaded loaded() {
        return startLoading().join();
    }

    /** Replaces the lists and the screener (after a list update). */
    synchronized void replace(Loaded next) {
        current = CompletableFuture.completedFuture(next);
    }
}
