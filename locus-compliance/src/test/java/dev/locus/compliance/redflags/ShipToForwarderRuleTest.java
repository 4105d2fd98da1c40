package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.record.AddressKind;
import dev.locus.compliance.record.Shipment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShipToForwarderRuleTest {
    private final ShipToForwarderRule rule = new ShipToForwarderRule();

    @Test
    void forwarderAddress_orResidence_orForwarderParty_fires() {
        Shipment viaParty = new Shipment(
                "s3",
                "o1",
                "c",
                "Port Klang",
                "MY",
                AddressKind.COMMERCIAL,
                Optional.of("fw"),
                "servers",
                8,
                List.of(),
                ORDERED);
        InMemoryRecord r = new InMemoryRecord()
                .add(party("fw", PartyRole.FREIGHT_FORWARDER))
                .add(order("o1", "buyer", "SG", 24))
                .add(shipment("s1", "o1", "MY", AddressKind.FORWARDER, List.of()))
                .add(shipment("s2", "o1", "SG", AddressKind.RESIDENTIAL, List.of()))
                .add(viaParty);

        assertThat(rule.evaluate(Subject.party("buyer"), r, POLICY))
                .extracting(Finding::key)
                .containsExactly("s1", "s2", "s3");
    }

    @Test
    void commercialAddress_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord()
                .add(order("o1", "buyer", "SG", 8))
                .add(shipment("s1", "o1", "SG", AddressKind.COMMERCIAL, List.of()));

        assertThat(rule.evaluate(Subject.party("buyer"), r, POLICY)).isEmpty();
    }
}
