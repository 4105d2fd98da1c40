package dev.locus.server.registry;

import static dev.locus.server.registry.Column.date;
import static dev.locus.server.registry.Column.instant;
import static dev.locus.server.registry.Column.integer;
import static dev.locus.server.registry.Column.text;

import dev.locus.server.common.FieldReader;
import dev.locus.server.persistence.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The registry's export licences: their table, validation and edits. */
final class Licences {
    static final int MAX_CHIP_COUNT = 10_000_000;

    private static final List<Column<Licence>> COLUMNS = List.of(
            text("exporter_id", Licence::exporterId),
            text("end_user_id", Licence::endUserId),
            text("site_id", Licence::siteId),
            integer("chip_count", Licence::chipCount),
            text("conditions", Licence::conditions),
            date("valid_from", Licence::validFrom),
            date("valid_until", Licence::validUntil),
            instant("created_at", Licence::createdAt));

    static final RecordTable<Licence> TABLE = new RecordTable<>("licences", "id", Licence::id, Licences::read, COLUMNS);

    private static final List<String> EDITABLE =
            List.of("exporter_id", "end_user_id", "site_id", "chip_count", "conditions", "valid_from", "valid_until");

    static final RecordType<Licence> TYPE = new RecordType<>(
                    TABLE,
                    List.of(
                            "id",
                            "exporter_id",
                            "end_user_id",
                            "site_id",
                            "chip_count",
                            "conditions",
                            "valid_from",
                            "valid_until"),
                    Licences::parse,
                    Licences::checkReferences,
                    Licences::auditDetails)
            .editedAs(new Editing<>(EDITABLE, Licences::fields, (c, row) -> checkParties(c, List.of(row))));

    private Licences() {}

    private static Licence parse(FieldReader r, InstantSource clock) {
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

    private static void checkReferences(Connection c, List<RecordType.Parsed<Licence>> rows) throws SQLException {
        Lookups.checkNewIds(c, "licences", "id", "id", rows, Licence::id);
        checkParties(c, rows);
    }

    private static void checkParties(Connection c, List<RecordType.Parsed<Licence>> rows) throws SQLException {
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
        for (RecordType.Parsed<Licence> p : rows) {
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

    /** The audit log's details: the fields but the free-text conditions, the chip count as a number. */
    private static Map<String, Object> auditDetails(Licence l) {
        Map<String, Object> details = new HashMap<>(fields(l));
        details.remove("conditions");
        details.put("chip_count", l.chipCount());
        return Map.copyOf(details);
    }

    private static Map<String, String> fields(Licence l) {
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

    private static Licence read(ResultSet rs) throws SQLException {
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
}
