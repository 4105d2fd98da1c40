package dev.locus.server.verdicts;

import dev.locus.server.common.Page;
import java.util.Optional;

/**
 * Verdicts, read only: what modules that judge chips by their verdicts (compliance) may see,
 * without being able to assess, invalidate or store. Thread-safe.
 */
public final class VerdictQuery {
    private final VerdictEngine engine;

    private VerdictQuery(VerdictEngine engine) {
        this.engine = engine;
    }

    /** A read-only view of {@code engine}'s stored verdicts. */
    public static VerdictQuery of(VerdictEngine engine) {
        return new VerdictQuery(engine);
    }

    /** The chip's latest stored verdict; empty when it has none. */
    public Optional<StoredVerdict> latest(String chipSerial) {
        return engine.latest(chipSerial, false);
    }

    /** The chip's verdicts after {@code afterId}, oldest first, at most {@code limit}. */
    public Page<StoredVerdict> history(String chipSerial, long afterId, int limit) {
        return engine.history(chipSerial, afterId, limit);
    }
}
