package dev.locus.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.server.Fixtures;
import dev.locus.server.Json;
import dev.locus.server.TestDatabases;
import dev.locus.server.audit.AuditVerification;
import dev.locus.server.audit.AuditVerifier;
import dev.locus.server.persistence.Database;
import java.io.StringReader;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryServiceTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static final InstantSource CLOCK = InstantSource.fixed(Fixtures.NOW);

    @ParameterizedTest
    @MethodSource("engines")
    void validChipCsv_importsEveryRowAndAuditsTheImport(String engine) {
        try (Database db = TestDatabases.fresh(engine)) {
            RegistryService r = Fixtures.registry(db, CLOCK);
            Fixtures.populate(r, Fixtures.ed25519());
            String csv = """
                    serial,model,licence_id,declared_site_id,status
                    GPU-2,H100,LIC-1,sg-1,INSTALLED
                    GPU-3,H200,,sg-1,
                    """;
            ImportResult result =
                    r.importRows(RegistryService.Kind.CHIPS, RowSource.csv(new StringReader(csv)), csv, "alice");
            assertThat(result).isEqualTo(new ImportResult.Imported("chips", 2));
            assertThat(r.chip("GPU-2").orElseThrow().status()).isEqualTo(Model.ChipStatus.INSTALLED);
            assertThat(r.chip("GPU-3").orElseThrow().licenceId()).isEmpty();
            assertThat(db.read(AuditVerifier::verify)).isInstanceOf(AuditVerification.Intact.class);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void badRows_rejectTheWholeFileAndNameLineFieldAndValue(String engine) {
        try (Database db = TestDatabases.fresh(engine)) {
            RegistryService r = Fixtures.registry(db, CLOCK);
            Fixtures.populate(r, Fixtures.ed25519());
            String csv = """
                    serial,model,licence_id,declared_site_id,status
                    GPU-2,H100,LIC-1,sg-1,INSTALLED
                    GPU-1,H100,LIC-1,sg-1,
                    GPU-4,H100,LIC-9,sg-1,
                    GPU-5,H100,,nowhere,BROKEN
                    GPU-2,H100,,sg-1,
                    """;
            ImportResult result =
                    r.importRows(RegistryService.Kind.CHIPS, RowSource.csv(new StringReader(csv)), csv, "alice");
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ImportResult.Rejected.class,
                            rej -> assertThat(rej.problems())
                                    .extracting(p -> p.line() + ":" + p.field() + "=" + p.value())
                                    .containsExactly(
                                            "3:serial=GPU-1", // already registered
                                            "4:licence_id=LIC-9", // unknown licence
                                            "5:status=BROKEN", // not an allowed status
                                            "5:declared_site_id=nowhere", // unknown site
                                            "6:serial=GPU-2")); // repeats line 2
            assertThat(r.chip("GPU-2")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void licenceChipCount_isEnforcedAcrossDatabaseAndFile(String engine) {
        try (Database db = TestDatabases.fresh(engine)) {
            RegistryService r = Fixtures.registry(db, CLOCK);
            Fixtures.populate(r, Fixtures.ed25519());
            StringBuilder csv = new StringBuilder("serial,model,licence_id,declared_site_id\n");
            for (int i = 0; i < 10; i++) {
                csv.append("X-").append(i).append(",H100,LIC-1,sg-1\n");
            }
            ImportResult result = r.importRows(
                    RegistryService.Kind.CHIPS, RowSource.csv(new StringReader(csv.toString())), csv.toString(), "a");
            assertThat(result).isInstanceOfSatisfying(ImportResult.Rejected.class, rej -> {
                assertThat(rej.problems()).hasSize(1);
                assertThat(rej.problems().get(0).line()).isEqualTo(11);
                assertThat(rej.problems().get(0).message()).contains("chip_count of 10");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void siteJson_outOfRangeCoordinates_areReportedPerRecord(String engine) {
        try (Database db = TestDatabases.fresh(engine)) {
            RegistryService r = Fixtures.registry(db, CLOCK);
            Fixtures.populate(r, Fixtures.ed25519());
            String json = """
                    [{"id":"sg-2","name":"SG 2","operator_id":"sgdc","country":"sg","latitude_deg":1.3,
                      "longitude_deg":103.9,"zone_radius_km":25},
                     {"id":"bad","name":"Bad","operator_id":"ghost","country":"SGP","latitude_deg":91,
                      "longitude_deg":"east","zone_radius_km":0,"colour":"red"}]
                    """;
            ImportResult result =
                    r.importRows(RegistryService.Kind.SITES, RowSource.json(json, Json.mapper()), json, "alice");
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ImportResult.Rejected.class,
                            rej -> assertThat(rej.problems())
                                    .extracting(p -> p.line() + ":" + p.field())
                                    .containsExactlyInAnyOrder(
                                            "2:country",
                                            "2:latitude_deg",
                                            "2:longitude_deg",
                                            "2:zone_radius_km",
                                            "2:colour",
                                            "2:operator_id"));
            assertThat(r.site("sg-2")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void licenceWithEndBeforeStart_isRefusedWithBothDates(String engine) {
        try (Database db = TestDatabases.fresh(engine)) {
            RegistryService r = Fixtures.registry(db, CLOCK);
            Fixtures.populate(r, Fixtures.ed25519());
            assertThatThrownBy(() -> r.createLicence(
                            Map.of(
                                    "id", "LIC-2",
                                    "exporter_id", "sgdc",
                                    "end_user_id", "sgdc",
                                    "site_id", "sg-1",
                                    "chip_count", "5",
                                    "valid_from", "2027-01-01",
                                    "valid_until", "2026-01-01"),
                            "alice"))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(FieldProblem::field)
                                    .containsExactlyInAnyOrder("valid_until", "exporter_id"));
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void custodyEvent_movesChipStatusAndPagesListInKeyOrder(String engine) {
        try (Database db = TestDatabases.fresh(engine)) {
            RegistryService r = Fixtures.registry(db, CLOCK);
            Fixtures.populate(r, Fixtures.ed25519());
            r.recordCustody("GPU-1", Map.of("kind", "INSTALLED", "site_id", "sg-1", "note", "rack 4"), "bob");
            assertThat(r.chip("GPU-1").orElseThrow().status()).isEqualTo(Model.ChipStatus.INSTALLED);
            assertThat(r.custodyEvents("GPU-1"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.recordedBy()).isEqualTo("bob"));
            for (int i = 0; i < 5; i++) {
                r.createChip(Map.of("serial", "P-" + i, "model", "H100", "declared_site_id", "sg-1"), "a");
            }
            Page<Chip> first = r.chips(java.util.Optional.empty(), "", 4);
            assertThat(first.items()).extracting(Chip::serial).containsExactly("GPU-1", "P-0", "P-1", "P-2");
            Page<Chip> second =
                    r.chips(java.util.Optional.empty(), first.nextCursor().orElseThrow(), 4);
            assertThat(second.items()).extracting(Chip::serial).containsExactly("P-3", "P-4");
            assertThat(second.nextCursor()).isEmpty();
        }
    }
}
