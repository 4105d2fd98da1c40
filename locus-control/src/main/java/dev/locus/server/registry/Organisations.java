package dev.locus.server.registry;

import static dev.locus.server.registry.Column.enumName;
import static dev.locus.server.registry.Column.instant;
import static dev.locus.server.registry.Column.text;

import dev.locus.server.common.FieldReader;
import dev.locus.server.persistence.Sql;
import dev.locus.wire.RegistryValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** The registry's organisations: their table, validation and edits. */
final class Organisations {
    private static final List<Column<Organisation>> COLUMNS = List.of(
            text("name", Organisation::name),
            enumName("kind", Organisation::kind),
            text("country", Organisation::country),
            instant("created_at", Organisation::createdAt));

    static final RecordTable<Organisation> TABLE =
            new RecordTable<>("organisations", "id", Organisation::id, Organisations::read, COLUMNS);

    static final RecordType<Organisation> TYPE = new RecordType<>(
                    TABLE,
                    List.of("id", "name", "kind", "country"),
                    Organisations::parse,
                    (c, rows) -> Lookups.checkNewIds(c, "organisations", "id", "id", rows, Organisation::id),
                    o -> Map.copyOf(fields(o))) // all its fields
            .editedAs(new Editing<>(
                    List.of("name", "kind", "country"),
                    Organisations::fields,
                    (c, row) -> {})); // an organisation names no other record

    private Organisations() {}

    private static Organisation parse(FieldReader r, InstantSource clock) {
        return new Organisation(
                r.id("id"),
                r.text("name", 200),
                r.enumValue("kind", RegistryValues.OrganisationKind.class, RegistryValues.OrganisationKind.END_USER),
                r.country("country"),
                Sql.micros(clock.instant()));
    }

    private static Map<String, String> fields(Organisation o) {
        return Map.of("id", o.id(), "name", o.name(), "kind", o.kind().name(), "country", o.country());
    }

    private static Organisation read(ResultSet rs) throws SQLException {
        return new Organisation(
                rs.getString("id"),
                rs.getString("name"),
                RegistryValues.OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("country"),
                Sql.getInstant(rs, "created_at"));
    }
}
