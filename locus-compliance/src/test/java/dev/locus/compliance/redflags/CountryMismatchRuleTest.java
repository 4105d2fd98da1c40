package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.record.AddressKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountryMismatchRuleTest {
    private final CountryMismatchRule rule = new CountryMismatchRule();

    @Test
    void billedInSingapore_shippedToMalaysia_fires() {
        InMemoryRecord r = new InMemoryRecord()
                .add(order("o1", "buyer", "SG", 2000))
                .add(shipment("s1", "o1", "MY", AddressKind.FORWARDER, List.of()));

        List<Finding> f = rule.evaluate(Subject.party("buyer"), r, POLICY);

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.key()).isEqualTo("o1");
            assertThat(x.evidence().get("countries")).isEqualTo(List.of("MY", "SG"));
            assertThat(x.source()).isEqualTo(Source.BIS_SUPP3_PART732);
        });
    }

    @Test
    void shippedWhereBilled_butProvenElsewhere_fires() {
        InMemoryRecord r = new InMemoryRecord()
                .add(order("o1", "buyer", "SG", 8))
                .add(shipment("s1", "o1", "SG", AddressKind.COMMERCIAL, List.of("c1")))
                .add(chip("c1", inZone("MY")));

        assertThat(rule.evaluate(Subject.party("buyer"), r, POLICY))
                .singleElement()
                .satisfies(x ->
                        assertThat(x.evidence().get("proven_country_by_chip")).isEqualTo(java.util.Map.of("c1", "MY")));
    }

    @Test
    void billedShippedAndProvenInOneCountry_doesNotFire_andUnprovenChipsAddNoCountry() {
        InMemoryRecord r = new InMemoryRecord()
                .add(order("o1", "buyer", "SG", 8))
                .add(shipment("s1", "o1", "SG", AddressKind.COMMERCIAL, List.of("c1", "c2")))
                .add(chip("c1", inZone("SG")))
                .add(chip("c2", new ProvenLocation.Unproven("no verdict yet")));

        assertThat(rule.evaluate(Subject.party("buyer"), r, POLICY)).isEmpty();
    }
}
