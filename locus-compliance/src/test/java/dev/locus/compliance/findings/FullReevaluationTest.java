package dev.locus.compliance.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.boundaries.NaturalEarth;
import dev.locus.compliance.ownership.LinkInput;
import dev.locus.compliance.ownership.OwnershipReports;
import dev.locus.compliance.ownership.OwnershipService;
import dev.locus.compliance.redflags.Finding;
import dev.locus.compliance.redflags.RedFlagPolicy;
import dev.locus.compliance.redflags.RedFlagRules;
import dev.locus.compliance.redflags.Subject;
import dev.locus.compliance.testing.TestDb;
import dev.locus.geo.verdict.Policy;
import dev.locus.geo.verdict.Verifier;
import dev.locus.screening.ownership.RuleTable;
import dev.locus.screening.ownership.Validity;
import dev.locus.server.Json;
import dev.locus.server.audit.AuditedStore;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.verdicts.VerdictEngine;
import dev.locus.server.verdicts.VerdictQuery;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full re-evaluation (record read once into memory) raises exactly what the per-subject
 * evaluation over the stored record raises, on generated records, and reconciles the stored
 * findings: unchanged ones untouched, new ones opened, gone ones cleared.
 */
class FullReevaluationTest {
    private static final String[] COUNTRIES = {"SG", "MY", "CN", "US", "AE", "DE"};

    static Stream<Arguments> records() {
        List<Arguments> out = new ArrayList<>();
        for (String engine : TestDb.engines()) {
            for (long seed : new long[] {1, 2, 3, 4}) {
                out.add(Arguments.of(engine, seed));
            }
        }
        return out.stream();
    }

    private record Wiring(Database db, RedFlagEvaluator evaluator, OwnershipService ownership, InstantSource clock)
            implements AutoCloseable {
        @Override
        public void close() {
            evaluator.close();
            db.close();
        }
    }

    private static Wiring wire(String engine) {
        Database db = TestDb.fresh(engine);
        AuditedStore store = TestDb.store(db);
        OwnershipService ownership = new OwnershipService(store, new OwnershipReports(RuleTable.bundled()));
        VerdictEngine verdicts = new VerdictEngine(
                db,
                Verifier.of(NaturalEarth.bundled()),
                store.clock(),
                Duration.ofHours(1),
                Set.of("CN"),
                Json.mapper(),
                Policy.DEFAULT_TOLERATED_LIARS);
        RedFlagEvaluator evaluator = new RedFlagEvaluator(
                new FindingStore(store),
                RedFlagRules.all(),
                RedFlagPolicy.defaults(),
                VerdictQuery.of(verdicts),
                ownership);
        return new Wiring(db, evaluator, ownership, store.clock());
    }

    @ParameterizedTest
    @MethodSource("records")
    void fullPath_raisesWhatThePerSubjectPathRaises(String engine, long seed) {
        try (Wiring w = wire(engine)) {
            generate(w, seed);
            LocalDate today = LocalDate.ofInstant(w.clock().instant(), ZoneOffset.UTC);
            RecordSnapshot snapshot = w.db().inTransaction(c -> RecordSnapshot.load(c, w.ownership(), today));
            RedFlagRules rules = RedFlagRules.all();
            int raised = 0;
            for (Subject s : snapshot.subjects()) {
                List<Finding> inMemory = rules.evaluate(s, snapshot.record(), RedFlagPolicy.defaults());
                assertThat(inMemory)
                        .as("findings about %s (seed %d)", s, seed)
                        .isEqualTo(w.evaluator().evaluate(s));
                raised += inMemory.size();
            }
            assertThat(raised).as("the generated record raises red flags").isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void reconcile_keepsUnchanged_opensNew_clearsGone(String engine, long seed) throws Exception {
        try (Wiring w = wire(engine)) {
            generate(w, seed);
            RedFlagEvaluator.FullRun first = w.evaluator().reevaluateAll();
            Map<Long, List<Object>> stored = findings(w.db());
            assertThat(stored).hasSize((int) first.findings());
            assertThat(stored.values()).allMatch(f -> f.get(1).equals("OPEN"));
            long audited = count(w.db(), "SELECT COUNT(*) FROM audit_log WHERE action = 'finding.opened'");
            assertThat(audited).isEqualTo(stored.size());

            RedFlagEvaluator.FullRun again = w.evaluator().reevaluateAll();
            assertThat(again.findings()).isEqualTo(first.findings());
            assertThat(findings(w.db()))
                    .as("a second run over the same record changes nothing")
                    .isEqualTo(stored);

            // a chip leaves its zone (a new finding), and every forwarder shipment goes (findings gone)
            try (Connection c = w.db().dataSource().getConnection()) {
                verdict(c, "c0", "OUTSIDE_ZONE", true, Sql.micros(Instant.now()).plusSeconds(1));
                exec(
                        c,
                        "DELETE FROM shipment_chips WHERE shipment_id IN"
                                + " (SELECT id FROM shipments WHERE address_kind = 'FORWARDER')");
                exec(c, "DELETE FROM shipments WHERE address_kind = 'FORWARDER'");
            }
            w.evaluator().reevaluateAll();
            w.evaluator().awaitIdle();
            Map<Long, List<Object>> after = findings(w.db());
            for (Map.Entry<Long, List<Object>> e : stored.entrySet()) {
                List<Object> now = after.get(e.getKey());
                if (e.getValue().get(0).equals("SHIP_TO_FORWARDER")) {
                    assertThat(now.get(1)).as("finding %s", e.getKey()).isEqualTo("CLEARED");
                }
            }
            assertThat(after.values())
                    .as("the chip now away from its licensed location")
                    .anyMatch(f -> f.get(2).equals("c0") && f.get(1).equals("OPEN") && !stored.containsValue(f));
            // and what is stored OPEN is exactly what the per-subject path raises now
            for (Map.Entry<Long, List<Object>> e : after.entrySet()) {
                List<Object> f = e.getValue();
                Subject s = new Subject(Subject.Type.valueOf((String) f.get(3)), (String) f.get(2));
                boolean raisedNow = w.evaluator().evaluate(s).stream()
                        .anyMatch(x -> x.rule().equals(f.get(0)) && x.key().equals(f.get(4)));
                assertThat(raisedNow)
                        .as("finding %s %s", e.getKey(), f)
                        .isEqualTo(f.get(1).equals("OPEN"));
            }
            assertThat(count(w.db(), "SELECT COUNT(*) FROM audit_log WHERE action = 'finding.cleared'"))
                    .isEqualTo(after.values().stream()
                            .filter(f -> f.get(1).equals("CLEARED"))
                            .count());
        }
    }

    /** id to (rule, status, subject id, subject type, key, updated_at). */
    private static Map<Long, List<Object>> findings(Database db) {
        return db.read(c -> {
            Map<Long, List<Object>> out = new LinkedHashMap<>();
            try (var ps = c.prepareStatement("SELECT * FROM findings ORDER BY id");
                    var rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (String column : List.of("rule", "status", "subject_id", "subject_type", "finding_key")) {
                        row.add(rs.getString(column));
                    }
                    row.add(Sql.getInstant(rs, "updated_at"));
                    out.put(rs.getLong("id"), row);
                }
            }
            return out;
        });
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (var ps = c.prepareStatement(sql);
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private static void verdict(Connection c, String serial, String verdicts, boolean proven, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO verdicts (chip_serial, window_start, window_end,"
                + " verdicts, proven, evidence_json, assessed_at) VALUES (?,?,?,?,?,'{}',?)")) {
            ps.setString(1, serial);
            Sql.setInstant(ps, 2, at.minusSeconds(3600));
            Sql.setInstant(ps, 3, at);
            ps.setString(4, verdicts);
            ps.setBoolean(5, proven);
            Sql.setInstant(ps, 6, at);
            ps.executeUpdate();
        }
    }

    /**
     * A random record: sites with licences and capacities, parties of every kind some formed after
     * the controls and some partly owned, chips with random verdicts and tampering alerts, orders
     * with shipments (some to forwarders or elsewhere) and allocations.
     */
    private static void generate(Wiring w, long seed) {
        Random r = new Random(seed);
        int sites = 3 + r.nextInt(3);
        int parties = 12 + r.nextInt(10);
        int chips = 30 + r.nextInt(30);
        Instant now = Sql.micros(Instant.now());
        w.db().inTransaction(c -> {
            insert(
                    c,
                    "INSERT INTO organisations (id, name, kind, country, created_at) VALUES (?,?,?,?,?)",
                    "nvx",
                    "NVX",
                    "EXPORTER",
                    "US",
                    java.sql.Timestamp.from(now));
            String[] kinds = {"END_USER", "IAAS_TENANT", "FREIGHT_FORWARDER", "DISTRIBUTOR", "CLOUD_OPERATOR", "COMPANY"
            };
            insert(
                    c,
                    "INSERT INTO parties (id, kind, country_of_incorporation, headquarters_country,"
                            + " incorporated_on, revision, created_at, updated_at) VALUES (?,?,?,?,?,1,?,?)",
                    "nvx",
                    "EXPORTER",
                    "US",
                    "US",
                    Date.valueOf("1993-01-01"),
                    java.sql.Timestamp.from(now),
                    java.sql.Timestamp.from(now));
            insert(c, "INSERT INTO party_details (party_id, field, ordinal, text) VALUES (?,'NAME',0,?)", "nvx", "NVX");
            for (int p = 0; p < parties; p++) {
                String country = COUNTRIES[r.nextInt(COUNTRIES.length)];
                insert(
                        c,
                        "INSERT INTO parties (id, kind, country_of_incorporation, headquarters_country,"
                                + " incorporated_on, revision, created_at, updated_at) VALUES (?,?,?,?,?,1,?,?)",
                        "p" + p,
                        kinds[r.nextInt(kinds.length)],
                        country,
                        r.nextInt(4) == 0 ? COUNTRIES[r.nextInt(COUNTRIES.length)] : country,
                        Date.valueOf(LocalDate.of(2000 + r.nextInt(26), 1 + r.nextInt(12), 1)),
                        java.sql.Timestamp.from(now),
                        java.sql.Timestamp.from(now));
                insert(
                        c,
                        "INSERT INTO party_details (party_id, field, ordinal, text) VALUES (?,'NAME',0,?)",
                        "p" + p,
                        "Party " + p);
            }
            for (int s = 0; s < sites; s++) {
                String country = COUNTRIES[r.nextInt(COUNTRIES.length)];
                insert(
                        c,
                        "INSERT INTO organisations (id, name, kind, country, created_at) VALUES (?,?,?,?,?)",
                        "org" + s,
                        "Operator " + s,
                        r.nextBoolean() ? "CLOUD_OPERATOR" : "END_USER",
                        country,
                        java.sql.Timestamp.from(now));
                insert(
                        c,
                        "INSERT INTO sites (id, name, operator_id, country, latitude_deg, longitude_deg,"
                                + " zone_radius_km, created_at) VALUES (?,?,?,?,?,?,?,?)",
                        "site" + s,
                        "Site " + s,
                        "org" + s,
                        country,
                        1.0 + s,
                        100.0 + s,
                        25.0,
                        java.sql.Timestamp.from(now));
                insert(
                        c,
                        "INSERT INTO licences (id, exporter_id, end_user_id, site_id, chip_count, conditions,"
                                + " valid_from, valid_until, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                        "lic" + s,
                        "nvx",
                        "org" + s,
                        "site" + s,
                        chips,
                        r.nextBoolean() ? "no D:5 tenants" : "no third-party access",
                        Date.valueOf("2023-01-01"),
                        Date.valueOf("2030-12-31"),
                        java.sql.Timestamp.from(now));
                insert(
                        c,
                        "INSERT INTO site_capacity (site_id, operator_id, country, power_mw, racks, declared_on,"
                                + " created_at) VALUES (?,?,?,?,?,?,?)",
                        "site" + s,
                        "p" + r.nextInt(parties),
                        country,
                        0.05 + r.nextInt(3),
                        10,
                        Date.valueOf("2023-01-01"),
                        java.sql.Timestamp.from(now));
            }
            String[] verdicts = {"EXCLUDES_RESTRICTED,IN_ZONE", "INCONCLUSIVE", "OUTSIDE_ZONE", "IN_RESTRICTED"};
            for (int i = 0; i < chips; i++) {
                insert(
                        c,
                        "INSERT INTO chips (serial, model, licence_id, declared_site_id, status, created_at)"
                                + " VALUES (?,'H100',?,?,?,?)",
                        "c" + i,
                        r.nextInt(5) == 0 ? null : "lic" + r.nextInt(sites),
                        "site" + r.nextInt(sites),
                        r.nextInt(4) == 0 ? "REGISTERED" : "INSTALLED",
                        java.sql.Timestamp.from(now));
                for (int v = r.nextInt(3); v > 0; v--) {
                    verdict(
                            c,
                            "c" + i,
                            r.nextInt(3) == 0 ? verdicts[r.nextInt(4)] : verdicts[0],
                            r.nextBoolean(),
                            now.minusSeconds(60L * v));
                }
                if (r.nextInt(6) == 0) {
                    insert(
                            c,
                            "INSERT INTO alerts (rule, severity, status, subject_type, subject_id, summary,"
                                    + " evidence_json, opened_at) VALUES (?,'WARNING',?,'CHIP',?,'signs','{}',?)",
                            r.nextBoolean() ? "SILENT" : "CLONED_IDENTITY",
                            r.nextInt(3) == 0 ? "RESOLVED" : "OPEN",
                            "c" + i,
                            java.sql.Timestamp.from(now));
                }
            }
            int orders = 20 + r.nextInt(30);
            for (int o = 0; o < orders; o++) {
                String buyer = "p" + r.nextInt(parties);
                String country = COUNTRIES[r.nextInt(COUNTRIES.length)];
                int quantity = r.nextInt(5) == 0 ? 500 + r.nextInt(3000) : 1 + r.nextInt(8);
                LocalDate on = LocalDate.of(2021 + r.nextInt(5), 1 + r.nextInt(12), 1);
                insert(
                        c,
                        "INSERT INTO orders (id, seller_id, buyer_id, billing_party_id, billing_country, model,"
                                + " quantity, value_usd, ordered_on, destination_site_id, created_at)"
                                + " VALUES (?,?,?,?,?,'H100',?,?,?,?,?)",
                        "o" + o,
                        r.nextInt(4) == 0 ? "p" + r.nextInt(parties) : "nvx",
                        buyer,
                        buyer,
                        country,
                        quantity,
                        java.math.BigDecimal.valueOf(quantity * 30_000L),
                        Date.valueOf(on),
                        r.nextInt(4) == 0 ? null : "site" + r.nextInt(sites),
                        java.sql.Timestamp.from(now));
                if (r.nextInt(5) > 0) {
                    insert(
                            c,
                            "INSERT INTO shipments (id, order_id, consignee_id, ship_to_address, ship_to_country,"
                                    + " address_kind, forwarder_id, declared_contents, chip_count, shipped_on, created_at)"
                                    + " VALUES (?,?,?,'addr',?,?,?,'GPU servers',?,?,?)",
                            "s" + o,
                            "o" + o,
                            buyer,
                            r.nextInt(3) == 0 ? COUNTRIES[r.nextInt(COUNTRIES.length)] : country,
                            r.nextInt(3) == 0 ? "FORWARDER" : "COMMERCIAL",
                            r.nextInt(3) == 0 ? "p" + r.nextInt(parties) : null,
                            quantity,
                            Date.valueOf(on.plusDays(9)),
                            java.sql.Timestamp.from(now));
                    int first = r.nextInt(chips);
                    for (int k = 0; k < 1 + r.nextInt(3); k++) {
                        insert(
                                c,
                                "INSERT INTO shipment_chips (shipment_id, chip_serial) VALUES (?,?)",
                                "s" + o,
                                "c" + ((first + k) % chips));
                    }
                }
            }
            for (int a = 0; a < 3 + r.nextInt(5); a++) {
                insert(
                        c,
                        "INSERT INTO allocations (id, tenant_id, site_id, chip_count, valid_from, valid_until,"
                                + " purpose, user_countries, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                        "a" + a,
                        "p" + r.nextInt(parties),
                        "site" + r.nextInt(sites),
                        8,
                        Date.valueOf("2025-01-01"),
                        Date.valueOf("2026-12-31"),
                        r.nextBoolean() ? "TRAINING" : "INFERENCE",
                        COUNTRIES[r.nextInt(COUNTRIES.length)] + " " + COUNTRIES[r.nextInt(COUNTRIES.length)],
                        java.sql.Timestamp.from(now));
                insert(
                        c,
                        "INSERT INTO allocation_chips (allocation_id, chip_serial) VALUES (?,?)",
                        "a" + a,
                        "c" + r.nextInt(chips));
            }
            return null;
        });
        for (int p = 0; p < parties; p += 3) {
            w.ownership()
                    .addLink(
                            "p" + p,
                            new LinkInput("p" + ((p + 1) % parties), 10 + r.nextInt(80), true, Validity.ALWAYS),
                            "analyst");
        }
    }
}
