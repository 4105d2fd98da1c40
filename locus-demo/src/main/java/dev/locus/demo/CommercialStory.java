package dev.locus.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commercial record beside the physical demo, entered through the API as an operator would:
 * a Singapore buyer incorporated in 2024, with no data-centre footprint, orders 2,000 H100s billed
 * to Singapore and shipped to a freight forwarder in Malaysia, for a declared site that can power
 * about 200; a tenant headquartered in China trains models on chips rented at the Kuala Lumpur
 * site; the cloud operator's own orders, shipments and its honest tenant raise nothing. With the
 * cloud operator's earlier years, Singapore's billed volume jumps against its history and its
 * data-centre power.
 */
final class CommercialStory {
    /** The parties the red flags are about, and the honest ones that must raise nothing. */
    /** The Singapore buyer {@link DemoParties} registers with its ownership. */
    static final String BUYER = DemoParties.BUYER;

    static final String CHINA_TENANT = "kunlun-ai";
    static final String CLOUD = "apac-cloud";
    static final String HONEST_TENANT = "straits-bio";

    private final ControlPlaneClient client;
    private final String token;

    CommercialStory(ControlPlaneClient client, String token) {
        this.client = client;
        this.token = token;
    }

    /**
     * Records the story.
     *
     * @param chipsBySite the demo's chip serials at each registered site (shipped by the cloud operator's orders)
     * @param countryBySite each registered site's country
     */
    void record(Map<String, List<String>> chipsBySite, Map<String, String> countryBySite) {
        LocalDate today = LocalDate.now();
        party("nvx", "EXPORTER", "NVX Semiconductors", "US", "1993-04-05");
        party("apac-holdings", "COMPANY", "APAC Data Holdings Ltd", "SG", "2008-01-10");
        party(CLOUD, "CLOUD_OPERATOR", "APAC Cloud Pte. Ltd.", "SG", "2015-06-01");
        party(BUYER, "CONSIGNEE", "Lion Gate Compute Pte. Ltd.", "SG", "2024-02-14"); // registered by DemoParties
        party("swift-fwd", "FREIGHT_FORWARDER", "Swift Freight Sdn. Bhd.", "MY", "2011-03-01");
        party(CHINA_TENANT, "IAAS_TENANT", "Kunlun AI Technology Co., Ltd.", "CN", "2019-09-09");
        party(HONEST_TENANT, "IAAS_TENANT", "Straits Bio Pte. Ltd.", "SG", "2012-11-20");
        owner(CLOUD, "apac-holdings");
        owner(HONEST_TENANT, "apac-holdings");

        List<Map<String, Object>> orders = new ArrayList<>();
        List<Map<String, Object>> shipments = new ArrayList<>();
        // the cloud operator's earlier years: Singapore's history
        for (int back = 3; back >= 1; back--) {
            orders.add(
                    order("apac-sg-" + (today.getYear() - back), CLOUD, "SG", 240, today.minusYears(back), "sg-dc1"));
        }
        chipsBySite.forEach((site, serials) -> {
            String country = countryBySite.get(site);
            String id = "apac-" + site;
            orders.add(order(id, CLOUD, country, serials.size(), today.minusDays(40), site));
            shipments.add(shipment(
                    "ship-" + site,
                    id,
                    CLOUD,
                    site + " loading dock",
                    country,
                    "COMMERCIAL",
                    "",
                    serials,
                    today.minusDays(30)));
        });
        orders.add(order("lg-0001", BUYER, "SG", 2000, today.minusDays(20), "lion-gate-dc"));
        shipments.add(shipment(
                "lg-ship-1",
                "lg-0001",
                BUYER,
                "Lot 7, Jalan Pelabuhan Utara, Port Klang",
                "MY",
                "FORWARDER",
                "swift-fwd",
                List.of(),
                today.minusDays(12)));
        post("/api/v1/orders/import", orders);
        post("/api/v1/shipments/import", shipments);

        List<Map<String, Object>> capacity = new ArrayList<>();
        capacity.add(capacity("lion-gate-dc", BUYER, "SG", 0.25, 10));
        countryBySite.forEach((site, country) -> capacity.add(capacity(site, CLOUD, country, 2, 160)));
        post("/api/v1/site-capacity/import", capacity);

        post(
                "/api/v1/allocations/import",
                List.of(
                        allocation("alloc-kunlun", CHINA_TENANT, "kl-dc1", 64, "TRAINING", "CN", today),
                        allocation("alloc-straits", HONEST_TENANT, "sg-dc1", 16, "INFERENCE", "SG", today)));
    }

    private void party(String id, String kind, String name, String country, String incorporated) {
        Map<String, Object> p = DemoParties.party(id, kind, List.of(name), country);
        p.put("headquarters_country", country);
        p.put("incorporated_on", incorporated);
        try {
            client.get("/api/v1/parties/" + id, token);
        } catch (DemoException absent) {
            client.post("/api/v1/parties", token, p);
        }
    }

    private void owner(String owned, String owner) {
        DemoParties.link(client, token, owned, owner, 100, "2015-01-01");
    }

    private static Map<String, Object> order(
            String id, String buyer, String country, int quantity, LocalDate on, String site) {
        return Map.of(
                "id", id,
                "seller_id", "nvx",
                "buyer_id", buyer,
                "billing_country", country,
                "model", "H100",
                "quantity", quantity,
                "value_usd", quantity * 30_000L,
                "ordered_on", on.toString(),
                "destination_site_id", site);
    }

    private static Map<String, Object> shipment(
            String id,
            String order,
            String consignee,
            String address,
            String country,
            String kind,
            String forwarder,
            List<String> serials,
            LocalDate on) {
        Map<String, Object> s = new HashMap<>(Map.of(
                "id", id,
                "order_id", order,
                "consignee_id", consignee,
                "ship_to_address", address,
                "ship_to_country", country,
                "address_kind", kind,
                "declared_contents", "GPU servers",
                "chip_count", Math.max(1, serials.size()) * (serials.isEmpty() ? 2000 : 1),
                "serials", String.join(" ", serials),
                "shipped_on", on.toString()));
        if (!forwarder.isEmpty()) {
            s.put("forwarder_id", forwarder);
        }
        return s;
    }

    private static Map<String, Object> capacity(String site, String operator, String country, double mw, int racks) {
        return Map.of(
                "site_id", site,
                "operator_id", operator,
                "country", country,
                "power_mw", mw,
                "racks", racks,
                "declared_on", "2024-01-01");
    }

    private static Map<String, Object> allocation(
            String id, String tenant, String site, int chips, String purpose, String users, LocalDate today) {
        return Map.of(
                "id", id,
                "tenant_id", tenant,
                "site_id", site,
                "chip_count", chips,
                "valid_from", today.minusDays(10).toString(),
                "valid_until", today.plusMonths(6).toString(),
                "purpose", purpose,
                "user_countries", users);
    }

    private void post(String path, Object body) {
        client.post(path, token, body);
    }
}
