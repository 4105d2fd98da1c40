package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shipments against orders, with the serials they carried: validation and storage. */
public final class Shipments extends RecordTable<Shipment> {
    public Shipments() {
        super("INSERT INTO shipments", Shipment.class, List.of("order_id", "consignee_id", "ship_to_country"));
    }

    @Override
    public Shipment parse(FieldReader r) {
        String id = r.id("id");
        String order = r.id("order_id");
        String consignee = r.id("consignee_id");
        String address = r.text("ship_to_address", 500);
        String country = r.country("ship_to_country");
        AddressKind kind = r.enumValue("address_kind", AddressKind.class, AddressKind.COMMERCIAL);
        Optional<String> forwarder = r.optionalId("forwarder_id");
        String contents = r.text("declared_contents", 500);
        int count = r.integer("chip_count", 1, Orders.MAX_QUANTITY);
        List<String> serials = Columns.serials(r, count);
        return new Shipment(
                id,
                order,
                consignee,
                address,
                country,
                kind,
                forwarder,
                contents,
                count,
                serials,
                r.date("shipped_on"));
    }

    @Override
    public Map<String, String> partyFields(Shipment s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("consignee_id", s.consigneeId());
        s.forwarderId().ifPresent(f -> m.put("forwarder_id", f));
        return m;
    }

    @Override
    public void checkReferences(Connection c, List<Parsed<Shipment>> rows) throws SQLException {
        Set<String> orders = Columns.existing(
                c, "orders", "id", rows.stream().map(p -> p.value().orderId()).toList());
        for (Parsed<Shipment> p : rows) {
            if (!orders.contains(p.value().orderId())) {
                p.reader().problem("order_id", "must name a recorded order");
            }
        }
    }

    @Override
    public Map<String, Object> auditDetails(Shipment s) {
        return details(s, "id", "order_id", "ship_to_country", "address_kind", "chip_count");
    }
}
