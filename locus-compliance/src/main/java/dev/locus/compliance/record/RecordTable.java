package dev.locus.compliance.record;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A {@link RecordKind} whose row type is laid out as its table: each record component is the field
 * (and, but for the list of chip serials, the column) of its name in snake case, in CSV header
 * order, and the first component is the id.
 */
abstract class RecordTable<T extends Record> implements RecordKind<T> {
    private final String table;
    private final List<String> filters;
    private final List<String> fields;
    private final RecordComponent id;

    /** @param filters the columns a listing may be narrowed by */
    RecordTable(String table, Class<T> type, List<String> filters) {
        this.table = table;
        this.filters = List.copyOf(filters);
        this.fields = Columns.fields(type);
        this.id = type.getRecordComponents()[0];
    }

    @Override
    public final String table() {
        return table;
    }

    @Override
    public final List<String> filters() {
        return filters;
    }

    @Override
    public final List<String> fields() {
        return fields;
    }

    @Override
    public final String idColumn() {
        return fields.getFirst();
    }

    @Override
    public final String idOf(T row) {
        return (String) Columns.value(id, row);
    }
}
