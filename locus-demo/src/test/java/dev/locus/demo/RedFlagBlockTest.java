package dev.locus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.compliance.cases.Case;
import dev.locus.compliance.findings.StoredFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedFlagBlockTest {
    private static StoredFinding finding(long id, String severity, String rule, String subject) {
        return new StoredFinding(
                id,
                rule,
                "CSA_4A2_A",
                "Chip Security Act",
                "PARTY",
                subject,
                "k",
                severity,
                "summary",
                "{}",
                StoredFinding.Status.OPEN,
                Optional.empty(),
                Optional.empty(),
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void block_listsTheMostSevereFindingsFirst_atMostTen_andEveryCase() {
        List<StoredFinding> findings = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            findings.add(finding(i, "WARNING", "COUNTRY_MISMATCH", "buyer-" + i));
        }
        findings.add(finding(12, "CRITICAL", "IAAS_D5_TENANT_TRAINING", "cn-tenant"));
        Case k = new Case(
                3,
                "PARTY",
                "sg-lion-gate",
                "Red flags about party sg-lion-gate (risk 15)",
                Optional.empty(),
                Case.Status.OPEN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "system",
                Instant.EPOCH,
                Instant.EPOCH);

        String block = DemoRunner.redFlagBlock(42, findings, List.of(k));

        List<String> lines = block.lines().toList();
        assertThat(lines.getFirst()).startsWith("[ 42s] RED FLAGS 12 open finding(s), 1 case(s)");
        assertThat(lines.get(1))
                .contains("CRITICAL")
                .contains("IAAS_D5_TENANT_TRAINING")
                .endsWith("party cn-tenant");
        assertThat(lines).filteredOn(l -> l.contains("finding ")).hasSize(10);
        assertThat(lines).contains("        ... and 2 more");
        assertThat(lines.getLast())
                .isEqualTo(
                        "        case 3       OPEN     party sg-lion-gate: Red flags about party sg-lion-gate (risk 15)");
    }
}
