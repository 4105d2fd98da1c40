package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.record.Order;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResellerOutsideChipTradeRuleTest {
    private final ResellerOutsideChipTradeRule rule = new ResellerOutsideChipTradeRule();

    private static Order soldBy(String seller) {
        return new Order(
                "o-" + seller, seller, "buyer", "buyer", "SG", "H100", 64, BigDecimal.ONE, ORDERED, Optional.empty());
    }

    @Test
    void sellerWithoutADistributionRole_fires() {
        InMemoryRecord r =
                new InMemoryRecord().add(party("seafood", PartyRole.OTHER)).add(soldBy("seafood"));

        assertThat(rule.evaluate(Subject.party("seafood"), r, POLICY)).hasSize(1);
    }

    @Test
    void distributor_doesNotFire() {
        InMemoryRecord r =
                new InMemoryRecord().add(party("dist", PartyRole.DISTRIBUTOR)).add(soldBy("dist"));

        assertThat(rule.evaluate(Subject.party("dist"), r, POLICY)).isEmpty();
    }
}
