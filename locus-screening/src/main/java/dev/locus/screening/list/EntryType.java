package dev.locus.screening.list;

/** What a list entry designates. */
public enum EntryType {
    INDIVIDUAL,
    ENTITY,
    VESSEL,
    AIRCRAFT,
    UNKNOWN;

    /** Reads the lists' own spellings ("individual", "Entity", "-0-", "") leniently. */
    public static EntryType fromList(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "individual" -> INDIVIDUAL;
            case "entity" -> ENTITY;
            case "vessel" -> VESSEL;
            case "aircraft" -> AIRCRAFT;
            default -> UNKNOWN;
        };
    }
}
