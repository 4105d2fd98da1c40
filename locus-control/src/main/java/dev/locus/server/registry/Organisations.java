package dev.locus.server.registry;

import dev.locus.server.common.FieldReader;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Sql;
import dev.locus.wire.RegistryValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage and validation of organisations. */
final class Organisations implements RecordType<Organisation> {
    private final InstantSource clock;

    Organisations(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public String plural() {
        return "organisations";
    }

    @Override
    public List<String> fields() {
        return List.of("id", "name", "kind", "country");
    }

    @Override
    public Organisation parse(FieldReader r) {
        return new Organisation(
                r.id("id"),
                r.text("name", 200),
                r.enumValue("kind", RegistryValues.OrganisationKind.class, RegistryValues.OrganisationKind.END_USER),
                r.country("country"),
                Sql.micros(clock.instant()));
    }

    @Override
    public void checkReferences(Connection c, List<Parsed<Organisation>> rows) throws SQLException {
        Lookups.checkNewIds(c, "organisations", "id", "id", rows, Organisation::id);
    }

    @Override
    public void insert(Connection c, List<Organisation> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO organisations (id, name, kind, country, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Organisation o : rows) {
                ps.setString(1, o.id());
                ps.setString(2, o.name());
                ps.setString(3, o.kind().name());
                ps.setString(4, o.country());
                Sql.setInstant(ps, 5, o.createdAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Map<String, Object> auditDetails(Organisation o) {
        return Map.of("id", o.id(), "name", o.name(), "kind", o.kind().name(), "country", o.country());
    }

    @Override
    public String idOf(Organisation row) {
        return row.id();
    }

    @Override
    public Optional<Editing<Organisation>> editing() {
        return Optional.of(new Editing<>(
                List.of("name", "kind", "country"),
                Organisations::find,
                Organisations::storedFields,
                (c, row) -> {}, // an organisation names no other record
                Organisations::update));
    }

    private static Map<String, String> storedFields(Organisation o) {
        return Map.of("id", o.id(), "name", o.name(), "kind", o.kind().name(), "country", o.country());
    }

    private static void update(Connection c, Organisation o) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE organisations SET name = ?, kind = ?, country = ? WHERE id = ?")) {
            ps.setString(1, o.name());
            ps.setString(2, o.kind().name());
            ps.setString(3, o.country());
            ps.setString(4, o.id());
            ps.executeUpdate();
        }
    }

    static Organisation read(ResultSet rs) throws SQLException {
        return new Organisation(
                rs.getString("id"),
                rs.getString("name"),
                RegistryValues.OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("country"),
                Sql.getInstant(rs, "created_at"));
    }

    static Optional<Organisation> find(Connection c, String id) throws SQLException {
        return KeyedRows.find(c, "organisations", "id", id, Organisations::read);
    }

    static Page<Organisation> page(Connection c, String after, int limit) throws SQLException {
        return KeyedRows.page(c, "organisations", "id", after, limit, Organisations::read, Organisation::id);
    }
}
