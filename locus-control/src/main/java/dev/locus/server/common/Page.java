package dev.locus.server.common;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paginated listing.
 *
 * @param items at most the requested limit, in key order
 * @param nextCursor pass as {@code after} to get the next page; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /** Builds a page from up to {@code limit + 1} rows fetched in key order. */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit, java.util.function.Function<T, String> key) {
        if (rowsPlusOne.size() > limit) {
            List<T> items = rowsPlusOne.subList(0, limit);
            return new Page<>(items, Optional.of(key.apply(items.get(limit - 1))));
        }
        return new Page<>(rowsPlusOne, Optional.empty());
    }
}
