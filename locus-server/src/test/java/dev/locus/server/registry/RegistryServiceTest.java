package dev.locus.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.server.Bytes;
import dev.locus.server.DevicePki;
import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.Json;
import dev.locus.server.TestDatabases;
import dev.locus.server.audit.AuditVerification;
import dev.locus.server.audit.AuditVerifier;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.common.Page;
import dev.locus.server.identity.ManufacturerTrust;
import dev.locus.server.persistence.Database;
import dev.locus.wire.RegistryValues;
import java.io.StringReader;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryServiceTest {
    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static final InstantSource CLOCK = InstantSource.fixed(Fixtures.NOW);

    /** Imports chip {@code rows} as CSV under the header serial,model,licence_id,declared_site_id,status. */
    private static ImportResult importChips(RegistryService r, String... rows) {
        String csv = "serial,model,licence_id,declared_site_id,status\n" + String.join("\n", rows) + "\n";
        return r.importRows(RegistryService.Kind.CHIPS, RowSource.csv(new StringReader(csv)), csv, "alice");
    }

    @EachEngine
    void validChipCsv_importsEveryRowAndAuditsTheImport(Database db) {
        RegistryService r = Fixtures.populatedRegistry(db, CLOCK);
        ImportResult result = importChips(r, "GPU-2,H100,LIC-1,sg-1,INSTALLED", "GPU-3,H200,,sg-1,");
        assertThat(result).isEqualTo(new ImportResult.Imported("chips", 2));
        assertThat(r.chip("GPU-2").orElseThrow().status()).isEqualTo(RegistryValues.ChipStatus.INSTALLED);
        assertThat(r.chip("GPU-3").orElseThrow().licenceId()).isEmpty();
        assertThat(db.read(AuditVerifier::verify)).isInstanceOf(AuditVerification.Intact.class);
    }

    @EachEngine
    void badRows_rejectTheWholeFileAndNameLineFieldAndValue(Database db) {
        RegistryService r = Fixtures.populatedRegistry(db, CLOCK);
        ImportResult result = importChips(
                r,
                "GPU-2,H100,LIC-1,sg-1,INSTALLED",
                "GPU-1,H100,LIC-1,sg-1,",
                "GPU-4,H100,LIC-9,sg-1,",
                "GPU-5,H100,,nowhere,BROKEN",
                "GPU-2,H100,,sg-1,");
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

    @EachEngine
    void licenceChipCount_isEnforcedAcrossDatabaseAndFile(Database db) {
        RegistryService r = Fixtures.populatedRegistry(db, CLOCK);
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

    @EachEngine
    void siteJson_outOfRangeCoordinates_areReportedPerRecord(Database db) {
        RegistryService r = Fixtures.populatedRegistry(db, CLOCK);
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

    @EachEngine
    void licenceWithEndBeforeStart_isRefusedWithBothDates(Database db) {
        RegistryService r = Fixtures.populatedRegistry(db, CLOCK);
        assertRefusedNaming(
                () -> r.createLicence(
                        Map.of(
                                "id", "LIC-2",
                                "exporter_id", "sgdc",
                                "end_user_id", "sgdc",
                                "site_id", "sg-1",
                                "chip_count", "5",
                                "valid_from", "2027-01-01",
                                "valid_until", "2026-01-01"),
                        "alice"),
                "valid_until",
                "exporter_id");
    }

    @EachEngine
    void custodyEvent_movesChipStatusAndPagesListInKeyOrder(Database db) {
        RegistryService r = Fixtures.populatedRegistry(db, CLOCK);
        r.recordCustody("GPU-1", Map.of("kind", "INSTALLED", "site_id", "sg-1", "note", "rack 4"), "bob");
        assertThat(r.chip("GPU-1").orElseThrow().status()).isEqualTo(RegistryValues.ChipStatus.INSTALLED);
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

    private static RegistryService trusting(Database db, DevicePki pki) {
        RegistryService r = Fixtures.registry(db, CLOCK, ManufacturerTrust.of(List.of(pki.ca.certificate())));
        Fixtures.populate(r, Fixtures.ed25519());
        return r;
    }

    /** A chip CSV whose certificates are quoted PEM (several lines) or base64 DER; remembers each row's first line. */
    private static final class ChipCsv {
        final StringBuilder text = new StringBuilder("serial,model,device_certificate,licence_id,declared_site_id\n");
        final List<Integer> lines = new ArrayList<>();

        ChipCsv row(String serial, String model, String certificate) {
            lines.add((int) text.chars().filter(ch -> ch == '\n').count() + 1);
            text.append(serial)
                    .append(',')
                    .append(model)
                    .append(",\"")
                    .append(certificate)
                    .append("\",LIC-1,sg-1\n");
            return this;
        }

        ImportResult importInto(RegistryService r) {
            String csv = text.toString();
            return r.importRows(RegistryService.Kind.CHIPS, RowSource.csv(new StringReader(csv)), csv, "alice");
        }
    }

    private static String der64(Pkcs12DeviceKey key) {
        return Base64.getEncoder()
                .encodeToString(Certificates.der(key.identity().certificate()));
    }

    @EachEngine
    void chipsWithCertificates_asPemOrBase64Der_areImported_withTheKeyTakenFromTheCertificate(Database db) {
        DevicePki pki = new DevicePki(21);
        Pkcs12DeviceKey pem = pki.device("GPU-2", "H100");
        Pkcs12DeviceKey der = pki.device("GPU-3", "H200");
        RegistryService r = trusting(db, pki);
        ImportResult result = new ChipCsv()
                .row("GPU-2", "H100", Certificates.toPem(pem.identity().certificate()))
                .row("GPU-3", "H200", der64(der))
                .importInto(r);
        assertThat(result).isEqualTo(new ImportResult.Imported("chips", 2));
        Chip chip = r.chip("GPU-2").orElseThrow();
        assertThat(chip.deviceCertificate().orElseThrow().sha256())
                .isEqualTo(pem.identity().fingerprint().toHex());
        assertThat(chip.devicePublicKey())
                .contains(Bytes.of(
                        Ed25519Keys.rawPublicKey(pem.identity().certificate().getPublicKey())));
        assertThat(r.chip("GPU-3")
                        .orElseThrow()
                        .deviceCertificate()
                        .orElseThrow()
                        .der())
                .isEqualTo(Bytes.of(Certificates.der(der.identity().certificate())));
        assertThat(r.chip("GPU-1").orElseThrow().deviceCertificate()).isEmpty();
        assertThat(db.read(AuditVerifier::verify)).isInstanceOf(AuditVerification.Intact.class);
    }

    @EachEngine
    void certificatesFromAnotherCa_orForAnotherChip_rejectTheWholeImport_withTheRowsFirstLine(Database db) {
        DevicePki pki = new DevicePki(22);
        var otherCa = pki.ca("Grey market CA", Fixtures.NOW);
        ChipCsv csv = new ChipCsv()
                .row(
                        "GPU-2",
                        "H100",
                        Certificates.toPem(
                                pki.device("GPU-2", "H100").identity().certificate()))
                .row(
                        "GPU-3",
                        "H100",
                        Certificates.toPem(pki.device(otherCa, "GPU-3", "H100", Duration.ofDays(30))
                                .identity()
                                .certificate()))
                .row("GPU-4", "H100", der64(pki.device("GPU-9", "H100")))
                .row(
                        "GPU-5",
                        "H100",
                        Certificates.toPem(
                                pki.device("GPU-5", "H200").identity().certificate()))
                .row("GPU-6", "H100", "not a certificate")
                .row("GPU-7", "H100", Certificates.toPem(pki.landmark.identity().certificate()));
        RegistryService r = trusting(db, pki);
        assertThat(csv.importInto(r))
                .isInstanceOfSatisfying(
                        ImportResult.Rejected.class,
                        rej -> assertThat(rej.problems())
                                .extracting(p -> p.line() + ":" + p.field() + ": " + p.message())
                                .containsExactly(
                                        csv.lines.get(1)
                                                + ":device_certificate: is not signed by a trusted manufacturer CA"
                                                + " (its issuer is 'CN=Grey market CA,O=Locus'; trusted: [CN=Test manufacturer"
                                                + " CA,O=Locus])",
                                        csv.lines.get(2)
                                                + ":device_certificate: binds serial 'GPU-9', not this row's 'GPU-4'",
                                        csv.lines.get(3)
                                                + ":device_certificate: binds model 'H200', not this row's 'H100'",
                                        csv.lines.get(4)
                                                + ":device_certificate: must be one X.509 certificate, as PEM or base64"
                                                + " of its DER encoding",
                                        csv.lines.get(5)
                                                + ":device_certificate: must be a device certificate (extended key usage "
                                                + dev.locus.protocol.identity.LocusOids.DEVICE_IDENTITY
                                                + ", not a CA), as ./locus ca issue-device issues"));
        // the PEM rows span several lines: each problem names the line its row starts on
        assertThat(csv.lines.get(2) - csv.lines.get(1)).isGreaterThan(5);
        assertThat(r.chip("GPU-2")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aKeyOtherThanTheCertificates_orNoTrustedCa_isRefusedForASingleChip(String engine) {
        DevicePki pki = new DevicePki(23);
        String pem = Certificates.toPem(pki.device("GPU-2", "H100").identity().certificate());
        try (Database db = TestDatabases.fresh(engine)) {
            RegistryService r = trusting(db, pki);
            assertRefusedNaming(
                    () -> r.createChip(
                            Map.of(
                                    "serial", "GPU-2",
                                    "model", "H100",
                                    "declared_site_id", "sg-1",
                                    "device_certificate", pem,
                                    "device_public_key", Base64.getEncoder().encodeToString(new byte[32])),
                            "alice"),
                    "device_public_key");
        }
        try (Database db = TestDatabases.fresh(engine)) {
            RegistryService untrusting = Fixtures.registry(db, CLOCK);
            Fixtures.populate(untrusting, Fixtures.ed25519());
            assertThatThrownBy(() -> untrusting.createChip(
                            Map.of(
                                    "serial",
                                    "GPU-2",
                                    "model",
                                    "H100",
                                    "declared_site_id",
                                    "sg-1",
                                    "device_certificate",
                                    pem),
                            "alice"))
                    .hasMessageContaining("device_certificate cannot be checked: no manufacturer CA is configured");
        }
    }

    /** Asserts that {@code call} is refused as invalid input naming exactly {@code fields}, in any order. */
    private static void assertRefusedNaming(ThrowingCallable call, String... fields) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder(fields));
    }
}
