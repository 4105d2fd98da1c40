package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.record.Purpose;
import org.junit.jupiter.api.Test;

class IaasRestrictedTenantRuleTest {
    private final IaasRestrictedTenantRule rule = new IaasRestrictedTenantRule(CountryGroups.bundled());

    @Test
    void tenantHeadquarteredInChina_training_fires() {
        InMemoryRecord r = new InMemoryRecord()
                .add(headquarteredIn("t", "CN", PartyRole.IAAS_TENANT))
                .add(allocation("a1", "t", "my-1", Purpose.TRAINING));

        assertThat(onlyFinding(rule, Subject.party("t"), r).evidence()).containsEntry("tenant_headquarters", "CN");
    }

    @Test
    void singaporeTenantWhoseUsersConnectFromMacau_fires() {
        InMemoryRecord r = new InMemoryRecord()
                .add(headquarteredIn("t", "SG", PartyRole.IAAS_TENANT))
                .add(allocation("a1", "t", "my-1", Purpose.TRAINING, "SG", "MO"));

        assertThat(rule.evaluate(Subject.party("t"), r, POLICY)).hasSize(1);
    }

    @Test
    void inference_orTenantOutsideD5_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord()
                .add(headquarteredIn("cn", "CN", PartyRole.IAAS_TENANT))
                .add(allocation("a1", "cn", "my-1", Purpose.INFERENCE))
                .add(headquarteredIn("de", "DE", PartyRole.IAAS_TENANT))
                .add(allocation("a2", "de", "my-1", Purpose.TRAINING, "DE", "FR"));

        assertThat(rule.evaluate(Subject.party("cn"), r, POLICY)).isEmpty();
        assertThat(rule.evaluate(Subject.party("de"), r, POLICY)).isEmpty();
    }
}
