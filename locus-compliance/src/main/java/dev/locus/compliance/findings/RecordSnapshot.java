package dev.locus.compliance.findings;

import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.parties.PartyService;
import dev.locus.compliance.parties.RegisteredParty;
import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.RecordService;
import dev.locus.compliance.record.SiteCapacity;
import dev.locus.compliance.redflags.InMemoryRecord;
import dev.locus.compliance.redflags.LicenceFacts;
import dev.locus.compliance.redflags.Subject;
import dev.locus.compliance.redflags.TamperingSign;
import dev.locus.server.verdicts.StoredVerdict;
import dev.locus.server.verdicts.VerdictRows;
import dev.locus.wire.RegistryValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored record read once, table by table in streamed reads, into an {@link InMemoryRecord},
 * with every subject the rules can judge: for a full re-evaluation that asks no per-subject
 * question of the database. Facts are built by the same code as {@link StoredRecordView}'s; only
 * the parties' ownership reports are still read one party at a time (the ownership graph has no
 * bulk reader).
 *
 * @param subjects every registered party, chip and site, every party, site and country the
 *     commercial record names
 */
record RecordSnapshot(InMemoryRecord record, Set<Subject> subjects) {
    private static final int FETCH = 2_000;

    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void stream(Connection c, String sql, RowSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            }
        }
    }

    private static <V> void append(Map<String, List<V>> m, String key, V value) {
        m.computeIfAbsent(key, k -> new ArrayList<>(2)).add(value);
    }

    /** Reads the record inside the caller's transaction (one consistent snapshot where the database gives one). */
    static RecordSnapshot load(Connection c, OwnershipService ownership, LocalDate today) throws SQLException {
        InMemoryRecord record = new InMemoryRecord();
        Set<Subject> subjects = new LinkedHashSet<>();
        stream(c, "SELECT * FROM orders ORDER BY seq", rs -> {
            Order o = RecordService.ORDERS.read(c, rs);
            record.add(o);
            subjects.add(Subject.party(o.buyerId()));
            subjects.add(Subject.party(o.sellerId()));
            subjects.add(Subject.country(o.billingCountry()));
            o.destinationSiteId().ifPresent(s -> subjects.add(Subject.site(s)));
        });
        Map<String, List<String>> shipped = serials(c, "shipment_chips", "shipment_id");
        stream(
                c,
                "SELECT * FROM shipments ORDER BY seq",
                rs -> record.add(
                        RecordService.SHIPMENTS.read(rs, shipped.getOrDefault(rs.getString("id"), List.of()))));
        shipped.clear();
        Map<String, List<String>> allocated = serials(c, "allocation_chips", "allocation_id");
        stream(c, "SELECT * FROM allocations ORDER BY seq", rs -> {
            Allocation a = RecordService.ALLOCATIONS.read(rs, allocated.getOrDefault(rs.getString("id"), List.of()));
            record.add(a);
            subjects.add(Subject.party(a.tenantId()));
        });
        allocated.clear();
        stream(c, "SELECT * FROM " + RecordService.SITE_CAPACITY.table() + " ORDER BY seq", rs -> {
            SiteCapacity s = RecordService.SITE_CAPACITY.read(c, rs);
            record.add(s);
            subjects.add(Subject.site(s.siteId()));
            subjects.add(Subject.country(s.country()));
            subjects.add(Subject.party(s.operatorId()));
        });
        Map<String, LicenceFacts> licences = new HashMap<>();
        stream(c, StoredRecordView.LICENCES + " ORDER BY l.id", rs -> {
            LicenceFacts l = StoredRecordView.licence(rs);
            licences.put(l.id(), l);
            record.add(l);
        });
        Map<String, String> siteCountry = new HashMap<>();
        stream(c, "SELECT id, country FROM sites ORDER BY id", rs -> {
            siteCountry.put(rs.getString("id"), rs.getString("country"));
            subjects.add(Subject.site(rs.getString("id")));
        });
        chips(c, record, subjects, licences, siteCountry);
        parties(c, ownership, today, record, subjects);
        return new RecordSnapshot(record, subjects);
    }

    /** Parent id to chip serials in serial order, as the record's readers list them. */
    private static Map<String, List<String>> serials(Connection c, String table, String parent) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        stream(
                c,
                "SELECT " + parent + ", chip_serial FROM " + table + " ORDER BY " + parent + ", chip_serial",
                rs -> append(out, rs.getString(1), rs.getString(2)));
        return out;
    }

    private static void chips(
            Connection c,
            InMemoryRecord record,
            Set<Subject> subjects,
            Map<String, LicenceFacts> licences,
            Map<String, String> siteCountry)
            throws SQLException {
        Map<String, StoredVerdict> latest = new HashMap<>();
        stream(
                c,
                "SELECT v.id, v.chip_serial, v.window_start, v.window_end, v.verdicts, v.proven,"
                        // the evidence stays in the database: the rules read only the verdicts
                        + " '' AS evidence_json, v.assessed_at FROM verdicts v JOIN (SELECT chip_serial, MAX(id) AS id FROM verdicts"
                        + " GROUP BY chip_serial) m ON m.id = v.id",
                rs -> latest.put(rs.getString("chip_serial"), VerdictRows.read(rs)));
        Map<String, List<TamperingSign>> signs = new HashMap<>();
        stream(
                c,
                StoredRecordView.CHIP_ALERTS + " ORDER BY id",
                rs -> append(signs, rs.getString("subject_id"), StoredRecordView.chipAlert(rs)));
        stream(
                c,
                "SELECT DISTINCT r.chip_serial, a.id, a.summary, a.opened_at FROM alerts a JOIN receipts r"
                        + " ON r.landmark_id = a.subject_id WHERE a.rule = 'SUSPECT_LANDMARK'"
                        + " AND a.status <> 'RESOLVED' AND a.subject_type = 'LANDMARK' ORDER BY a.id",
                rs -> append(signs, rs.getString("chip_serial"), StoredRecordView.landmarkAlert(rs)));
        stream(c, "SELECT serial, model, licence_id, declared_site_id, status FROM chips ORDER BY serial", rs -> {
            String serial = rs.getString("serial");
            String site = rs.getString("declared_site_id");
            record.add(StoredRecordView.chipFacts(
                    serial,
                    rs.getString("model"),
                    Optional.ofNullable(rs.getString("licence_id")).map(licences::get),
                    site,
                    siteCountry.getOrDefault(site, ""),
                    RegistryValues.ChipStatus.valueOf(rs.getString("status")) == RegistryValues.ChipStatus.INSTALLED,
                    Optional.ofNullable(latest.remove(serial)),
                    signs.getOrDefault(serial, List.of())));
            subjects.add(Subject.chip(serial));
        });
    }

    private static void parties(
            Connection c, OwnershipService ownership, LocalDate today, InMemoryRecord record, Set<Subject> subjects)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        stream(c, "SELECT id FROM parties ORDER BY id", rs -> ids.add(rs.getString(1)));
        for (int i = 0; i < ids.size(); i += 1000) {
            for (RegisteredParty p : PartyService.findAll(c, ids.subList(i, Math.min(ids.size(), i + 1000)))) {
                record.add(StoredRecordView.partyFacts(p, ownership.report(c, p.id(), today)));
                subjects.add(Subject.party(p.id()));
            }
        }
    }
}
