package dev.locus.compliance.findings;

import dev.locus.compliance.LocusComplianceException;
import dev.locus.compliance.ownership.OwnershipReport;
import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.parties.PartyKind;
import dev.locus.compliance.parties.PartyService;
import dev.locus.compliance.parties.RegisteredParty;
import dev.locus.compliance.record.RecordKind;
import dev.locus.compliance.record.RecordService;
import dev.locus.compliance.record.SiteCapacity;
import dev.locus.compliance.redflags.ChipFacts;
import dev.locus.compliance.redflags.LicenceFacts;
import dev.locus.compliance.redflags.Lookup;
import dev.locus.compliance.redflags.PartyFacts;
import dev.locus.compliance.redflags.PartyRole;
import dev.locus.compliance.redflags.ProvenLocation;
import dev.locus.compliance.redflags.RecordView;
import dev.locus.compliance.redflags.TamperingSign;
import dev.locus.geo.verdict.Verdict;
import dev.locus.server.persistence.RowReader;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.Chip;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.registry.Site;
import dev.locus.server.verdicts.StoredVerdict;
import dev.locus.server.verdicts.VerdictQuery;
import dev.locus.wire.RegistryValues;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The stored record as the red-flag rules see it, read through one connection (one transaction):
 * the commercial record, the parties register and ownership, the registry's chips, licences and
 * sites, the latest verdicts and the open location alerts. Not thread-safe; one per evaluation.
 */
final class StoredRecordView implements RecordView {
    private final Connection c;
    private final VerdictQuery verdicts;
    private final OwnershipService ownership;
    private final LocalDate today;

    StoredRecordView(Connection c, VerdictQuery verdicts, OwnershipService ownership, LocalDate today) {
        this.c = c;
        this.verdicts = verdicts;
        this.ownership = ownership;
        this.today = today;
    }

    private <T> List<T> query(String sql, Sql.Parameters parameters, RowReader<T> reader) {
        try {
            return Sql.query(c, sql, parameters, reader);
        } catch (SQLException e) {
            throw new LocusComplianceException("cannot read the record: " + e.getMessage(), e);
        }
    }

    private <T> List<T> rows(RecordKind<T> kind, String column, String value) {
        return query(
                "SELECT * FROM " + kind.table() + " WHERE " + column + " = ? ORDER BY seq",
                ps -> ps.setString(1, value),
                rs -> kind.read(c, rs));
    }

    @Override
    public Optional<PartyFacts> party(String id) {
        try {
            List<RegisteredParty> found = PartyService.findAll(c, List.of(id));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(partyFacts(found.getFirst(), ownership.report(c, id, today)));
        } catch (SQLException e) {
            throw new LocusComplianceException("cannot read party " + id + ": " + e.getMessage(), e);
        }
    }

    /** A party as the rules see it, from its register entry and ownership report (one place for both views). */
    static PartyFacts partyFacts(RegisteredParty p, Optional<OwnershipReport> report) {
        PartyFacts.Ownership known = report.map(StoredRecordView::ownershipOf).orElse(PartyFacts.Ownership.UNKNOWN);
        return new PartyFacts(
                p.id(),
                p.name(),
                Set.of(roleOf(p.details().kind())),
                p.details().countryOfIncorporation(),
                p.details().headquartersCountry(),
                p.details().incorporatedOn(),
                known);
    }

    private static PartyFacts.Ownership ownershipOf(OwnershipReport r) {
        boolean unknown = r.findings().stream().anyMatch(f -> f.type().equals("OWNERSHIP_UNKNOWN"));
        if (!unknown) {
            return PartyFacts.Ownership.KNOWN;
        }
        return r.disclosedPercent() > 0 ? PartyFacts.Ownership.UNDISCLOSED_SHARE : PartyFacts.Ownership.UNKNOWN;
    }

    static PartyRole roleOf(PartyKind kind) {
        return switch (kind) {
            case EXPORTER -> PartyRole.EXPORTER;
            case DISTRIBUTOR -> PartyRole.DISTRIBUTOR;
            case CONSIGNEE, END_USER -> PartyRole.END_USER;
            case CLOUD_OPERATOR -> PartyRole.CLOUD_OPERATOR;
            case IAAS_TENANT -> PartyRole.IAAS_TENANT;
            case FREIGHT_FORWARDER -> PartyRole.FREIGHT_FORWARDER;
            case COMPANY, PERSON -> PartyRole.OTHER;
        };
    }

    @Override
    public Optional<ChipFacts> chip(String serial) {
        try {
            Optional<Chip> found = RegistryService.chip(c, serial);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Chip chip = found.get();
            Optional<Site> site = RegistryService.site(c, chip.declaredSiteId());
            return Optional.of(chipFacts(
                    serial,
                    chip.model(),
                    chip.licenceId().flatMap(this::licence),
                    chip.declaredSiteId(),
                    site.map(Site::country).orElse(""),
                    chip.status() == RegistryValues.ChipStatus.INSTALLED,
                    verdicts.latest(serial),
                    tamperingSigns(serial)));
        } catch (SQLException e) {
            throw new LocusComplianceException("cannot read chip " + serial + ": " + e.getMessage(), e);
        }
    }

    /** A chip as the rules see it, from what the registry, its latest verdict and its open alerts say. */
    static ChipFacts chipFacts(
            String serial,
            String model,
            Optional<LicenceFacts> licence,
            String siteId,
            String country,
            boolean installed,
            Optional<StoredVerdict> latest,
            List<TamperingSign> signs) {
        return new ChipFacts(
                serial, model, licence, siteId, country, installed, location(latest, siteId, country), signs);
    }

    private static ProvenLocation location(Optional<StoredVerdict> latest, String siteId, String country) {
        if (latest.isEmpty()) {
            return new ProvenLocation.Unproven("no verdict yet");
        }
        StoredVerdict v = latest.get();
        Set<Verdict> violations = EnumSet.noneOf(Verdict.class);
        v.verdicts().stream()
                .filter(x -> x == Verdict.OUTSIDE_ZONE || x == Verdict.IN_RESTRICTED)
                .forEach(violations::add);
        if (!violations.isEmpty()) {
            return new ProvenLocation.Away(
                    violations.stream().map(Enum::name).collect(Collectors.toSet()), v.id(), v.windowEnd());
        }
        if (v.proven() && v.verdicts().contains(Verdict.IN_ZONE)) {
            return new ProvenLocation.InZone(siteId, country, v.id(), v.windowEnd());
        }
        return new ProvenLocation.Unproven("latest verdict "
                + new TreeMap<>(v.verdicts().stream().collect(Collectors.toMap(Enum::name, x -> true))).keySet()
                + " proves no location in the licensed zone");
    }

    private List<TamperingSign> tamperingSigns(String serial) {
        List<TamperingSign> out = new ArrayList<>(query(
                CHIP_ALERTS + " AND subject_id = ? ORDER BY id",
                ps -> ps.setString(1, serial),
                StoredRecordView::chipAlert));
        out.addAll(query(
                "SELECT id, summary, opened_at FROM alerts WHERE rule = 'SUSPECT_LANDMARK' AND status <> 'RESOLVED'"
                        + " AND subject_type = 'LANDMARK' AND subject_id IN"
                        + " (SELECT DISTINCT landmark_id FROM receipts WHERE chip_serial = ?) ORDER BY id",
                ps -> ps.setString(1, serial),
                StoredRecordView::landmarkAlert));
        return out;
    }

    /** Open alerts on chips that are tampering signs, with {@code subject_id}; bulk readers add their own WHERE. */
    static final String CHIP_ALERTS = "SELECT id, subject_id, rule, summary, opened_at FROM alerts WHERE"
            + " subject_type = 'CHIP' AND status <> 'RESOLVED' AND rule IN ('SILENT', 'CLONED_IDENTITY')";

    static TamperingSign chipAlert(ResultSet rs) throws SQLException {
        return new TamperingSign(
                rs.getString("rule").equals("SILENT") ? TamperingSign.Kind.SILENCE : TamperingSign.Kind.CLONED_IDENTITY,
                rs.getLong("id"),
                rs.getString("summary"),
                Sql.getInstant(rs, "opened_at"));
    }

    static TamperingSign landmarkAlert(ResultSet rs) throws SQLException {
        return new TamperingSign(
                TamperingSign.Kind.LYING_LANDMARK,
                rs.getLong("id"),
                rs.getString("summary"),
                Sql.getInstant(rs, "opened_at"));
    }

    private Optional<LicenceFacts> licence(String id) {
        return query(LICENCES + " WHERE l.id = ?", ps -> ps.setString(1, id), StoredRecordView::licence).stream()
                .findFirst();
    }

    static final String LICENCES = "SELECT l.id, l.end_user_id, l.site_id, l.conditions,"
            + " (o.kind = 'CLOUD_OPERATOR' OR p.kind = 'CLOUD_OPERATOR') AS cloud FROM licences l"
            + " LEFT JOIN organisations o ON o.id = l.end_user_id LEFT JOIN parties p ON p.id = l.end_user_id";

    static LicenceFacts licence(ResultSet rs) throws SQLException {
        return new LicenceFacts(
                rs.getString("id"),
                rs.getString("end_user_id"),
                rs.getBoolean("cloud"),
                rs.getString("site_id"),
                rs.getString("conditions"));
    }

    @Override
    public <T> List<T> find(Lookup<T> lookup, String value) {
        return rows(lookup.kind(), lookup.column(), value);
    }

    @Override
    public List<LicenceFacts> licencesAtSite(String siteId) {
        return query(
                LICENCES + " WHERE l.site_id = ? ORDER BY l.id",
                ps -> ps.setString(1, siteId),
                StoredRecordView::licence);
    }

    @Override
    public Optional<SiteCapacity> capacity(String siteId) {
        return rows(RecordService.SITE_CAPACITY, "site_id", siteId).stream().findFirst();
    }

    @Override
    public SortedMap<Integer, Long> billedChipsByYear(String country) {
        SortedMap<Integer, Long> out = new TreeMap<>();
        query(
                        "SELECT EXTRACT(YEAR FROM ordered_on) AS y, SUM(quantity) AS chips FROM orders"
                                + " WHERE billing_country = ? GROUP BY EXTRACT(YEAR FROM ordered_on)",
                        ps -> ps.setString(1, country),
                        rs -> new long[] {rs.getLong("y"), rs.getLong("chips")})
                .forEach(r -> out.put((int) r[0], r[1]));
        return out;
    }
}
