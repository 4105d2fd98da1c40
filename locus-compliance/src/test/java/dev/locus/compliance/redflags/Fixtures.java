package dev.locus.compliance.redflags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.record.AddressKind;
import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.Purpose;
import dev.locus.compliance.record.Shipment;
import dev.locus.compliance.record.SiteCapacity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Small record values for the rule tests: an honest default, changed only where a test says. */
final class Fixtures {
    static final LocalDate ORDERED = LocalDate.of(2025, 3, 1);
    static final RedFlagPolicy POLICY = RedFlagPolicy.defaults();

    private Fixtures() {}

    static PartyFacts party(String id, PartyRole... roles) {
        return new PartyFacts(
                id,
                id + " Ltd",
                Set.of(roles),
                Optional.of("SG"),
                Optional.of("SG"),
                Optional.of(LocalDate.of(2010, 1, 1)),
                PartyFacts.Ownership.KNOWN);
    }

    static PartyFacts headquarteredIn(String id, String country, PartyRole... roles) {
        return new PartyFacts(
                id,
                id + " Ltd",
                Set.of(roles),
                Optional.of(country),
                Optional.of(country),
                Optional.of(LocalDate.of(2010, 1, 1)),
                PartyFacts.Ownership.KNOWN);
    }

    /** An end user named {@code id}, incorporated and headquartered in SG on {@code incorporated}. */
    static PartyFacts singaporeEndUser(String id, LocalDate incorporated, PartyFacts.Ownership ownership) {
        return new PartyFacts(
                id,
                id,
                Set.of(PartyRole.END_USER),
                Optional.of("SG"),
                Optional.of("SG"),
                Optional.of(incorporated),
                ownership);
    }

    static Order order(String id, String buyer, String billingCountry, int quantity) {
        return order(id, buyer, billingCountry, quantity, ORDERED, Optional.empty());
    }

    static Order order(
            String id, String buyer, String billingCountry, int quantity, LocalDate on, Optional<String> site) {
        return new Order(
                id,
                "nvx",
                buyer,
                buyer,
                billingCountry,
                "H100",
                quantity,
                BigDecimal.valueOf(quantity * 30_000L),
                on,
                site);
    }

    static Shipment shipment(String id, String orderId, String country, AddressKind kind, List<String> serials) {
        return new Shipment(
                id,
                orderId,
                "consignee",
                "1 Data Centre Road",
                country,
                kind,
                Optional.empty(),
                "GPU servers",
                Math.max(serials.size(), 8),
                serials,
                ORDERED.plusDays(10));
    }

    static Allocation allocation(String id, String tenant, String site, Purpose purpose, String... userCountries) {
        return new Allocation(
                id, tenant, site, 64, List.of(), ORDERED, ORDERED.plusYears(1), purpose, Set.of(userCountries));
    }

    static SiteCapacity capacity(String site, String operator, String country, double mw) {
        return new SiteCapacity(site, operator, country, mw, 100, ORDERED);
    }

    static ChipFacts chip(String serial, ProvenLocation where, TamperingSign... signs) {
        return new ChipFacts(serial, "H100", Optional.empty(), "sg-1", "SG", true, where, List.of(signs));
    }

    static ProvenLocation inZone(String country) {
        return new ProvenLocation.InZone("site-" + country, country, 1, Instant.parse("2025-03-20T00:00:00Z"));
    }

    /** The one finding {@code rule} raises about {@code subject}; fails the test unless there is exactly one. */
    static Finding onlyFinding(RedFlagRule rule, Subject subject, RecordView record) {
        List<Finding> found = rule.evaluate(subject, record, POLICY);
        assertThat(found).as("findings of %s about %s", rule.id(), subject).hasSize(1);
        return found.getFirst();
    }

    static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }
}
