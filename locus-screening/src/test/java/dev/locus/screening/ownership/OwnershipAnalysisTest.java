package dev.locus.screening.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Worked examples: chains through shell companies, with dates, under the bundled rule table. */
class OwnershipAnalysisTest {
    static final LocalDate D2025_06_01 = LocalDate.of(2025, 6, 1);

    /** A listed Chinese firm holds a Singapore buyer 60 % through two holding companies. */
    static OwnershipAnalysis singaporeBuyer() {
        List<Party> parties = List.of(
                Party.organisation("cn-listed", "Shenzhen Listed Semiconductor Co., Ltd.", "CN"),
                Party.organisation("hk-hold", "Harbour Crest Holdings Limited", "HK"),
                Party.organisation("my-hold", "Tanjung Orchid Sdn. Bhd.", "MY"),
                Party.organisation("sg-buyer", "Orchid Compute Pte. Ltd.", "SG"),
                Party.person("founder", "Tan Wei Ming"));
        List<OwnershipLink> links = List.of(
                OwnershipLink.direct("cn-listed", "hk-hold", 100, D2025_06_01),
                OwnershipLink.direct("hk-hold", "my-hold", 75, D2025_06_01),
                OwnershipLink.direct("founder", "my-hold", 25, D2025_06_01),
                OwnershipLink.direct("my-hold", "sg-buyer", 80, D2025_06_01),
                OwnershipLink.direct("founder", "sg-buyer", 20, D2025_06_01),
                OwnershipLink.direct("founder", "cn-listed", 10, LocalDate.of(2020, 1, 1)));
        List<Designation> designations = List.of(new Designation("cn-listed", "CSL:EL", "el-123", List.of()));
        return new OwnershipAnalysis(RuleTable.bundled(), parties, links, designations);
    }

    /** A direct holding in the register since 2025-06-01. */
    private static OwnershipLink holding(String owner, String owned, double percent) {
        return OwnershipLink.direct(owner, owned, percent, D2025_06_01);
    }

    private static OwnershipGraph graphOn(LocalDate on, OwnershipLink... links) {
        return OwnershipGraph.on(List.of(links), on);
    }

    private static Optional<OwnershipFinding.RuleReached> reached(
            List<OwnershipFinding> fs, String party, String rule) {
        return fs.stream()
                .filter(f -> f instanceof OwnershipFinding.RuleReached r
                        && r.partyId().equals(party)
                        && r.ruleVersion().rule().equals(rule))
                .map(f -> (OwnershipFinding.RuleReached) f)
                .findFirst();
    }

    @Test
    void affiliatesRule_inForceOn2025_10_01_reachesTheSingaporeBuyerAt60PercentWithItsPath() {
        List<OwnershipFinding> fs = singaporeBuyer().findings(LocalDate.of(2025, 10, 1));
        OwnershipFinding.RuleReached r =
                reached(fs, "sg-buyer", "BIS-AFFILIATES").orElseThrow();
        assertThat(r.aggregatePercent())
                .isCloseTo(80.0, within(1e-9)); // my-hold is itself an affiliate (75 %), its 80 % counts in full
        assertThat(r.inForce()).isTrue();
        assertThat(r.ruleVersion().version()).isEqualTo("2025-09-29");
        assertThat(r.ruleVersion().citation()).contains("90 FR 47201");
        assertThat(r.paths().getFirst().parties()).containsExactly("my-hold", "sg-buyer");
        assertThat(r.ownersFoundByRule()).containsExactly("my-hold");
        OwnershipGraph g = graphOn(
                LocalDate.of(2025, 10, 1),
                holding("cn-listed", "hk-hold", 100),
                holding("hk-hold", "my-hold", 75),
                holding("my-hold", "sg-buyer", 80));
        assertThat(g.aggregateShare("cn-listed", "sg-buyer")).isCloseTo(0.60, within(1e-12));
        assertThat(g.paths(java.util.Set.of("cn-listed"), "sg-buyer", 5)
                        .getFirst()
                        .toString())
                .isEqualTo("cn-listed -100.00%-> hk-hold -75.00%-> my-hold -80.00%-> sg-buyer = 60.00 %");
        assertThat(reached(fs, "hk-hold", "BIS-AFFILIATES")).isPresent();
        assertThat(reached(fs, "sg-buyer", "OFAC-50-PERCENT")).isEmpty(); // an Entity List party is not blocked by OFAC
    }

    @Test
    void affiliatesRule_suspendedOn2025_12_01_isReportedWithTheSuspendedVersion() {
        OwnershipFinding.RuleReached r = reached(
                        singaporeBuyer().findings(LocalDate.of(2025, 12, 1)), "sg-buyer", "BIS-AFFILIATES")
                .orElseThrow();
        assertThat(r.inForce()).isFalse();
        assertThat(r.ruleVersion().version()).isEqualTo("2025-11-10-suspension");
        assertThat(reached(singaporeBuyer().findings(LocalDate.of(2026, 11, 10)), "sg-buyer", "BIS-AFFILIATES")
                        .orElseThrow()
                        .inForce())
                .isTrue();
    }

    @Test
    void affiliatesRule_beforeItsEffectiveDate_doesNotApply() {
        assertThat(reached(singaporeBuyer().findings(LocalDate.of(2025, 9, 28)), "sg-buyer", "BIS-AFFILIATES"))
                .isEmpty();
    }

    @Test
    void linksOutsideTheirValidity_doNotCount() {
        List<Party> parties = List.of(Party.person("x", "X"), Party.organisation("a", "A", "SG"));
        List<OwnershipLink> links =
                List.of(OwnershipLink.direct("x", "a", 60, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 3, 31)));
        List<Designation> ds = List.of(new Designation("x", "OFAC-SDN", "1", List.of("SDGT")));
        OwnershipAnalysis an = new OwnershipAnalysis(RuleTable.bundled(), parties, links, ds);
        assertThat(reached(an.findings(LocalDate.of(2025, 3, 31)), "a", "OFAC-50-PERCENT"))
                .isPresent();
        assertThat(reached(an.findings(LocalDate.of(2025, 4, 1)), "a", "OFAC-50-PERCENT"))
                .isEmpty();
    }

    @Test
    void ofac_blockedEntitiesCountInFull_downTheChain() {
        // OFAC FAQ 401: X (blocked) owns 50 % of A, A owns 50 % of B: A and B are blocked.
        List<Party> parties =
                List.of(Party.person("x", "X"), Party.organisation("a", "A", "AE"), Party.organisation("b", "B", "SG"));
        List<OwnershipLink> links = List.of(
                OwnershipLink.direct("x", "a", 50, D2025_06_01), OwnershipLink.direct("a", "b", 50, D2025_06_01));
        OwnershipAnalysis an = new OwnershipAnalysis(
                RuleTable.bundled(), parties, links, List.of(new Designation("x", "OFAC-SDN", "1", List.of("SDGT"))));
        List<OwnershipFinding> fs = an.findings(LocalDate.of(2025, 7, 1));
        assertThat(reached(fs, "a", "OFAC-50-PERCENT")).isPresent();
        OwnershipFinding.RuleReached b = reached(fs, "b", "OFAC-50-PERCENT").orElseThrow();
        assertThat(b.aggregatePercent()).isCloseTo(50.0, within(1e-9));
        assertThat(b.ownersFoundByRule()).containsExactly("a");
        assertThat(reached(fs, "b", "BIS-AFFILIATES")).isEmpty(); // an SDGT designation is not a §744.8 (NPWMD) one
    }

    @Test
    void ofac_sharesOfSeveralBlockedOwnersAddUp_butControlAloneDoesNot() {
        List<Party> parties = List.of(
                Party.person("x", "X"),
                Party.person("y", "Y"),
                Party.person("z", "Z"),
                Party.organisation("a", "A", "AE"),
                Party.organisation("c", "C", "AE"));
        List<OwnershipLink> links = List.of(
                OwnershipLink.direct("x", "a", 25, D2025_06_01),
                OwnershipLink.direct("y", "a", 25, D2025_06_01),
                new OwnershipLink("z", "c", 49, true, true, Validity.from(D2025_06_01)));
        List<Designation> ds = List.of(
                new Designation("x", "OFAC-SDN", "1", List.of()),
                new Designation("y", "CSL:SDN", "2", List.of()),
                new Designation("z", "OFAC-SDN", "3", List.of()));
        List<OwnershipFinding> fs =
                new OwnershipAnalysis(RuleTable.bundled(), parties, links, ds).findings(LocalDate.of(2025, 7, 1));
        assertThat(reached(fs, "a", "OFAC-50-PERCENT").orElseThrow().aggregatePercent())
                .isCloseTo(50.0, within(1e-9));
        assertThat(reached(fs, "c", "OFAC-50-PERCENT")).isEmpty();
    }

    @Test
    void unknownOrUndisclosedOwnership_isAFinding() {
        List<Party> parties = List.of(
                Party.organisation("shell", "Shell Ltd", "SG"),
                Party.organisation("open", "Open Ltd", "SG"),
                Party.person("p", "P"),
                Party.organisation("known", "Known Ltd", "SG"));
        List<OwnershipLink> links = List.of(
                OwnershipLink.direct("p", "open", 60, D2025_06_01),
                OwnershipLink.direct("p", "known", 100, D2025_06_01));
        List<OwnershipFinding> fs = new OwnershipAnalysis(RuleTable.bundled(), parties, links, List.of())
                .findings(LocalDate.of(2025, 7, 1));
        assertThat(fs)
                .filteredOn(f -> f instanceof OwnershipFinding.OwnershipUnknown)
                .extracting(OwnershipFinding::partyId)
                .containsExactlyInAnyOrder("shell", "open");
    }

    @Test
    void ownersHoldingMoreThan100Percent_areRejectedWithTheParty() {
        assertThatThrownBy(() -> graphOn(LocalDate.of(2025, 7, 1), holding("x", "a", 60), holding("y", "a", 50)))
                .hasMessageContaining("ownership of a on 2025-07-01");
    }

    @Test
    void crossHoldings_areSolvedExactly() {
        // X owns 50 % of A; A and B hold 40 % of each other. s(A) = 0.5 + 0.4 s(B), s(B) = 0.4 s(A)
        OwnershipGraph g =
                graphOn(LocalDate.of(2025, 7, 1), holding("x", "a", 50), holding("a", "b", 40), holding("b", "a", 40));
        assertThat(g.aggregateShare("x", "a")).isCloseTo(0.5 / 0.84, within(1e-12));
        assertThat(g.aggregateShare("x", "b")).isCloseTo(0.2 / 0.84, within(1e-12));
    }

    @Test
    void ruleTable_rejectsABadRowWithItsLine() {
        String table =
                "# table_version: t\nrule,version,status,effective_from,effective_until,threshold_percent,designations,citation\n"
                        + "R,1,IN_FORCE,2025-13-01,,50,OFAC-SDN,c\n";
        assertThatThrownBy(() -> RuleTable.parse("rules.csv", table))
                .hasMessage("rules.csv:3: field effective_from: expected YYYY-MM-DD, got '2025-13-01'");
    }
}
