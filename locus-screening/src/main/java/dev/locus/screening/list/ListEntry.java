package dev.locus.screening.list;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a screening list, as the list publishes it.
 *
 * @param source the list ("UN", "OFAC-SDN", "BIS-DPL", "CSL:Entity List (EL) - Bureau of Industry and Security", ...)
 * @param entryId the list's own identifier (SDN ent_num, UN REFERENCE_NUMBER, CSL _id or entity number, DPL row key)
 * @param countries ISO 3166-1 alpha-2 codes of nationality, citizenship or address countries
 */
public record ListEntry(
        String source,
        String entryId,
        EntryType type,
        List<ListName> names,
        List<PartialDate> datesOfBirth,
        Set<String> countries,
        List<String> addresses,
        List<String> identifiers,
        List<String> programs) {

    public ListEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(type, "type");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("entry " + source + "/" + entryId + " has no name");
        }
        datesOfBirth = List.copyOf(datesOfBirth);
        countries = Set.copyOf(countries);
        addresses = List.copyOf(addresses);
        identifiers = List.copyOf(identifiers);
        programs = List.copyOf(programs);
    }

    /**
     * An entry listed under one primary name, with countries and programs but no dates of birth,
     * addresses or identifiers.
     */
    public static ListEntry named(
            String source,
            String entryId,
            EntryType type,
            String primaryName,
            Set<String> countries,
            List<String> programs) {
        return new ListEntry(
                source,
                entryId,
                type,
                List.of(new ListName(primaryName, NameKind.PRIMARY)),
                List.of(),
                countries,
                List.of(),
                List.of(),
                programs);
    }

    /** The name the entry is listed under. */
    public String primaryName() {
        return names.getFirst().value();
    }

    /** {@code source/entryId}, unique across all loaded lists. */
    public String key() {
        return source + "/" + entryId;
    }

    /** SHA-256 over every field, so a diff sees any change to the entry. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
