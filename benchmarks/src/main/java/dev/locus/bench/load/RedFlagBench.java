package dev.locus.bench.load;

import dev.locus.compliance.record.AddressKind;
import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.Purpose;
import dev.locus.compliance.record.Shipment;
import dev.locus.compliance.record.SiteCapacity;
import dev.locus.compliance.redflags.ChipFacts;
import dev.locus.compliance.redflags.InMemoryRecord;
import dev.locus.compliance.redflags.LicenceFacts;
import dev.locus.compliance.redflags.PartyFacts;
import dev.locus.compliance.redflags.PartyRole;
import dev.locus.compliance.redflags.ProvenLocation;
import dev.locus.compliance.redflags.RedFlagPolicy;
import dev.locus.compliance.redflags.RedFlagRules;
import dev.locus.compliance.redflags.Subject;
import dev.locus.compliance.redflags.TamperingSign;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Load run of every red-flag rule over a generated record held in memory: {@code chips} chips,
 * {@code parties} parties, {@code orders} orders each with one shipment of two serials, site
 * capacities and allocations; then every subject (parties, chips, sites, countries) evaluated
 * once, as a full re-evaluation would. Prints the build and evaluation times and the findings by
 * rule. Seeded: the same arguments give the same record. Usage: {@code RedFlagBench [chips]
 * [parties] [orders]} (defaults 1,000,000 / 100,000 / 500,000).
 */
public final class RedFlagBench {
    private static final String[] COUNTRIES = {"SG", "MY", "TH", "ID", "VN", "JP", "KR", "DE", "FR", "US", "IN", "AE"};

    private RedFlagBench() {}

    public static void main(String[] args) {
        run(new RecordSize(
                args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000,
                args.length > 1 ? Integer.parseInt(args[1]) : 100_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 500_000));
    }

    /** Builds a record of {@code size}, evaluates every subject once and prints the figures. */
    public static void run(RecordSize size) {
        int chips = size.chips();
        int parties = size.parties();
        int orders = size.orders();
        int sites = size.sites();
        Random random = new Random(42);
        long t0 = System.nanoTime();
        InMemoryRecord record = new InMemoryRecord();
        for (int p = 0; p < parties; p++) {
            PartyRole role = p % 50 == 0
                    ? PartyRole.FREIGHT_FORWARDER
                    : p % 20 == 0 ? PartyRole.IAAS_TENANT : PartyRole.END_USER;
            String country = p % 97 == 0 ? "CN" : COUNTRIES[p % COUNTRIES.length];
            record.add(new PartyFacts(
                    "p" + p,
                    "Party " + p,
                    Set.of(role),
                    Optional.of(country),
                    Optional.of(country),
                    Optional.of(LocalDate.of(p % 13 == 0 ? 2024 : 2005 + p % 15, 1 + p % 12, 1)),
                    p % 31 == 0 ? PartyFacts.Ownership.UNKNOWN : PartyFacts.Ownership.KNOWN));
        }
        record.add(new PartyFacts(
                "nvx",
                "NVX",
                Set.of(PartyRole.EXPORTER),
                Optional.of("US"),
                Optional.of("US"),
                Optional.of(LocalDate.of(1993, 1, 1)),
                PartyFacts.Ownership.KNOWN));
        for (int s = 0; s < sites; s++) {
            String country = COUNTRIES[s % COUNTRIES.length];
            record.add(new SiteCapacity(
                    "site" + s, "p" + (s * 10 % parties), country, 1 + s % 20, 100, LocalDate.of(2023, 1, 1)));
            record.add(new LicenceFacts(
                    "lic" + s,
                    "p" + (s * 10 % parties),
                    s % 2 == 0,
                    "site" + s,
                    s % 5 == 0 ? "no D:5 tenants" : "no re-export"));
        }
        Map<String, String> siteCountry = new HashMap<>();
        for (int c = 0; c < chips; c++) {
            int site = c % sites;
            siteCountry.put("site" + site, COUNTRIES[site % COUNTRIES.length]);
            ProvenLocation where = c % 100 == 0
                    ? new ProvenLocation.Unproven("INCONCLUSIVE")
                    : c % 333 == 0
                            ? new ProvenLocation.Away(Set.of("OUTSIDE_ZONE"), c, Instant.EPOCH)
                            : new ProvenLocation.InZone(
                                    "site" + site, COUNTRIES[site % COUNTRIES.length], c, Instant.EPOCH);
            List<TamperingSign> signs = c % 1000 == 0
                    ? List.of(new TamperingSign(TamperingSign.Kind.SILENCE, c, "silent", Instant.EPOCH))
                    : List.of();
            record.add(new ChipFacts(
                    "c" + c,
                    "H100",
                    Optional.empty(),
                    "site" + site,
                    COUNTRIES[site % COUNTRIES.length],
                    true,
                    where,
                    signs));
        }
        int[] nextAtSite = new int[sites];
        int perSite = Math.max(1, chips / sites);
        for (int o = 0; o < orders; o++) {
            int buyer = random.nextInt(parties);
            int site = buyer / 10 % sites;
            String country = COUNTRIES[site % COUNTRIES.length];
            int quantity = o % 1000 == 0 ? 2000 : 2;
            LocalDate on = LocalDate.of(2021 + random.nextInt(5), 1 + random.nextInt(12), 1);
            record.add(new Order(
                    "o" + o,
                    "nvx",
                    "p" + buyer,
                    "p" + buyer,
                    o % 211 == 0 ? "SG" : country,
                    "H100",
                    quantity,
                    BigDecimal.valueOf(quantity * 30_000L),
                    on,
                    Optional.of("site" + site)));
            // the chips shipped are chips of the order's site (chip c is at site c % sites)
            List<String> serials = List.of(
                    "c" + (site + sites * (nextAtSite[site]++ % perSite)),
                    "c" + (site + sites * (nextAtSite[site]++ % perSite)));
            AddressKind kind = o % 401 == 0 ? AddressKind.FORWARDER : AddressKind.COMMERCIAL;
            record.add(new Shipment(
                    "s" + o,
                    "o" + o,
                    "p" + buyer,
                    "addr",
                    o % 173 == 0 ? "MY" : country,
                    kind,
                    Optional.empty(),
                    "GPU servers",
                    quantity,
                    serials,
                    on.plusDays(10)));
        }
        for (int a = 0; a < parties / 20; a++) {
            String tenant = "p" + (a * 20);
            record.add(new Allocation(
                    "a" + a,
                    tenant,
                    "site" + (a % sites),
                    64,
                    List.of(),
                    LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 12, 31),
                    a % 3 == 0 ? Purpose.TRAINING : Purpose.INFERENCE,
                    Set.of(COUNTRIES[a % COUNTRIES.length])));
        }
        long built = System.nanoTime();
        List<Subject> subjects = new ArrayList<>(parties + chips + sites + COUNTRIES.length + 1);
        for (int p = 0; p < parties; p++) {
            subjects.add(Subject.party("p" + p));
        }
        subjects.add(Subject.party("nvx"));
        for (int c = 0; c < chips; c++) {
            subjects.add(Subject.chip("c" + c));
        }
        for (int s = 0; s < sites; s++) {
            subjects.add(Subject.site("site" + s));
        }
        for (String c : COUNTRIES) {
            subjects.add(Subject.country(c));
        }
        RedFlagRules rules = RedFlagRules.all();
        RedFlagPolicy policy = RedFlagPolicy.defaults();
        Map<String, Integer> byRule = new java.util.TreeMap<>();
        for (Subject s : subjects) {
            rules.evaluate(s, record, policy).forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
        }
        long done = System.nanoTime();
        System.out.printf(
                "red-flag load run: %,d chips, %,d parties, %,d orders + %,d shipments, %,d sites%n",
                chips, parties, orders, orders, sites);
        System.out.printf(
                "  record built in %.1f s; %,d subjects evaluated by %d rules in %.1f s (%.0f subjects/s)%n",
                (built - t0) / 1e9,
                subjects.size(),
                rules.rules().size(),
                (done - built) / 1e9,
                subjects.size() / ((done - built) / 1e9));
        System.out.println("  findings by rule: " + byRule);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "  heap used %.0f MiB of max %.0f MiB%n",
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.maxMemory() / 1048576.0);
    }
}
