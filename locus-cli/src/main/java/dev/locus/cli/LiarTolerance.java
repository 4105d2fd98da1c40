package dev.locus.cli;

import picocli.CommandLine.Option;

/** {@code --tolerate-liars F}: how many lying landmark operators a verdict must stay true under. */
final class LiarTolerance {
    @Option(
            names = "--tolerate-liars",
            paramLabel = "F",
            defaultValue = "1",
            description = "verdicts stay true if any F landmark operators lie (default: ${DEFAULT-VALUE};"
                    + " 0 assumes every landmark is honest)")
    private int liars;

    /** F, checked to be in [0, 10]. */
    int liars() {
        OptionRange.require("--tolerate-liars", liars, 0, 10);
        return liars;
    }
}
