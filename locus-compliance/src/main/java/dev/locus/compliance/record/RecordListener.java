package dev.locus.compliance.record;

import java.util.List;

/** Told what was written to the commercial record, after the transaction committed. */
@FunctionalInterface
public interface RecordListener {
    /** Rows of one kind just committed (orders, shipments, allocations or site capacity values). */
    void written(RecordKind<?> kind, List<?> rows);
}
