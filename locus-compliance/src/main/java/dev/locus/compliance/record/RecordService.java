package dev.locus.compliance.record;

import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.common.Sha256;
import dev.locus.server.registry.ImportResult;
import dev.locus.server.registry.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The commercial record: orders, shipments, allocations and site capacity, written one at a time
 * or imported all-or-nothing with every bad row and column named; every write in the audit log in
 * its transaction. Thread-safe.
 */
public final class RecordService {
    public static final Orders ORDERS = new Orders();
    public static final Shipments SHIPMENTS = new Shipments();
    public static final Allocations ALLOCATIONS = new Allocations();
    public static final SiteCapacities SITE_CAPACITY = new SiteCapacities();

    private final AuditedStore store;
    private final PartyRegister parties;
    private final List<RecordListener> listeners = new CopyOnWriteArrayList<>();

    public RecordService(AuditedStore store, PartyRegister parties) {
        this.store = store;
        this.parties = parties;
    }

    /** Adds a listener told of every committed write (the red-flag evaluation). */
    public void addListener(RecordListener listener) {
        listeners.add(listener);
    }

    /**
     * Validates and stores one row.
     *
     * @throws InvalidInputException naming every bad field
     */
    public <T> T create(RecordKind<T> kind, Map<String, String> fields, String actor) {
        T row = store.db().inTransaction(c -> {
            T value = validate(c, kind, List.of(new Row(0, fields))).getFirst();
            kind.insert(c, List.of(value));
            store.audit()
                    .append(
                            c,
                            actor,
                            kind.table() + ".created",
                            kind.table(),
                            kind.idOf(value),
                            kind.auditDetails(value));
            return value;
        });
        tell(kind, List.of(row));
        return row;
    }

    /**
     * Imports all rows or none. The audit log records the import with its row count and the
     * SHA-256 of {@code sourceText}.
     */
    public <T> ImportResult importRows(RecordKind<T> kind, List<Row> rows, String sourceText, String actor) {
        if (rows.isEmpty()) {
            return new ImportResult.Rejected(
                    kind.table(), 0, List.of(new FieldProblem(0, "rows", "0", "must hold at least one record")));
        }
        try {
            List<T> written = store.db().inTransaction(c -> {
                List<T> valid = validate(c, kind, rows);
                kind.insert(c, valid);
                store.audit()
                        .append(
                                c,
                                actor,
                                kind.table() + ".imported",
                                kind.table(),
                                "*",
                                Map.of("count", valid.size(), "sha256", Sha256.hex(sourceText)));
                return valid;
            });
            tell(kind, written);
            return new ImportResult.Imported(kind.table(), written.size());
        } catch (InvalidInputException e) {
            return new ImportResult.Rejected(kind.table(), rows.size(), e.problems());
        }
    }

    private <T> List<T> validate(Connection c, RecordKind<T> kind, List<Row> rows) throws SQLException {
        List<FieldProblem> problems = new ArrayList<>();
        List<RecordKind.Parsed<T>> parsed = new ArrayList<>();
        for (Row row : rows) {
            FieldReader reader = new FieldReader(row.fields(), row.line(), problems);
            T value = kind.parse(reader);
            reader.rejectUnknown(kind.fields());
            parsed.add(new RecordKind.Parsed<>(value, reader));
        }
        checkNewIds(c, kind, parsed);
        checkParties(kind, parsed);
        kind.checkReferences(c, parsed);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(FieldProblem::line));
            throw new InvalidInputException(problems);
        }
        return parsed.stream().map(RecordKind.Parsed::value).toList();
    }

    private static <T> void checkNewIds(Connection c, RecordKind<T> kind, List<RecordKind.Parsed<T>> rows)
            throws SQLException {
        Map<String, Integer> firstLine = new HashMap<>();
        for (RecordKind.Parsed<T> p : rows) {
            Integer earlier =
                    firstLine.putIfAbsent(kind.idOf(p.value()), p.reader().line());
            if (earlier != null) {
                p.reader().problem(kind.idColumn(), "repeats the " + kind.idColumn() + " of line " + earlier);
            }
        }
        Set<String> taken = Columns.existing(c, kind.table(), kind.idColumn(), firstLine.keySet());
        for (RecordKind.Parsed<T> p : rows) {
            if (taken.contains(kind.idOf(p.value()))) {
                p.reader().problem(kind.idColumn(), "is already recorded");
            }
        }
    }

    private <T> void checkParties(RecordKind<T> kind, List<RecordKind.Parsed<T>> rows) {
        Set<String> named = new HashSet<>();
        rows.forEach(p -> named.addAll(kind.partyFields(p.value()).values()));
        Set<String> known = new HashSet<>();
        List<String> all = new ArrayList<>(named);
        for (int from = 0; from < all.size(); from += 1000) {
            known.addAll(parties.existing(all.subList(from, Math.min(all.size(), from + 1000))));
        }
        for (RecordKind.Parsed<T> p : rows) {
            kind.partyFields(p.value()).forEach((field, id) -> {
                if (!id.isEmpty() && !known.contains(id)) {
                    p.reader().problem(field, "must name a registered party");
                }
            });
        }
    }

    private void tell(RecordKind<?> kind, List<?> rows) {
        for (RecordListener l : listeners) {
            l.written(kind, rows);
        }
    }

    /** The row with this id. */
    public <T> Optional<T> find(RecordKind<T> kind, String id) {
        return store.db().read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT * FROM " + kind.table() + " WHERE " + kind.idColumn() + " = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(kind.read(c, rs)) : Optional.<T>empty();
                }
            }
        });
    }

    /**
     * Rows in the order they were recorded, narrowed by equality on {@link RecordKind#filters()}.
     *
     * @param after cursor from the previous page ("" for the first)
     * @throws InvalidInputException for a filter the kind does not offer or a bad cursor
     */
    public <T> Page<T> page(RecordKind<T> kind, Map<String, String> filters, String after, int limit) {
        List<FieldProblem> problems = new ArrayList<>();
        filters.keySet().stream()
                .filter(f -> !kind.filters().contains(f))
                .forEach(f -> problems.add(
                        new FieldProblem(0, f, filters.get(f), "is not a filter; allowed: " + kind.filters())));
        long afterSeq = 0;
        if (!after.isEmpty()) {
            try {
                afterSeq = Long.parseLong(after);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(0, "after", after, "must be a cursor from a previous page"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long from = afterSeq;
        return store.db().read(c -> {
            StringBuilder sql = new StringBuilder("SELECT * FROM " + kind.table() + " WHERE seq > ?");
            List<String> values = new ArrayList<>();
            filters.forEach((column, value) -> {
                sql.append(" AND ").append(column).append(" = ?");
                values.add(value);
            });
            sql.append(" ORDER BY seq LIMIT ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setLong(1, from);
                for (int i = 0; i < values.size(); i++) {
                    ps.setString(i + 2, values.get(i));
                }
                ps.setInt(values.size() + 2, limit + 1);
                List<T> rows = new ArrayList<>();
                long lastSeq = from;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rows.size() < limit && rs.next()) {
                        rows.add(kind.read(c, rs));
                        lastSeq = rs.getLong("seq");
                    }
                    boolean more = rows.size() == limit && rs.next();
                    return new Page<>(rows, more ? Optional.of(Long.toString(lastSeq)) : Optional.empty());
                }
            }
        });
    }

    /**
     * A site's declared capacity against the power of the chips ordered for it and located there;
     * empty when the record knows nothing of the site.
     */
    public Optional<SiteDemand> siteDemand(String siteId) {
        return store.db()
                .read(c -> Optional.of(SiteDemand.read(c, siteId, CHIP_POWER)).filter(SiteDemand::known));
    }

    private static final dev.locus.compliance.redflags.ChipPower CHIP_POWER =
            dev.locus.compliance.redflags.ChipPower.bundled();
}
