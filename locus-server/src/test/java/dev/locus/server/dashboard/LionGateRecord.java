package dev.locus.server.dashboard;

import dev.locus.server.ControlPlane;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The red-flag browser tests' commercial record, entered through the API: an exporter, a Singapore
 * buyer formed in 2024 and a Malaysian forwarder; 2,000 H100s billed to Singapore for the buyer's
 * site {@code lion-gate-dc}, shipped to the forwarder in Port Klang.
 */
final class LionGateRecord {
    private LionGateRecord() {}

    /**
     * A live server holding the record, with rate limits a browser test does not reach.
     *
     * @param name names the server's temporary data folder
     */
    static LiveServer serve(String name) throws IOException {
        LiveServer server = LiveServer.start(name, c -> c.withRateLimits(1000, 1000));
        try {
            enter(server.cp(), server.http(), server.admin());
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** Enters the parties, the order and its shipment (the screening lists are loaded first). */
    static void enter(ControlPlane cp, Http http, String admin) {
        // the first party saved loads the bundled screening lists, which can take longer than the
        // client's 30 s on a loaded machine: load them first
        cp.compliance().screening().lists().loaded();
        party(http, admin, "nvx", "EXPORTER", "US", "1993-04-05");
        party(http, admin, "lion-gate", "CONSIGNEE", "SG", "2024-02-14");
        party(http, admin, "swift-fwd", "FREIGHT_FORWARDER", "MY", "2011-03-01");
        http.okText(
                "/api/v1/orders/import",
                admin,
                "text/csv",
                "id,seller_id,buyer_id,billing_country,model,quantity,value_usd,ordered_on,destination_site_id\n"
                        + "lg-0001,nvx,lion-gate,SG,H100,2000,60000000,2025-03-01,lion-gate-dc\n");
        http.okText(
                "/api/v1/shipments/import",
                admin,
                "text/csv",
                "id,order_id,consignee_id,ship_to_address,ship_to_country,address_kind,forwarder_id,"
                        + "declared_contents,chip_count,shipped_on\n"
                        + "lg-ship-1,lg-0001,lion-gate,\"Lot 7, Port Klang\",MY,FORWARDER,swift-fwd,GPU servers,2000,"
                        + "2025-03-20\n");
    }

    /**
     * Enters an allocation of 64 of the buyer's chips to itself and the capacity its site declared:
     * 0.25 MW, 10 racks, far short of what 2,000 chips need.
     */
    static void allocateAndDeclareCapacity(Http http, String admin) {
        http.okText(
                "/api/v1/allocations/import",
                admin,
                "application/json",
                "[{\"id\": \"lg-alloc-1\", \"tenant_id\": \"lion-gate\", \"site_id\": \"lion-gate-dc\","
                        + " \"chip_count\": \"64\", \"valid_from\": \"2025-04-01\", \"valid_until\": \"2025-12-31\","
                        + " \"purpose\": \"TRAINING\", \"user_countries\": \"SG\"}]");
        http.okText(
                "/api/v1/site-capacity/import",
                admin,
                "application/json",
                "[{\"site_id\": \"lion-gate-dc\", \"operator_id\": \"lion-gate\", \"country\": \"SG\","
                        + " \"power_mw\": \"0.25\", \"racks\": \"10\", \"declared_on\": \"2025-02-01\"}]");
    }

    private static void party(Http http, String token, String id, String kind, String country, String incorporated) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("kind", kind);
        p.put("names", List.of(id + " Ltd"));
        p.put("country_of_incorporation", country);
        p.put("incorporated_on", incorporated);
        http.ok("/api/v1/parties", token, p);
    }
}
