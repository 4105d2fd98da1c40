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

        assertThat(onlyFinding(rule, Subject.party("tenant"), r).source()).isEqualTo(Source.CSA_4A2_B);
    }

    @Test
    void d5TenantWhereTheLicenceExcludesThem_fires() {
        InMemoryRecord r = tenantOfACloudLicenceExcludingD5("CN", Purpose.INFERENCE);

        assertThat(rule.evaluate(Subject.party("tenant"), r, POLICY)).hasSize(1);
    }

    @Test
    void cloudOperatorsOrdinaryTenant_doesNotFire() {
        InMemoryRecord r = tenantOfACloudLicenceExcludingD5("DE", Purpose.TRAINING);

        assertThat(rule.evaluate(Subject.party("tenant"), r, POLICY)).isEmpty();
    }

    /** A tenant headquartered in {@code country} using chips at a site licensed to a cloud operator, D:5 tenants excluded. */
    private static InMemoryRecord tenantOfACloudLicenceExcludingD5(String country, Purpose purpose) {
        return new InMemoryRecord()
                .add(headquarteredIn("tenant", country, PartyRole.IAAS_TENANT))
                .add(new LicenceFacts("lic", "cloud", true, "my-1", "No D:5 tenants; attest every 24 h"))
                .add(allocation("a1", "tenant", "my-1", purpose));
    }
}
