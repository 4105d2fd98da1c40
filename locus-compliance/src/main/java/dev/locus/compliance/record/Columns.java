package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import dev.locus.server.persistence.Sql;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reading and checking the record's list-valued columns and references. */
final class Columns {
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** Most serials one shipment or allocation row may list. */
    static final int MAX_SERIALS = 10_000;

    private Columns() {}

    /** The {@code serials} field of a row of {@code chipCount} chips: at most that many. */
    static List<String> serials(FieldReader r, int chipCount) {
        List<String> serials = serials(r, "serials", r.optionalText("serials", 1_000_000));
        if (serials.size() > chipCount) {
            r.problem("serials", "must list at most chip_count (" + chipCount + ") serials, got " + serials.size());
        }
        return serials;
    }

    /** Space- or comma-separated chip serials; empty when missing. */
    static List<String> serials(FieldReader r, String field, String raw) {
        List<String> out = split(raw);
        if (out.size() > MAX_SERIALS) {
            r.problem(field, "must list at most " + MAX_SERIALS + " serials");
            return List.of();
        }
        for (String s : out) {
            if (!SERIAL.matcher(s).matches()) {
                r.problem(field, "must be serials of 1 to 64 letters, digits or . _ : - (bad: '" + s + "')");
                return List.of();
            }
        }
        if (new HashSet<>(out).size() != out.size()) {
            r.problem(field, "must not repeat a serial");
        }
        return out;
    }

    /** Space- or comma-separated ISO alpha-2 codes; empty when missing. */
    static Set<String> countries(FieldReader r, String field, String raw) {
        Set<String> out = new java.util.TreeSet<>();
        for (String s : split(raw)) {
            String upper = s.toUpperCase(Locale.ROOT);
            if (!COUNTRY.matcher(upper).matches()) {
                r.problem(field, "must be ISO 3166-1 alpha-2 codes such as SG MY (bad: '" + s + "')");
                return Set.of();
            }
            out.add(upper);
        }
        return out;
    }

    private static List<String> split(String raw) {
        return raw.isBlank()
                ? List.of()
                : Arrays.stream(raw.strip().split("[\\s,]+")).toList();
    }

    /**
     * Inserts record-typed rows as one batch: {@code insertInto} (e.g. {@code INSERT INTO orders})
     * with the row type's columns (see {@link #of}) and {@code created_at} now.
     */
    static <T extends Record> void insert(Connection c, String insertInto, List<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = of(rows.get(0).getClass());
        try (PreparedStatement ps = c.prepareStatement(insertInto + " (" + String.join(", ", columns)
                + ", created_at) VALUES (" + "?, ".repeat(columns.size()) + "CURRENT_TIMESTAMP)")) {
            for (T row : rows) {
                bindRow(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Each record type's column components: all but a list (chip serials live in a child table). */
    private static final ClassValue<List<RecordComponent>> COLUMNS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .filter(rc -> rc.getType() != List.class)
                    .toList();
        }
    };

    /** The fields of a record-typed row: its components, in order, in snake case. */
    static List<String> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(rc -> snake(rc.getName()))
                .toList();
    }

    /** The columns of a record-typed row: its components but lists, in order, in snake case. */
    static List<String> of(Class<?> type) {
        return COLUMNS.get(type).stream().map(rc -> snake(rc.getName())).toList();
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** The value of one component of {@code row}. */
    static Object value(RecordComponent component, Object row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /**
     * Binds the row's column values (see {@link #of}) to parameters 1, 2, …: text, numbers and
     * dates as they are, an enum by name, a set of text sorted and space-separated, an empty
     * optional as NULL.
     */
    static void bindRow(PreparedStatement ps, Object row) throws SQLException {
        List<RecordComponent> columns = COLUMNS.get(row.getClass());
        for (int i = 0; i < columns.size(); i++) {
            bind(ps, i + 1, value(columns.get(i), row));
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case String s -> ps.setString(index, s);
            case Integer n -> ps.setInt(index, n);
            case Double x -> ps.setDouble(index, x);
            case BigDecimal x -> ps.setBigDecimal(index, x);
            case LocalDate day -> ps.setDate(index, Date.valueOf(day));
            case Enum<?> e -> ps.setString(index, e.name());
            case Set<?> set ->
                ps.setString(
                        index,
                        String.join(
                                " ",
                                new TreeSet<>(set.stream().map(String::valueOf).toList())));
            case Optional<?> o -> Sql.setOptionalString(ps, index, o.map(String::valueOf));
            default -> throw new IllegalArgumentException("no column type for " + value.getClass());
        }
    }

    /**
     * Reads the row {@code rs} stands on as a {@code type}: the inverse of {@link #bindRow}, each
     * component from the column of its name in snake case (text stripped of the blanks a CHAR
     * column pads with, as every text field was stripped when written; a set from its
     * space-separated form; NULL as an empty optional), and the list component, if any, from
     * {@code serials}.
     */
    static <T extends Record> T readRow(Class<T> type, ResultSet rs, List<String> serials) throws SQLException {
        RowLayout layout = LAYOUTS.get(type);
        Object[] values = new Object[layout.types().length];
        for (int i = 0; i < values.length; i++) {
            Class<?> t = layout.types()[i];
            values[i] = t == List.class ? serials : read(rs, layout.columns()[i], t);
        }
        try {
            return type.cast(layout.constructor().newInstance(values));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " from its row", e);
        }
    }

    private static Object read(ResultSet rs, String column, Class<?> type) throws SQLException {
        if (type == String.class) {
            return rs.getString(column).strip();
        } else if (type == int.class) {
            return rs.getInt(column);
        } else if (type == double.class) {
            return rs.getDouble(column);
        } else if (type == BigDecimal.class) {
            return rs.getBigDecimal(column);
        } else if (type == LocalDate.class) {
            return rs.getDate(column).toLocalDate();
        } else if (type.isEnum()) {
            return enumValue(type, rs.getString(column));
        } else if (type == Set.class) {
            String words = rs.getString(column).strip();
            return words.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(words.split(" ")));
        } else if (type == Optional.class) {
            return Optional.ofNullable(rs.getString(column));
        }
        throw new IllegalArgumentException("no column type for " + type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    /** A record type's components as columns (snake-case names, types) and its canonical constructor. */
    private record RowLayout(String[] columns, Class<?>[] types, Constructor<?> constructor) {}

    private static final ClassValue<RowLayout> LAYOUTS = new ClassValue<>() {
        @Override
        protected RowLayout computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return new RowLayout(
                        Arrays.stream(components).map(rc -> snake(rc.getName())).toArray(String[]::new),
                        types,
                        type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record has its canonical constructor", e);
            }
        }
    };

    /** The subset of {@code ids} present in {@code table.column}. */
    static Set<String> existing(Connection c, String table, String column, Collection<String> ids) throws SQLException {
        return Sql.stringsIn(c, "SELECT " + column + " FROM " + table + " WHERE " + column, ids);
    }

    /** Serials of one parent row, in serial order. */
    static List<String> childSerials(Connection c, String table, String parentColumn, String parentId)
            throws SQLException {
        return Sql.query(
                c,
                "SELECT chip_serial FROM " + table + " WHERE " + parentColumn + " = ? ORDER BY chip_serial",
                ps -> ps.setString(1, parentId),
                rs -> rs.getString(1));
    }

    /** Inserts (parent, serial) pairs as one batch. */
    static void insertSerials(Connection c, String table, String parentColumn, String parentId, List<String> serials)
            throws SQLException {
        if (serials.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO " + table + " (" + parentColumn + ", chip_serial) VALUES (?, ?)")) {
            for (String s : serials) {
                ps.setString(1, parentId);
                ps.setString(2, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
