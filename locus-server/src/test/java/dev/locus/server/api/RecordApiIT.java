package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.ControlPlane;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commercial record over real HTTP: create, import (all or nothing), list with filters and paging. */
class RecordApiIT {
    @TempDir
    Path dataDir;

    private static final String ORDERS = """
            id,seller_id,buyer_id,billing_country,model,quantity,value_usd,ordered_on,destination_site_id
            o1,nvx,sg-buyer,SG,H100,2000,60000000,2025-03-01,sg-buyer-dc
            o2,nvx,sg-buyer,SG,H100,8,240000,2025-04-01,
            """;

    @Test
    void importListAndRead_withEveryBadRowNamed() throws Exception {
        try (LocalServer server = LocalServer.start(dataDir, "h2", c -> c.withRateLimits(1000, 1000))) {
            ControlPlane cp = server.cp();
            ApiClient api = server.api();
            String admin = server.admin();
            // the first party saved loads the bundled screening lists, which can take longer than the
            // client's 30 s on a loaded machine: load them first
            cp.compliance().screening().lists().loaded();
            for (String id : List.of("nvx", "sg-buyer", "fw-my")) {
                assertThat(api.postJson(
                                        "/api/v1/parties",
                                        admin,
                                        Map.of("id", id, "kind", "CONSIGNEE", "names", List.of(id + " Ltd")))
                                .status())
                        .isEqualTo(201);
            }

            ApiClient.Response bad = api.post(
                    "/api/v1/orders/import",
                    Optional.of(admin),
                    "text/csv",
                    ORDERS + "o3,nvx,ghost,SG,H100,0,1,2025-04-01,\n");
            assertThat(bad.status()).as(bad.text()).isEqualTo(422);
            assertThat(bad.body().path("error").path("code").asText()).isEqualTo("IMPORT_REJECTED");
            assertThat(bad.text()).contains("buyer_id").contains("quantity").contains("\"line\":4");
            assertThat(api.get("/api/v1/orders", Optional.of(admin)).body().path("items"))
                    .isEmpty();

            ApiClient.Response ok = api.post("/api/v1/orders/import", Optional.of(admin), "text/csv", ORDERS);
            assertThat(ok.status()).as(ok.text()).isEqualTo(201);
            assertThat(ok.body().path("imported").asInt()).isEqualTo(2);

            ApiClient.Response shipment = api.postJson(
                    "/api/v1/shipments",
                    admin,
                    Map.ofEntries(
                            Map.entry("id", "s1"),
                            Map.entry("order_id", "o1"),
                            Map.entry("consignee_id", "sg-buyer"),
                            Map.entry("ship_to_address", "Lot 5, Port Klang"),
                            Map.entry("ship_to_country", "MY"),
                            Map.entry("address_kind", "FORWARDER"),
                            Map.entry("forwarder_id", "fw-my"),
                            Map.entry("declared_contents", "GPU servers"),
                            Map.entry("chip_count", 2000),
                            Map.entry("shipped_on", "2025-03-20")));
            assertThat(shipment.status()).as(shipment.text()).isEqualTo(201);

            ApiClient.Response page = api.get("/api/v1/orders?limit=1", Optional.of(admin));
            assertThat(page.body().path("items").get(0).path("id").asText()).isEqualTo("o1");
            String next = page.body().path("next_cursor").asText();
            assertThat(api.get("/api/v1/orders?limit=1&after=" + next, Optional.of(admin))
                            .body()
                            .path("items")
                            .get(0)
                            .path("id")
                            .asText())
                    .isEqualTo("o2");
            assertThat(api.get("/api/v1/shipments?ship_to_country=MY", Optional.of(admin))
                            .body()
                            .path("items"))
                    .hasSize(1);
            assertThat(api.get("/api/v1/shipments/s1", Optional.of(admin))
                            .body()
                            .path("forwarder_id")
                            .asText())
                    .isEqualTo("fw-my");
            assertThat(api.get("/api/v1/orders/nope", Optional.of(admin)).status())
                    .isEqualTo(404);
        }
    }
}
