package dev.locus.geo.verdict;

/** What a feasible region proves about a device, as listed in DESIGN.md. */
public enum Verdict {
    /** The region avoids every restricted jurisdiction. */
    EXCLUDES_RESTRICTED,
    /** The region lies inside the licensed zone. */
    IN_ZONE,
    /** The region does not touch the licensed zone: proven diversion or relocation. */
    OUTSIDE_ZONE,
    /** The region lies inside the restricted jurisdictions: proven violation. */
    IN_RESTRICTED,
    /** Nothing above can be proven (too few or too distant landmarks). */
    INCONCLUSIVE,
    /** The discs do not intersect: some landmark position or clock is wrong. */
    INCONSISTENT
}
