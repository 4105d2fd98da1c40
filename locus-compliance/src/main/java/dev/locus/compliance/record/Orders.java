package dev.locus.compliance.record;

import dev.locus.server.common.FieldReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders and invoices: validation and storage. */
public final class Orders extends RecordTable<Order> {
    /** Largest quantity one order may carry. */
    public static final int MAX_QUANTITY = 10_000_000;

    public Orders() {
        super(
                "INSERT INTO orders",
                Order.class,
                List.of("buyer_id", "seller_id", "billing_country", "destination_site_id"));
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
    public Map<String, Object> auditDetails(Order o) {
        return details(o, "id", "buyer_id", "billing_country", "model", "quantity");
    }
}
