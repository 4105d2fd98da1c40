package dev.locus.screening.match;

import dev.locus.screening.list.NameKind;

/** One name of one entry, normalised, with the weight of each token. */
record IndexedName(
        int entry,
        NameKind kind,
        String original,
        String[] tokens,
        double[] weights,
        String compact,
        String[] legalForms) {}
