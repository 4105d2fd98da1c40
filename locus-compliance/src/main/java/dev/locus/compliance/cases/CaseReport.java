package dev.locus.compliance.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.locus.compliance.LocusComplianceException;
import dev.locus.compliance.findings.StoredFinding;
import dev.locus.compliance.parties.PartyService;
import dev.locus.compliance.record.RecordKind;
import dev.locus.compliance.record.RecordService;
import dev.locus.compliance.record.Shipment;
import dev.locus.server.audit.AuditHead;
import dev.locus.server.audit.AuditLog;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.persistence.Sql;
import dev.locus.server.registry.RegistryService;
import dev.locus.server.reports.ReportDocument;
import dev.locus.server.verdicts.StoredVerdict;
import dev.locus.server.verdicts.VerdictQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The "credible information" report of a case (Chip Security Act §4(a)(2)): the conclusion, the
 * subject (the chip with its licence and end user, or the party, site or country), the location
 * proofs with their evidence, the commercial record, the findings with their sources and evidence,
 * the case's history, and the audit log's head hash so the report can be checked against the log
 * later. Built as one ordered map (the JSON form), and as the shared {@link ReportDocument} for HTML and PDF. Lists are
 * bounded ({@value #MAX_ROWS} rows each) and say when they were cut. Thread-safe.
 */
public final class CaseReport {
    static final int MAX_ROWS = 200;

    private final AuditedStore store;
    private final VerdictQuery verdicts;

    public CaseReport(AuditedStore store, VerdictQuery verdicts) {
        this.store = store;
        this.verdicts = verdicts;
    }

    /** The report of case {@code id} as the shared report document (for HTML and PDF); empty when there is no such case. */
    public Optional<ReportDocument> document(long id) {
        return store.db().read(c -> {
            Optional<CaseService.CaseView> view = CaseService.view(c, id);
            if (view.isEmpty()) {
                return Optional.<ReportDocument>empty();
            }
            Map<String, Object> report = build(c, view.get());
            return Optional.of(CaseReportDocument.of(
                    report, AuditLog.head(c), store.clock().instant(), store.json()));
        });
    }

    /** The report of case {@code id}; empty when there is no such case. */
    public Optional<Map<String, Object>> build(long id) {
        return store.db().read(c -> {
            Optional<CaseService.CaseView> view = CaseService.view(c, id);
            if (view.isEmpty()) {
                return Optional.<Map<String, Object>>empty();
            }
            return Optional.of(build(c, view.get()));
        });
    }

    private Map<String, Object> build(Connection c, CaseService.CaseView v) throws SQLException {
        Case k = v.details();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", "Credible information report (Chip Security Act §4(a)(2)): case " + k.id());
        r.put("generated_at", store.clock().instant().toString());
        r.put("conclusion", conclusion(v));
        r.put("case", k);
        r.put("risk", v.risk());
        Set<String> chips = new LinkedHashSet<>();
        switch (k.subjectType()) {
            case "CHIP" -> chips.add(k.subjectId());
            case "PARTY" -> {
                r.put(
                        "party",
                        PartyService.findAll(c, List.of(k.subjectId())).stream()
                                .findFirst()
                                .orElse(null));
                r.put(
                        "screening_hits",
                        maps(
                                c,
                                "SELECT id, kind, status, source, entry_id, listed_name, score, decision FROM"
                                        + " screening_hits WHERE party_id = ? AND status IN ('OPEN', 'CONFIRMED')"
                                        + " ORDER BY id LIMIT " + MAX_ROWS,
                                k.subjectId()));
                r.put("commercial_record", partyRecord(c, k.subjectId(), chips));
            }
            case "SITE" ->
                r.put(
                        "commercial_record",
                        Map.of(
                                "site_capacity", rows(c, RecordService.SITE_CAPACITY, "site_id", k.subjectId()),
                                "orders_for_site",
                                        rows(c, RecordService.ORDERS, "destination_site_id", k.subjectId())));
            default ->
                r.put(
                        "commercial_record",
                        Map.of("orders_billed", rows(c, RecordService.ORDERS, "billing_country", k.subjectId())));
        }
        r.put("chips", chips(c, chips));
        r.put("findings", v.findings().stream().map(this::finding).toList());
        r.put("notes", v.notes());
        AuditHead head = AuditLog.head(c);
        r.put("audit_head", Map.of("seq", head.seq(), "hash", head.hash()));
        return r;
    }

    private static String conclusion(CaseService.CaseView v) {
        List<StoredFinding> open = v.findings().stream()
                .filter(f -> f.status() == StoredFinding.Status.OPEN)
                .toList();
        if (open.isEmpty()) {
            return "No open red flag about " + v.details().subjectType().toLowerCase(java.util.Locale.ROOT) + " "
                    + v.details().subjectId() + ".";
        }
        long critical =
                open.stream().filter(f -> f.severity().equals("CRITICAL")).count();
        return open.size() + " open red flag(s) about "
                + v.details().subjectType().toLowerCase(java.util.Locale.ROOT)
                + " " + v.details().subjectId() + " (" + critical + " critical, risk "
                + v.risk().score()
                + "): "
                + String.join(
                        "; ", open.stream().map(StoredFinding::rule).distinct().toList()) + ".";
    }

    private Map<String, Object> finding(StoredFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("rule", f.rule());
        m.put("source", f.citation());
        m.put("severity", f.severity());
        m.put("status", f.status().name());
        m.put("summary", f.summary());
        m.put("evidence", parse(f.evidence()));
        m.put("opened_at", f.openedAt().toString());
        return m;
    }

    private Object parse(String evidenceJson) {
        try {
            return store.json().readValue(evidenceJson, Object.class);
        } catch (JsonProcessingException e) {
            throw new LocusComplianceException("stored evidence is not JSON: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> partyRecord(Connection c, String partyId, Set<String> chips) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> orders = new ArrayList<>();
        for (var o : rows(c, RecordService.ORDERS, "buyer_id", partyId)) {
            List<Shipment> shipments = rows(c, RecordService.SHIPMENTS, "order_id", o.id());
            shipments.forEach(s -> s.serials().stream().limit(MAX_ROWS).forEach(chips::add));
            orders.add(Map.of("order", o, "shipments", shipments));
        }
        m.put("orders", orders);
        m.put("orders_sold", rows(c, RecordService.ORDERS, "seller_id", partyId));
        var allocations = rows(c, RecordService.ALLOCATIONS, "tenant_id", partyId);
        allocations.forEach(a -> a.serials().stream().limit(MAX_ROWS).forEach(chips::add));
        m.put("allocations", allocations);
        m.put("site_capacity", rows(c, RecordService.SITE_CAPACITY, "operator_id", partyId));
        return m;
    }

    private List<Object> chips(Connection c, Set<String> serials) throws SQLException {
        List<Object> out = new ArrayList<>();
        for (String serial : serials.stream().limit(MAX_ROWS).toList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            var chip = RegistryService.chip(c, serial);
            m.put("serial", serial);
            m.put("registered", chip.isPresent());
            if (chip.isPresent()) {
                m.put("model", chip.get().model());
                m.put("status", chip.get().status().name());
                m.put("declared_site", chip.get().declaredSiteId());
                m.put(
                        "licence",
                        chip.get().licenceId().flatMap(l -> licence(c, l)).orElse(null));
            }
            m.put(
                    "location_alerts",
                    maps(
                            c,
                            "SELECT id, rule, severity, status, summary, opened_at FROM alerts WHERE subject_type ="
                                    + " 'CHIP' AND subject_id = ? AND status <> 'RESOLVED' ORDER BY id LIMIT "
                                    + MAX_ROWS,
                            serial));
            m.put(
                    "location_proofs",
                    verdicts.history(serial, 0, 20).items().stream()
                            .map(this::proof)
                            .toList());
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> proof(StoredVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict_id", v.id());
        m.put("window", v.windowStart() + "/" + v.windowEnd());
        m.put("verdicts", v.verdicts().stream().map(Enum::name).sorted().toList());
        m.put("proven", v.proven());
        m.put("evidence", parse(v.evidenceJson()));
        return m;
    }

    private static Optional<Map<String, Object>> licence(Connection c, String id) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, exporter_id, end_user_id, site_id, chip_count,"
                + " conditions, valid_from, valid_until FROM licences WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Object> m = new LinkedHashMap<>();
                for (String col : List.of("id", "exporter_id", "end_user_id", "site_id", "conditions")) {
                    m.put(col, rs.getString(col));
                }
                m.put("chip_count", rs.getInt("chip_count"));
                m.put("valid", rs.getDate("valid_from") + "/" + rs.getDate("valid_until"));
                return Optional.of(m);
            }
        } catch (SQLException e) {
            throw new LocusComplianceException("cannot read licence " + id + ": " + e.getMessage(), e);
        }
    }

    /** Rows of a query with one text parameter, each as column → text. */
    private static List<Map<String, Object>> maps(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        m.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getString(i));
                    }
                    out.add(m);
                }
            }
            return out;
        }
    }

    private static <T> List<T> rows(Connection c, RecordKind<T> kind, String column, String value) throws SQLException {
        return Sql.query(
                c,
                "SELECT * FROM " + kind.table() + " WHERE " + column + " = ? ORDER BY seq LIMIT " + MAX_ROWS,
                ps -> ps.setString(1, value),
                rs -> kind.read(c, rs));
    }
}
