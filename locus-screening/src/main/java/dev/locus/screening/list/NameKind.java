package dev.locus.screening.list;

/** The standing of a name on its entry, from the list's own alias type and quality. */
public enum NameKind {
    /** The name the entry is listed under. */
    PRIMARY,
    /** A strong alias: OFAC "a.k.a.", UN quality "Good"/"a.k.a.". */
    STRONG_ALIAS,
    /** A weak alias: OFAC "f.k.a."/"n.k.a." or low quality, UN quality "Low". */
    WEAK_ALIAS,
    /** The name in its original script, as the list gives it. */
    ORIGINAL_SCRIPT
}
