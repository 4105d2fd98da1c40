package dev.locus.compliance.screening;

import dev.locus.compliance.ownership.LinkInput;
import dev.locus.compliance.ownership.OwnershipReports;
import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.parties.PartyDetails;
import dev.locus.compliance.parties.PartyInput;
import dev.locus.compliance.parties.PartyKind;
import dev.locus.compliance.parties.PartyService;
import dev.locus.compliance.testing.TestDb;
import dev.locus.screening.list.EntryType;
import dev.locus.screening.list.ListEntry;
import dev.locus.screening.list.ListName;
import dev.locus.screening.list.ListVersion;
import dev.locus.screening.list.NameKind;
import dev.locus.screening.ownership.RuleTable;
import dev.locus.screening.ownership.Validity;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.persistence.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The screening services of the compliance module wired as {@code ComplianceModule} wires them, over
 * a fresh database and a list source of the test's choosing (small CSL files written by the test).
 */
final class ScreeningFixture implements AutoCloseable {
    static final String CSL_HEADER = "_id,source,entity_number,type,programs,name,title,addresses,"
            + "federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,"
            + "call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
            + "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
            + "source_information_url,ids";
    static final String EL = "Entity List (EL) - Bureau of Industry and Security";

    final Database db;
    final PartyService parties;
    final OwnershipService ownership;
    final ScreeningLists lists;
    final ScreeningService screening;
    final ListUpdates updates;

    ScreeningFixture(String engine, ListSource source) {
        this(engine, source, ScreeningService.DEFAULT_WAIT_FOR_LISTS);
    }

    ScreeningFixture(String engine, ListSource source, Duration waitForLists) {
        db = TestDb.fresh(engine);
        AuditedStore store = TestDb.store(db);
        parties = new PartyService(store);
        OwnershipReports reports = new OwnershipReports(RuleTable.bundled());
        ownership = new OwnershipService(store, reports);
        ListUpdates[] u = new ListUpdates[1];
        lists = new ScreeningLists(source, loaded -> u[0].recordLoaded(loaded.versions(), "system:test"));
        screening = new ScreeningService(store, lists, ownership, waitForLists);
        updates = new ListUpdates(screening, parties);
        u[0] = updates;
        reports.useDesignations(screening);
        parties.addListener(screening);
        ownership.addListener(screening);
    }

    /** Checks {@code condition} every 10 ms until it holds; fails after two minutes (a bound, not a timing). */
    static void until(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (long end = System.nanoTime() + Duration.ofMinutes(2).toNanos(); !condition.getAsBoolean(); ) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime())
                    .as("never: %s", what)
                    .isLessThan(end);
            Thread.sleep(10);
        }
    }

    /** A one-entry UN list that none of the tests' parties match. */
    static List<ListVersion> tinyList() {
        return List.of(new ListVersion(
                "UN",
                Optional.empty(),
                "0".repeat(64),
                List.of(new ListEntry(
                        "UN",
                        "QDe.1",
                        EntryType.ENTITY,
                        List.of(new ListName("NOBODY WE KNOW TRADING", NameKind.PRIMARY)),
                        List.of(),
                        java.util.Set.of(),
                        List.of(),
                        List.of(),
                        List.of("QD")))));
    }

    /** One CSL row: an Entity List entry with an id, a name and an address whose last part is the country. */
    static String cslRow(String id, String name, String address) {
        String[] f = new String[29];
        java.util.Arrays.fill(f, "");
        f[0] = id;
        f[1] = EL;
        f[5] = name;
        f[7] = address;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.length; i++) {
            b.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(f[i].replace("\"", "\"\""))
                    .append('"');
        }
        return b.toString();
    }

    /** Replaces the CSL files in {@code dir} by one named {@code name} with these rows. */
    static Path writeCsl(Path dir, String name, String... rows) throws IOException {
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("csl"))
                    .toList()) {
                Files.delete(p);
            }
        }
        StringBuilder b = new StringBuilder(CSL_HEADER).append('\n');
        for (String r : rows) {
            b.append(r).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString(), StandardCharsets.UTF_8);
    }

    String company(String id, PartyKind kind, String name, String country) {
        var out = parties.create(
                new PartyInput(
                        id,
                        new PartyDetails(
                                kind,
                                List.of(name),
                                List.of(),
                                List.of(),
                                List.of(),
                                Optional.of(country),
                                Optional.empty(),
                                Optional.empty()),
                        OptionalInt.empty()),
                "test");
        if (!(out instanceof dev.locus.compliance.outcome.Outcome.Done<?>)) {
            throw new AssertionError("party " + id + " not created: " + out);
        }
        return id;
    }

    void owns(String owner, String owned, double percent) {
        var out = ownership.addLink(owned, new LinkInput(owner, percent, true, Validity.ALWAYS), "test");
        if (!(out instanceof dev.locus.compliance.outcome.Outcome.Done<?>)) {
            throw new AssertionError(owner + " -> " + owned + " not linked: " + out);
        }
    }

    List<Hit> hits(String partyId) {
        return screening.hits(HitFilter.party(partyId), 0, 100).items();
    }

    Optional<Hit> hit(String partyId, String subjectKey) {
        return hits(partyId).stream()
                .filter(h -> h.subjectKey().equals(subjectKey))
                .findFirst();
    }

    @Override
    public void close() {
        db.close();
    }
}
