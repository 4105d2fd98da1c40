package dev.locus.server.verdicts;

/** Receives every verdict the {@link VerdictEngine} stores (the verdict-driven alert rules). */
@FunctionalInterface
public interface VerdictListener {
    /** Called after the verdict's transaction committed, on the assessing thread; must not block long. */
    void onVerdict(VerdictEvent event);
}
