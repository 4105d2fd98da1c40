package dev.locus.compliance.record;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RecordKind} whose row type is laid out as its table: each record component is the field
 * (and, but for the list of chip serials, the column) of its name in snake case, in CSV header
 * order, and the first component is the id. A row's chip serials go to a child table named for
 * the row, e.g. {@code shipment_chips (shipment_id, chip_serial)} for {@code shipments}.
 */
abstract class RecordTable<T extends Record> implements RecordKind<T> {
    private static final String INSERT_INTO = "INSERT INTO ";

    private final Class<T> type;
    private final String insertInto;
    private final String table;
    private final List<String> filters;
    private final List<String> fields;
    private final RecordComponent id;
    private final Optional<RecordComponent> serials;
    private final String chipTable;
    private final String parentColumn;

    /**
     * @param insertInto the statement that writes the table, e.g. {@code INSERT INTO orders}
     * @param filters the columns a listing may be narrowed by
     */
    RecordTable(String insertInto, Class<T> type, List<String> filters) {
        if (!insertInto.startsWith(INSERT_INTO)) {
            throw new IllegalArgumentException("insertInto must start with " + INSERT_INTO + ", got " + insertInto);
        }
        this.type = type;
        this.insertInto = insertInto;
        this.table = insertInto.substring(INSERT_INTO.length());
        this.filters = List.copyOf(filters);
        this.fields = Columns.fields(type);
        this.id = type.getRecordComponents()[0];
        this.serials = Arrays.stream(type.getRecordComponents())
                .filter(rc -> rc.getType() == List.class)
                .findFirst();
        String row = table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
        this.chipTable = row + "_chips";
        this.parentColumn = row + "_id";
    }

    @Override
    public final void insert(Connection c, List<T> rows) throws SQLException {
        Columns.insert(c, insertInto, rows);
        if (serials.isPresent()) {
            for (T row : rows) {
                @SuppressWarnings("unchecked")
                List<String> chips = (List<String>) Columns.value(serials.get(), row);
                Columns.insertSerials(c, chipTable, parentColumn, idOf(row), chips);
            }
        }
    }

    @Override
    public final T read(Connection c, ResultSet rs) throws SQLException {
        List<String> chips = serials.isPresent()
                ? Columns.childSerials(c, chipTable, parentColumn, rs.getString(idColumn()))
                : List.of();
        return read(rs, chips);
    }

    /**
     * The row {@code rs} stands on, with its chip serials read already (a bulk reader reads them all
     * at once); {@code serials} is ignored where the kind lists none.
     */
    public final T read(ResultSet rs, List<String> serials) throws SQLException {
        return Columns.readRow(type, rs, serials);
    }

    /**
     * The audit details of {@code row}: the named fields with their values, an enum by name.
     *
     * @throws IllegalArgumentException for a name that is not a field of the row type
     */
    final Map<String, Object> details(T row, String... names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names) {
            int i = fields.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(name + " is not a field of " + table + "; fields: " + fields);
            }
            Object value = Columns.value(type.getRecordComponents()[i], row);
            out.put(name, value instanceof Enum<?> e ? e.name() : value);
        }
        return Map.copyOf(out);
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
