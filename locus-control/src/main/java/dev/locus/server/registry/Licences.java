package dev.locus.server.registry;

import dev.locus.server.common.FieldReader;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Storage and validation of export licences. */
final class Licences implements RecordType<Licence> {
    static final int MAX_CHIP_COUNT = 10_000_000;
    private final InstantSource clock;

    Licences(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public String plural() {
        return "licences";
    }

    @Override
    public List<String> fields() {
        return List.of(
                "id", "exporter_id", "end_user_id", "site_id", "chip_count", "conditions", "valid_from", "valid_until");
    }

    @Override
    public Licence parse(FieldReader r) {
        Licence l = new Licence(
                r.id("id"),
                r.id("exporter_id"),
                r.id("end_user_id"),
                r.id("site_id"),
                r.integer("chip_count", 1, MAX_CHIP_COUNT),
                r.optionalText("conditions", 4000),
                r.date("valid_from"),
                r.date("valid_until"),
                Sql.micros(clock.instant()));
        if (l.validUntil().isBefore(l.validFrom()) && !l.validUntil().equals(LocalDate.EPOCH)) {
            r.problem("valid_until", "must not be before valid_from (" + l.validFrom() + ")");
        }
        return l;
    }

    @Override
    public void checkReferences(Connection c, List<Parsed<Licence>> rows) throws SQLException {
        Lookups.checkNewIds(c, "licences", "id", "id", rows, Licence::id);
        checkParties(c, rows);
    }

    private static void checkParties(Connection c, List<Parsed<Licence>> rows) throws SQLException {
        Map<String, String> kinds = Lookups.attribute(
                c,
                "organisations",
                "id",
                "kind",
                rows.stream()
                        .flatMap(
                                p -> Stream.of(p.value().exporterId(), p.value().endUserId()))
                        .toList());
        Set<String> sites = Lookups.existing(
                c, "sites", "id", rows.stream().map(p -> p.value().siteId()).toList());
        for (Parsed<Licence> p : rows) {
            String exporterKind = kinds.get(p.value().exporterId());
            if (exporterKind == null) {
                p.reader().problem("exporter_id", "must name a registered organisation");
            } else if (!exporterKind.equals("EXPORTER") && !exporterKind.equals("DISTRIBUTOR")) {
                p.reader().problem("exporter_id", "must name an EXPORTER or DISTRIBUTOR (is " + exporterKind + ")");
            }
            if (!kinds.containsKey(p.value().endUserId())) {
                p.reader().problem("end_user_id", "must name a registered organisation");
            }
            if (!sites.contains(p.value().siteId())) {
                p.reader().problem("site_id", "must name a registered site");
            }
        }
    }

    @Override
    public void insert(Connection c, List<Licence> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO licences (id, exporter_id, end_user_id, site_id,"
                + " chip_count, conditions, valid_from, valid_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Licence l : rows) {
                ps.setString(1, l.id());
                ps.setString(2, l.exporterId());
                ps.setString(3, l.endUserId());
                ps.setString(4, l.siteId());
                ps.setInt(5, l.chipCount());
                ps.setString(6, l.conditions());
                ps.setObject(7, l.validFrom());
                ps.setObject(8, l.validUntil());
                Sql.setInstant(ps, 9, l.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Map<String, Object> auditDetails(Licence l) {
        return Map.of(
                "id", l.id(),
                "exporter_id", l.exporterId(),
                "end_user_id", l.endUserId(),
                "site_id", l.siteId(),
                "chip_count", l.chipCount(),
                "valid_from", l.validFrom().toString(),
                "valid_until", l.validUntil().toString());
    }

    @Override
    public String idOf(Licence row) {
        return row.id();
    }

    @Override
    public Optional<Editing<Licence>> editing() {
        return Optional.of(new Editing<>(
                List.of(
                        "exporter_id",
                        "end_user_id",
                        "site_id",
                        "chip_count",
                        "conditions",
                        "valid_from",
                        "valid_until"),
                Licences::find,
                Licences::storedFields,
                (c, row) -> checkParties(c, List.of(row)),
                Licences::update));
    }

    private static Map<String, String> storedFields(Licence l) {
        return Map.of(
                "id", l.id(),
                "exporter_id", l.exporterId(),
                "end_user_id", l.endUserId(),
                "site_id", l.siteId(),
                "chip_count", Integer.toString(l.chipCount()),
                "conditions", l.conditions(),
                "valid_from", l.validFrom().toString(),
                "valid_until", l.validUntil().toString());
    }

    private static void update(Connection c, Licence l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE licences SET exporter_id = ?, end_user_id = ?,"
                + " site_id = ?, chip_count = ?, conditions = ?, valid_from = ?, valid_until = ? WHERE id = ?")) {
            ps.setString(1, l.exporterId());
            ps.setString(2, l.endUserId());
            ps.setString(3, l.siteId());
            ps.setInt(4, l.chipCount());
            ps.setString(5, l.conditions());
            ps.setObject(6, l.validFrom());
            ps.setObject(7, l.validUntil());
            ps.setString(8, l.id());
            ps.executeUpdate();
        }
    }

    static Licence read(ResultSet rs) throws SQLException {
        return new Licence(
                rs.getString("id"),
                rs.getString("exporter_id"),
                rs.getString("end_user_id"),
                rs.getString("site_id"),
                rs.getInt("chip_count"),
                rs.getString("conditions"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                Sql.getInstant(rs, "created_at"));
    }

    static Optional<Licence> find(Connection c, String id) throws SQLException {
        return KeyedRows.find(c, "licences", "id", id, Licences::read);
    }

    static Page<Licence> page(Connection c, String after, int limit) throws SQLException {
        return KeyedRows.page(c, "licences", "id", after, limit, Licences::read, Licence::id);
    }
}
