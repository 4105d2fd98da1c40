package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import dev.locus.server.persistence.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders and invoices: validation and storage. */
public final class Orders implements RecordKind<Order> {
    /** Largest quantity one order may carry. */
    public static final int MAX_QUANTITY = 10_000_000;

    @Override
    public String table() {
        return "orders";
    }

    @Override
    public List<String> filters() {
        return List.of("buyer_id", "seller_id", "billing_country", "destination_site_id");
    }

    @Override
    public List<String> fields() {
        return List.of(
                "id",
                "seller_id",
                "buyer_id",
                "billing_party_id",
                "billing_country",
                "model",
                "quantity",
                "value_usd",
                "ordered_on",
                "destination_site_id");
    }

    @Override
    public Order parse(FieldReader r) {
        String id = r.id("id");
        String seller = r.id("seller_id");
        String buyer = r.id("buyer_id");
        String billing = r.optionalId("billing_party_id").orElse(buyer);
        String country = r.country("billing_country");
        String model = r.text("model", 64);
        int quantity = r.integer("quantity", 1, MAX_QUANTITY);
        double value = r.number("value_usd", 0, false, 1e15);
        return new Order(
                id,
                seller,
                buyer,
                billing,
                country,
                model,
                quantity,
                Double.isFinite(value)
                        ? BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP)
                        : BigDecimal.ZERO,
                r.date("ordered_on"),
                r.optionalId("destination_site_id"));
    }

    @Override
    public String idOf(Order o) {
        return o.id();
    }

    @Override
    public Map<String, String> partyFields(Order o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seller_id", o.sellerId());
        m.put("buyer_id", o.buyerId());
        if (!o.billingPartyId().equals(o.buyerId())) {
            m.put("billing_party_id", o.billingPartyId());
        }
        return m;
    }

    @Override
    public void checkReferences(Connection c, List<Parsed<Order>> rows) {}

    @Override
    public void insert(Connection c, List<Order> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, seller_id, buyer_id, billing_party_id,"
                + " billing_country, model, quantity, value_usd, ordered_on, destination_site_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (Order o : rows) {
                ps.setString(1, o.id());
                ps.setString(2, o.sellerId());
                ps.setString(3, o.buyerId());
                ps.setString(4, o.billingPartyId());
                ps.setString(5, o.billingCountry());
                ps.setString(6, o.model());
                ps.setInt(7, o.quantity());
                ps.setBigDecimal(8, o.valueUsd());
                ps.setDate(9, Date.valueOf(o.orderedOn()));
                Sql.setOptionalString(ps, 10, o.destinationSiteId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Order read(Connection c, ResultSet rs) throws SQLException {
        return read(rs);
    }

    static Order read(ResultSet rs) throws SQLException {
        return new Order(
                rs.getString("id"),
                rs.getString("seller_id"),
                rs.getString("buyer_id"),
                rs.getString("billing_party_id"),
                rs.getString("billing_country").strip(),
                rs.getString("model"),
                rs.getInt("quantity"),
                rs.getBigDecimal("value_usd"),
                rs.getDate("ordered_on").toLocalDate(),
                Optional.ofNullable(rs.getString("destination_site_id")));
    }

    @Override
    public Map<String, Object> auditDetails(Order o) {
        return Map.of(
                "id", o.id(),
                "buyer_id", o.buyerId(),
                "billing_country", o.billingCountry(),
                "model", o.model(),
                "quantity", o.quantity());
    }
}
