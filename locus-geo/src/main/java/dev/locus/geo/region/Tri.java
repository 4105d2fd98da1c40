package dev.locus.geo.region;

/** A three-valued answer: proven true, proven false, or not decided within the resolution limit. */
public enum Tri {
    YES,
    NO,
    UNKNOWN;

    public boolean proven() {
        return this != UNKNOWN;
    }
}
