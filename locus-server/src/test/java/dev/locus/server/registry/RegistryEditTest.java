package dev.locus.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.audit.AuditEntry;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.audit.AuditQuery;
import dev.locus.server.audit.AuditVerification;
import dev.locus.server.audit.AuditVerifier;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.persistence.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Editing registry records: only the editable fields change, validated as a create would be; an
 * edit from an old version is refused as stale; each edit is audited with the old and new values,
 * and the audit listing finds it by actor, action and subject, newest first.
 */
class RegistryEditTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Fixtures.NOW);

    private static RegistryService populated(Database db) {
        RegistryService r = Fixtures.registry(db, CLOCK);
        Fixtures.populate(r, new IssuedReceipts(7)); // GPU-1 with a device key, which edits keep
        Fixtures.populateKualaLumpur(r);
        return r;
    }

    private static List<AuditEntry> audit(Database db, AuditQuery q) {
        return db.read(c -> AuditLog.search(c, q, 100));
    }

    /** Newest first; null leaves a filter out. */
    private static AuditQuery newest(
            String actor, String action, String type, String id, Instant from, Instant to, Long cursor) {
        return new AuditQuery(
                Optional.ofNullable(actor),
                Optional.ofNullable(action),
                Optional.ofNullable(type),
                Optional.ofNullable(id),
                Optional.ofNullable(from),
                Optional.ofNullable(to),
                Optional.ofNullable(cursor),
                true);
    }

    @EachEngine
    void anEdit_changesTheEditableFields_andIsAuditedWithOldAndNewValues(Database db) {
        RegistryService r = populated(db);
        String v1 = r.version(RegistryService.Kind.SITES, "sg-1").orElseThrow();
        Edited<?> edited = r.update(
                        RegistryService.Kind.SITES,
                        "sg-1",
                        Map.of("id", "sg-1", "name", "Singapore One", "zone_radius_km", "25"),
                        v1,
                        "officer-ana (tok1)")
                .orElseThrow();
        Site site = r.site("sg-1").orElseThrow();
        assertThat(site.name()).isEqualTo("Singapore One");
        assertThat(site.zoneRadiusKm()).isEqualTo(25.0);
        assertThat(site.operatorId()).isEqualTo("sgdc");
        assertThat(edited.version())
                .isNotEqualTo(v1)
                .isEqualTo(r.version(RegistryService.Kind.SITES, "sg-1").orElseThrow());

        List<AuditEntry> mine = audit(db, newest("officer-ana", "sites.", "site", "sg-1", null, null, null));
        assertThat(mine).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("sites.updated");
            assertThat(e.detailsJson())
                    .contains("\"name\":{", "Singapore 1", "Singapore One", "zone_radius_km")
                    .doesNotContain("operator_id");
        });
        assertThat(db.read(AuditVerifier::verify)).isInstanceOf(AuditVerification.Intact.class);
    }

    @EachEngine
    void anEditFromAnOldVersion_isRefusedAsStale_andChangesNothing(Database db) {
        RegistryService r = populated(db);
        String v1 = r.version(RegistryService.Kind.CHIPS, "GPU-1").orElseThrow();
        r.update(RegistryService.Kind.CHIPS, "GPU-1", Map.of("model", "H200"), v1, "a");
        assertThatThrownBy(() -> r.update(RegistryService.Kind.CHIPS, "GPU-1", Map.of("model", "B200"), v1, "b"))
                .isInstanceOf(StaleEditException.class)
                .hasMessageContaining("GPU-1")
                .hasMessageContaining("changed by someone else");
        assertThat(r.chip("GPU-1").orElseThrow().model()).isEqualTo("H200");
        assertThat(r.update(RegistryService.Kind.CHIPS, "GPU-404", Map.of("model", "X"), v1, "a"))
                .isEmpty();
    }

    /** An edit from the stored version, as an editor who just read the record makes it. */
    private static void edit(RegistryService r, String serial, Map<String, String> fields) {
        String version = r.version(RegistryService.Kind.CHIPS, serial).orElseThrow();
        r.update(RegistryService.Kind.CHIPS, serial, fields, version, "officer-ana (tok1)");
    }

    private static java.util.function.Function<InvalidInputException, List<String>> fields() {
        return e ->
                e.problems().stream().map(p -> p.field() + " " + p.message()).toList();
    }

    @EachEngine
    void aChipsLicence_mustBeForItsDeclaredSite_andHaveRoom_andFieldsOutsideTheEditableOnesAreNamed(Database db) {
        RegistryService r = populated(db);
        assertThatThrownBy(() -> edit(r, "GPU-1", Map.of("device_public_key", "AAAA", "status", "RETURNED")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsOnly("device_public_key", "status"));
        assertThatThrownBy(() -> edit(r, "GPU-1", Map.of("licence_id", "LIC-2")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields().apply(e))
                                .containsExactly("declared_site_id must be the licence's site kl-1"));
        edit(r, "GPU-1", Map.of("licence_id", "LIC-2", "declared_site_id", "kl-1"));
        Chip chip = r.chip("GPU-1").orElseThrow();
        assertThat(chip.licenceId()).contains("LIC-2");
        assertThat(chip.declaredSiteId()).isEqualTo("kl-1");
        assertThat(chip.devicePublicKey()).as("edits keep the device key").isPresent();
        edit(r, "GPU-1", Map.of("licence_id", ""));
        assertThat(r.chip("GPU-1").orElseThrow().licenceId()).isEmpty();

        // a licence for one chip: the chip on it may still be edited, a second one may not join
        r.createLicence(
                Map.of(
                        "id", "LIC-ONE",
                        "exporter_id", "nvx",
                        "end_user_id", "kldc",
                        "site_id", "kl-1",
                        "chip_count", "1",
                        "valid_from", "2026-01-01",
                        "valid_until", "2027-12-31"),
                "test");
        edit(r, "GPU-1", Map.of("licence_id", "LIC-ONE"));
        edit(r, "GPU-1", Map.of("model", "H200"));
        assertThat(r.chip("GPU-1").orElseThrow().model()).isEqualTo("H200");
        r.createChip(Map.of("serial", "KL-2", "model", "H100", "declared_site_id", "kl-1"), "test");
        assertThatThrownBy(() -> edit(r, "KL-2", Map.of("licence_id", "LIC-ONE")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(fields().apply(e))
                                .containsExactly("licence_id exceeds the licence's chip_count of 1"));
    }

    @EachEngine
    void theAuditListing_filtersByTimeAndPagesNewestFirst(Database db) {
        populated(db);
        List<AuditEntry> oldestFirst = db.read(c -> AuditLog.page(c, 0, 100));
        assertThat(oldestFirst).extracting(AuditEntry::seq).isSorted();
        Instant from = Fixtures.NOW.minusSeconds(1);
        Instant to = Fixtures.NOW.plusSeconds(1);
        List<AuditEntry> page =
                db.read(c -> AuditLog.search(c, newest(null, "organisations.created", null, null, from, to, null), 2));
        assertThat(page).extracting(AuditEntry::entityId).containsExactly("kldc", "sgdc");
        List<AuditEntry> older = db.read(c -> AuditLog.search(
                c,
                newest(
                        null,
                        "organisations.created",
                        null,
                        null,
                        from,
                        to,
                        page.get(1).seq()),
                2));
        assertThat(older).extracting(AuditEntry::entityId).containsExactly("nvx");
        AuditQuery later = newest(null, null, null, null, to, null, null);
        assertThat(audit(db, later)).isEmpty();
    }
}
