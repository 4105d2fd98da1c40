package dev.locus.screening.list;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One loaded version of one list: where it came from, when it was published (where the file says
 * so), the SHA-256 of its file(s), and its entries.
 */
public record ListVersion(String source, Optional<LocalDate> publishedOn, String sha256, List<ListEntry> entries) {

    public ListVersion {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(publishedOn, "publishedOn");
        Objects.requireNonNull(sha256, "sha256");
        entries = List.copyOf(entries);
    }

    public int entryCount() {
        return entries.size();
    }
}
