package dev.locus.server.registry;

import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.identity.ManufacturerTrust;
import dev.locus.server.persistence.Sql;
import dev.locus.wire.RegistryValues;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of organisations, sites, licences, chips, custody events and landmarks. Every
 * change is validated in full, committed in one transaction together with its audit entry, and
 * reported with all problems at once. Thread-safe.
 */
public final class RegistryService {
    private final AuditedStore store;
    private final RecordType<Chip> chips;

    /** A registry that trusts no manufacturer CA: chips can be registered without a device certificate only. */
    public RegistryService(AuditedStore store) {
        this(store, ManufacturerTrust.none());
    }

    /** A registry that checks chips' device certificates against {@code trust}. */
    public RegistryService(AuditedStore store, ManufacturerTrust trust) {
        this.store = store;
        this.chips = Chips.type(trust);
    }

    /** The kinds of record that can be created or bulk imported. */
    public enum Kind {
        ORGANISATIONS,
        SITES,
        LICENCES,
        CHIPS,
        LANDMARKS;

        /**
         * Parses a kind from its plural name, e.g. {@code sites}.
         *
         * @throws InvalidInputException naming the allowed kinds
         */
        public static Kind parse(String text) {
            try {
                return valueOf(text.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(List.of(new FieldProblem(
                        0, "kind", text, "must be one of organisations, sites, licences, chips, landmarks")));
            }
        }
    }

    private RecordType<?> type(Kind kind) {
        return switch (kind) {
            case ORGANISATIONS -> Organisations.TYPE;
            case SITES -> Sites.TYPE;
            case LICENCES -> Licences.TYPE;
            case CHIPS -> chips;
            case LANDMARKS -> Landmarks.TYPE;
        };
    }

    /** The columns a CSV import of {@code kind} may have. */
    public List<String> fields(Kind kind) {
        return type(kind).fields();
    }

    public Organisation createOrganisation(Map<String, String> fields, String actor) {
        return createOne(Organisations.TYPE, fields, actor);
    }

    public Site createSite(Map<String, String> fields, String actor) {
        return createOne(Sites.TYPE, fields, actor);
    }

    public Licence createLicence(Map<String, String> fields, String actor) {
        return createOne(Licences.TYPE, fields, actor);
    }

    public Chip createChip(Map<String, String> fields, String actor) {
        return createOne(chips, fields, actor);
    }

    public Landmark createLandmark(Map<String, String> fields, String actor) {
        return createOne(Landmarks.TYPE, fields, actor);
    }

    /**
     * Validates and stores one record.
     *
     * @throws InvalidInputException listing every problem; nothing is stored then
     */
    private <T> T createOne(RecordType<T> type, Map<String, String> fields, String actor) {
        return store.db().inTransaction(c -> {
            List<T> rows = validate(c, type, List.of(new Row(0, fields)));
            type.table().insert(c, rows);
            T row = rows.get(0);
            store.audit()
                    .append(
                            c,
                            actor,
                            type.plural() + ".created",
                            singular(type),
                            type.idOf(row),
                            type.auditDetails().apply(row));
            return row;
        });
    }

    /**
     * The version of the stored record of {@code kind} with that id, for an edit's
     * {@code If-Match}; empty when there is none.
     */
    public Optional<String> version(Kind kind, String id) {
        return versioned(kind, id).map(Edited::version);
    }

    /** The stored record of {@code kind} with that id together with its version, read at once. */
    public Optional<Edited<?>> versioned(Kind kind, String id) {
        return store.db().read(c -> versionedIn(c, type(kind), id));
    }

    private static <T> Optional<Edited<?>> versionedIn(Connection c, RecordType<T> type, String id)
            throws SQLException {
        Editing<T> e = editing(type);
        return type.table().find(c, id).map(row -> new Edited<>(row, version(e, row)));
    }

    private static <T> Editing<T> editing(RecordType<T> type) {
        return type.editing().orElseThrow(() -> new UnsupportedOperationException(type.plural() + " are not edited"));
    }

    /** A hash of the fields an editor sees: it changes exactly when one of them does. */
    private static <T> String version(Editing<T> e, T row) {
        return sha256(new java.util.TreeMap<>(e.fields().apply(row)).toString()).substring(0, 32);
    }

    /**
     * Changes the editable fields of one stored record, validated as a create would be, and records
     * the old and new values in the audit log in the same transaction. Fields left out keep their
     * stored values.
     *
     * @param expectedVersion the {@link #version} the editor started from
     * @return the record as stored now with its new version; empty when there is no such record
     * @throws InvalidInputException for bad values or fields that cannot be edited
     * @throws StaleEditException when the record changed since {@code expectedVersion}
     */
    public Optional<Edited<?>> update(
            Kind kind, String id, Map<String, String> fields, String expectedVersion, String actor) {
        return store.db().inTransaction(c -> updateTyped(c, type(kind), id, fields, expectedVersion, actor));
    }

    private <T> Optional<Edited<?>> updateTyped(
            Connection c, RecordType<T> type, String id, Map<String, String> fields, String expected, String actor)
            throws SQLException {
        Editing<T> editing = editing(type);
        Optional<T> stored = type.table().find(c, id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String current = version(editing, stored.get());
        if (!current.equals(expected)) {
            throw new StaleEditException(singular(type) + " '" + id + "' was changed by someone else since version "
                    + expected + " (now " + current + "); reload it and edit again");
        }
        Map<String, String> before = editing.fields().apply(stored.get());
        String idField = type.fields().get(0);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> merged = new java.util.HashMap<>(before);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (f.getKey().equals(idField) && f.getValue().equals(id)) {
                continue;
            }
            if (!editing.editable().contains(f.getKey())) {
                problems.add(new FieldProblem(
                        0,
                        f.getKey(),
                        f.getValue(),
                        "cannot be changed by an edit; editable: " + String.join(", ", editing.editable())));
            }
            merged.put(f.getKey(), f.getValue());
        }
        FieldReader reader = new FieldReader(merged, 0, problems);
        T row = type.parser().parse(reader, store.clock());
        if (problems.isEmpty()) {
            editing.check().run(c, new RecordType.Parsed<>(row, reader));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        type.table().update(c, row, editing.editable());
        T now = type.table().find(c, id).orElseThrow();
        Map<String, String> after = editing.fields().apply(now);
        Map<String, Object> changed = new java.util.TreeMap<>();
        for (String field : editing.editable()) {
            String was = before.getOrDefault(field, "");
            String is = after.getOrDefault(field, "");
            if (!was.equals(is)) {
                changed.put(field, Map.of("from", was, "to", is));
            }
        }
        store.audit().append(c, actor, type.plural() + ".updated", singular(type), id, Map.of("changed", changed));
        return Optional.of(new Edited<>(now, version(editing, now)));
    }

    /**
     * Imports all rows or none. The audit log records the import with its row count and the
     * SHA-256 of {@code sourceText}, so the file can later be matched to the entry.
     */
    public ImportResult importRows(Kind kind, List<Row> rows, String sourceText, String actor) {
        RecordType<?> type = type(kind);
        try {
            int count = importTyped(type, rows, sourceText, actor);
            return new ImportResult.Imported(type.plural(), count);
        } catch (InvalidInputException e) {
            return new ImportResult.Rejected(type.plural(), rows.size(), e.problems());
        }
    }

    private <T> int importTyped(RecordType<T> type, List<Row> rows, String sourceText, String actor) {
        if (rows.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem(0, "rows", "0", "must hold at least one record")));
        }
        return store.db().inTransaction(c -> {
            List<T> valid = validate(c, type, rows);
            type.table().insert(c, valid);
            store.audit()
                    .append(
                            c,
                            actor,
                            type.plural() + ".imported",
                            singular(type),
                            "*",
                            Map.of("count", valid.size(), "sha256", sha256(sourceText)));
            return valid.size();
        });
    }

    private <T> List<T> validate(Connection c, RecordType<T> type, List<Row> rows) throws SQLException {
        List<FieldProblem> problems = new ArrayList<>();
        List<RecordType.Parsed<T>> parsed = new ArrayList<>();
        for (Row row : rows) {
            FieldReader reader = new FieldReader(row.fields(), row.line(), problems);
            T value = type.parser().parse(reader, store.clock());
            reader.rejectUnknown(type.fields());
            RecordType.Parsed<T> p = new RecordType.Parsed<>(value, reader);
            parsed.add(p);
        }
        type.references().check(c, parsed);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(FieldProblem::line));
            throw new InvalidInputException(problems);
        }
        return parsed.stream().map(RecordType.Parsed::value).toList();
    }

    private static String singular(RecordType<?> type) {
        String p = type.plural();
        return p.substring(0, p.length() - 1);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    // ---- reads ----

    public Optional<Organisation> organisation(String id) {
        return store.db().read(c -> Organisations.TABLE.find(c, id));
    }

    public Optional<Site> site(String id) {
        return store.db().read(c -> Sites.TABLE.find(c, id));
    }

    public Optional<Licence> licence(String id) {
        return store.db().read(c -> Licences.TABLE.find(c, id));
    }

    public Optional<Chip> chip(String serial) {
        return store.db().read(c -> Chips.TABLE.find(c, serial));
    }

    public Optional<Landmark> landmark(String id) {
        return store.db().read(c -> Landmarks.TABLE.find(c, id));
    }

    /** Reads a landmark on the caller's connection (used by ingestion inside its transaction). */
    public static Optional<Landmark> landmark(Connection c, String id) throws SQLException {
        return Landmarks.TABLE.find(c, id);
    }

    public static Optional<Chip> chip(Connection c, String serial) throws SQLException {
        return Chips.TABLE.find(c, serial);
    }

    public static Optional<Site> site(Connection c, String id) throws SQLException {
        return Sites.TABLE.find(c, id);
    }

    public Page<Organisation> organisations(String after, int limit) {
        return store.db().read(c -> Organisations.TABLE.page(c, after, limit));
    }

    public Page<Site> sites(String after, int limit) {
        return store.db().read(c -> Sites.TABLE.page(c, after, limit));
    }

    public Page<Licence> licences(String after, int limit) {
        return store.db().read(c -> Licences.TABLE.page(c, after, limit));
    }

    public Page<Chip> chips(Optional<String> licenceId, String after, int limit) {
        return store.db()
                .read(c -> licenceId.isPresent()
                        ? Chips.TABLE.page(c, "licence_id", licenceId.get(), after, limit)
                        : Chips.TABLE.page(c, after, limit));
    }

    public Page<Landmark> landmarks(String after, int limit) {
        return store.db().read(c -> Landmarks.TABLE.page(c, after, limit));
    }

    /** Every landmark, for measurement evaluation (landmark sets are small: hundreds). */
    public List<Landmark> allLandmarks() {
        List<Landmark> all = new ArrayList<>();
        String after = "";
        while (true) {
            Page<Landmark> p = landmarks(after, 1000);
            all.addAll(p.items());
            if (p.nextCursor().isEmpty()) {
                return all;
            }
            after = p.nextCursor().get();
        }
    }

    // ---- custody and status changes ----

    /**
     * Records a custody event and moves the chip to the status it implies.
     *
     * @throws InvalidInputException for bad fields, an unknown chip or site
     */
    public CustodyEvent recordCustody(String serial, Map<String, String> fields, String actor) {
        return store.db().inTransaction(c -> {
            List<FieldProblem> problems = new ArrayList<>();
            FieldReader r = new FieldReader(fields, 0, problems);
            RegistryValues.CustodyKind kind =
                    r.enumValue("kind", RegistryValues.CustodyKind.class, RegistryValues.CustodyKind.MOVED);
            Optional<String> siteId = r.optionalId("site_id");
            String note = r.optionalText("note", 2000);
            Instant occurredAt = parseInstant(r, "occurred_at").orElse(store.now());
            r.rejectUnknown(List.of("kind", "site_id", "note", "occurred_at"));
            Optional<Chip> chip = Chips.TABLE.find(c, serial);
            if (chip.isEmpty()) {
                problems.add(new FieldProblem(0, "serial", serial, "must name a registered chip"));
            }
            if (siteId.isPresent() && Sites.TABLE.find(c, siteId.get()).isEmpty()) {
                r.problem("site_id", "must name a registered site");
            }
            if ((kind == RegistryValues.CustodyKind.INSTALLED || kind == RegistryValues.CustodyKind.RECEIVED)
                    && siteId.isEmpty()) {
                r.problem("site_id", "is required for " + kind + " events");
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            long id = Sql.insertReturningId(
                    c,
                    "INSERT INTO custody_events (chip_serial, kind, site_id, occurred_at, recorded_by, note)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, serial);
                        ps.setString(2, kind.name());
                        Sql.setOptionalString(ps, 3, siteId);
                        Sql.setInstant(ps, 4, occurredAt);
                        ps.setString(5, actor);
                        ps.setString(6, note);
                    });
            try (PreparedStatement ps = c.prepareStatement("UPDATE chips SET status = ? WHERE serial = ?")) {
                ps.setString(1, kind.resultingStatus().name());
                ps.setString(2, serial);
                ps.executeUpdate();
            }
            store.audit()
                    .append(
                            c,
                            actor,
                            "chip.custody",
                            "chip",
                            serial,
                            Map.of("event_id", id, "kind", kind.name(), "site_id", siteId.orElse(""), "note", note));
            return new CustodyEvent(id, serial, kind, siteId, occurredAt, actor, note);
        });
    }

    private static Optional<Instant> parseInstant(FieldReader r, String field) {
        String text = r.optionalText(field, 40);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Sql.micros(Instant.parse(text)));
        } catch (java.time.format.DateTimeParseException e) {
            r.problem(field, "must be an ISO-8601 instant such as 2026-11-22T10:15:30Z");
            return Optional.empty();
        }
    }

    public List<CustodyEvent> custodyEvents(String serial) {
        return store.db()
                .read(c -> Sql.query(
                        c,
                        "SELECT * FROM custody_events WHERE chip_serial = ? ORDER BY id",
                        ps -> ps.setString(1, serial),
                        rs -> new CustodyEvent(
                                rs.getLong("id"),
                                rs.getString("chip_serial"),
                                RegistryValues.CustodyKind.valueOf(rs.getString("kind")),
                                Sql.getOptionalString(rs, "site_id"),
                                Sql.getInstant(rs, "occurred_at"),
                                rs.getString("recorded_by"),
                                rs.getString("note"))));
    }

    /**
     * Sets a landmark's status (e.g. SUSPECT after a failed mesh audit), with the reason in the audit log.
     * Setting ACTIVE also clears the landmark for the mesh audit (round trips of its pairs measured
     * before now stop counting), so a restored landmark is flagged again only on new measurements.
     *
     * @return the updated landmark, or empty when there is none with that id
     */
    public Optional<Landmark> setLandmarkStatus(
            String id, RegistryValues.LandmarkStatus status, String reason, String actor) {
        return store.db().inTransaction(c -> setLandmarkStatus(c, id, status, reason, actor));
    }

    /** {@link #setLandmarkStatus(String, RegistryValues.LandmarkStatus, String, String)} inside the caller's transaction. */
    public Optional<Landmark> setLandmarkStatus(
            Connection c, String id, RegistryValues.LandmarkStatus status, String reason, String actor)
            throws SQLException {
        Optional<Landmark> before = Landmarks.TABLE.find(c, id);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        // Restoring a landmark clears it for the mesh audit: pairs measured before now no longer count.
        String sql = status == RegistryValues.LandmarkStatus.ACTIVE
                ? "UPDATE landmarks SET status = ?, mesh_cleared_at = ? WHERE id = ?"
                : "UPDATE landmarks SET status = ? WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, status.name());
            if (status == RegistryValues.LandmarkStatus.ACTIVE) {
                Sql.setInstant(ps, i++, store.clock().instant());
            }
            ps.setString(i, id);
            ps.executeUpdate();
        }
        store.audit()
                .append(
                        c,
                        actor,
                        "landmark.status",
                        "landmark",
                        id,
                        Map.of("from", before.get().status().name(), "to", status.name(), "reason", reason));
        return Landmarks.TABLE.find(c, id);
    }
}
