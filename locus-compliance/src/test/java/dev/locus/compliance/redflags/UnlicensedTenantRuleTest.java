package dev.locus.compliance.redflags;

import static dev.locus.compliance.redflags.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.record.Purpose;
import org.junit.jupiter.api.Test;

class UnlicensedTenantRuleTest {
    private final UnlicensedTenantRule rule = new UnlicensedTenantRule(CountryGroups.bundled());

    @Test
    void tenantOfALicenceNamingOneEndUser_fires() {
        InMemoryRecord r = new InMemoryRecord()
                .add(new LicenceFacts("lic", "lab", false, "my-1", "end use: research only"))
                .add(allocation("a1", "tenant", "my-1", Purpose.INFERENCE));

        assertThat(rule.evaluate(Subject.party("tenant"), r, POLICY))
                .singleElement()
                .satisfies(f -> assertThat(f.source()).isEqualTo(Source.CSA_4A2_B));
    }

    @Test
    void d5TenantWhereTheLicenceExcludesThem_fires() {
        InMemoryRecord r = new InMemoryRecord()
                .add(headquarteredIn("tenant", "CN", PartyRole.IAAS_TENANT))
                .add(new LicenceFacts("lic", "cloud", true, "my-1", "No D:5 tenants; attest every 24 h"))
                .add(allocation("a1", "tenant", "my-1", Purpose.INFERENCE));

        assertThat(rule.evaluate(Subject.party("tenant"), r, POLICY)).hasSize(1);
    }

    @Test
    void cloudOperatorsOrdinaryTenant_doesNotFire() {
        InMemoryRecord r = new InMemoryRecord()
                .add(headquarteredIn("tenant", "DE", PartyRole.IAAS_TENANT))
                .add(new LicenceFacts("lic", "cloud", true, "my-1", "No D:5 tenants"))
                .add(allocation("a1", "tenant", "my-1", Purpose.TRAINING));

        assertThat(rule.evaluate(Subject.party("tenant"), r, POLICY)).isEmpty();
    }
}
