package dev.locus.screening.ownership;

import java.util.List;

/**
 * A party known to be on a list: a confirmed screening hit ({@code source}, {@code entryId}) with
 * the entry's programs, as the compliance record holds it.
 */
public record Designation(String partyId, String source, String entryId, List<String> programs) {
    public Designation {
        programs = List.copyOf(programs);
    }
}
