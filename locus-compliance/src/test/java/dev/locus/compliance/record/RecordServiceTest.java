package dev.locus.compliance.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.compliance.testing.TestDb;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.persistence.Database;
import dev.locus.server.registry.ImportResult;
import dev.locus.server.registry.RowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordServiceTest {
    private static final Set<String> PARTIES = Set.of("nvx", "sg-buyer", "fw-my", "tenant-cn");
    private static final String ORDERS_CSV = """
            id,seller_id,buyer_id,billing_country,model,quantity,value_usd,ordered_on,destination_site_id
            o1,nvx,sg-buyer,SG,H100,2000,60000000,2025-03-01,sg-buyer-dc
            o2,nvx,sg-buyer,SG,H100,8,240000,2025-04-01,
            """;

    static List<String> engines() {
        return TestDb.engines();
    }

    private static RecordService service(Database db, List<Object> told) {
        RecordService s = new RecordService(
                TestDb.store(db), ids -> ids.stream().filter(PARTIES::contains).collect(Collectors.toSet()));
        s.addListener((kind, rows) -> told.addAll(rows));
        return s;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void import_commitsEveryRow_andTellsTheListeners(String engine) {
        try (Database db = TestDb.fresh(engine)) {
            List<Object> told = new ArrayList<>();
            RecordService s = service(db, told);

            ImportResult r = s.importRows(
                    RecordService.ORDERS, RowSource.csv(new java.io.StringReader(ORDERS_CSV)), ORDERS_CSV, "analyst");

            assertThat(r).isEqualTo(new ImportResult.Imported("orders", 2));
            assertThat(told).hasSize(2);
            Order o1 = s.find(RecordService.ORDERS, "o1").orElseThrow();
            assertThat(o1.quantity()).isEqualTo(2000);
            assertThat(o1.billingPartyId())
                    .as("billing party defaults to the buyer")
                    .isEqualTo("sg-buyer");
            assertThat(o1.destinationSiteId()).contains("sg-buyer-dc");
            assertThat(s.find(RecordService.ORDERS, "o2").orElseThrow().destinationSiteId())
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void badImport_commitsNothing_andNamesEveryBadRowAndColumn(String engine) {
        try (Database db = TestDb.fresh(engine)) {
            RecordService s = service(db, new ArrayList<>());
            String csv = """
                    id,seller_id,buyer_id,billing_country,model,quantity,value_usd,ordered_on
                    o1,nvx,sg-buyer,SG,H100,2000,60000000,2025-03-01
                    o2,nvx,nobody,Singapore,H100,-4,1,2025-13-01
                    o1,nvx,sg-buyer,SG,H100,1,1,2025-03-01
                    """;

            ImportResult r =
                    s.importRows(RecordService.ORDERS, RowSource.csv(new java.io.StringReader(csv)), csv, "analyst");

            assertThat(r).isInstanceOf(ImportResult.Rejected.class);
            List<String> where = ((ImportResult.Rejected) r)
                    .problems().stream().map(p -> p.line() + ":" + p.field()).toList();
            assertThat(where)
                    .containsExactlyInAnyOrder("3:billing_country", "3:quantity", "3:ordered_on", "3:buyer_id", "4:id");
            assertThat(s.page(RecordService.ORDERS, Map.of(), "", 10).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void shipmentsAndAllocations_roundTrip_withSerialsAndCountries_andPage(String engine) {
        try (Database db = TestDb.fresh(engine)) {
            RecordService s = service(db, new ArrayList<>());
            s.importRows(RecordService.ORDERS, RowSource.csv(new java.io.StringReader(ORDERS_CSV)), ORDERS_CSV, "a");
            String json = """
                    [{"id":"s1","order_id":"o1","consignee_id":"sg-buyer","ship_to_address":"Lot 5, Port Klang",
                      "ship_to_country":"my","address_kind":"forwarder","forwarder_id":"fw-my",
                      "declared_contents":"GPU servers","chip_count":16,"serials":"c1 c2","shipped_on":"2025-03-20"},
                     {"id":"s2","order_id":"o2","consignee_id":"sg-buyer","ship_to_address":"1 Jurong",
                      "ship_to_country":"SG","address_kind":"COMMERCIAL","declared_contents":"servers","chip_count":8,
                      "shipped_on":"2025-04-10"}]
                    """;
            assertThat(s.importRows(RecordService.SHIPMENTS, RowSource.json(json, new ObjectMapper()), json, "a"))
                    .isEqualTo(new ImportResult.Imported("shipments", 2));
            Shipment s1 = s.find(RecordService.SHIPMENTS, "s1").orElseThrow();
            assertThat(s1.serials()).containsExactly("c1", "c2");
            assertThat(s1.shipToCountry()).isEqualTo("MY");
            assertThat(s1.forwarderId()).contains("fw-my");

            Allocation a = s.create(
                    RecordService.ALLOCATIONS,
                    Map.of(
                            "id",
                            "a1",
                            "tenant_id",
                            "tenant-cn",
                            "site_id",
                            "my-1",
                            "chip_count",
                            "64",
                            "valid_from",
                            "2025-01-01",
                            "valid_until",
                            "2025-12-31",
                            "purpose",
                            "training",
                            "user_countries",
                            "CN, MY"),
                    "analyst");
            assertThat(s.find(RecordService.ALLOCATIONS, "a1").orElseThrow()).isEqualTo(a);
            assertThat(a.userCountries()).containsExactlyInAnyOrder("CN", "MY");

            Page<Shipment> first = s.page(RecordService.SHIPMENTS, Map.of(), "", 1);
            assertThat(first.items()).extracting(Shipment::id).containsExactly("s1");
            Page<Shipment> second =
                    s.page(RecordService.SHIPMENTS, Map.of(), first.nextCursor().orElseThrow(), 1);
            assertThat(second.items()).extracting(Shipment::id).containsExactly("s2");
            assertThat(second.nextCursor()).isEmpty();
            assertThat(s.page(RecordService.SHIPMENTS, Map.of("ship_to_country", "SG"), "", 10)
                            .items())
                    .extracting(Shipment::id)
                    .containsExactly("s2");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void shipmentOfAnUnknownOrder_andUnknownFilter_areRefusedByName(String engine) {
        try (Database db = TestDb.fresh(engine)) {
            RecordService s = service(db, new ArrayList<>());
            assertThatThrownBy(() -> s.create(
                            RecordService.SHIPMENTS,
                            Map.of(
                                    "id",
                                    "s9",
                                    "order_id",
                                    "nope",
                                    "consignee_id",
                                    "sg-buyer",
                                    "ship_to_address",
                                    "x",
                                    "ship_to_country",
                                    "SG",
                                    "address_kind",
                                    "COMMERCIAL",
                                    "declared_contents",
                                    "x",
                                    "chip_count",
                                    "1",
                                    "shipped_on",
                                    "2025-01-01",
                                    "colour",
                                    "red"),
                            "a"))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(FieldProblem::field)
                                    .containsExactlyInAnyOrder("order_id", "colour"));
            assertThatThrownBy(() -> s.page(RecordService.ORDERS, Map.of("colour", "red"), "", 10))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("colour");
        }
    }
}
