package dev.locus.screening.list;

import java.util.Objects;

/** One name of an entry with its standing. */
public record ListName(String value, NameKind kind) {
    public ListName {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }
}
