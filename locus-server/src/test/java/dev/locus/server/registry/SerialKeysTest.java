package dev.locus.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.persistence.Database;
import java.io.StringReader;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 9, item 9: {@code sn1} and {@code SN1.} no longer register beside {@code SN1}. */
class SerialKeysTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Fixtures.NOW);

    @Test
    void lookAlikes_shareAKey_andDifferentSerialsDoNot() {
        assertThat(List.of("SN1", "sn1", "Sn-1", "SN_1", "S.N:1", "snl", "SNI", "sn1"))
                .allSatisfy(s -> assertThat(SerialKeys.key(s)).as(s).isEqualTo("SN1"));
        assertThat(SerialKeys.key("GPU-O0")).isEqualTo(SerialKeys.key("GPU-00"));
        assertThat(SerialKeys.key("SN12")).isNotEqualTo(SerialKeys.key("SN1"));
        assertThat(SerialKeys.key("SN2")).isNotEqualTo(SerialKeys.key("SN1"));
        assertThat(SerialKeys.key("ＳＮ１"))
                .as("full-width forms are NFKC-normalised")
                .isEqualTo("SN1");
    }

    private static Map<String, String> chip(String serial) {
        return Map.of("serial", serial, "model", "H100", "licence_id", "LIC-1", "declared_site_id", "sg-1");
    }

    @EachEngine
    void aLookAlikeSerial_isRefused_namingTheRegisteredSerial(Database db) {
        RegistryService r = Fixtures.populatedRegistry(db, CLOCK);
        r.createChip(chip("SN1"), "test");

        for (String lookAlike : List.of("sn1", "SN-1", "Sn_1", "SNl")) {
            assertThatThrownBy(() -> r.createChip(chip(lookAlike), "test"))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .singleElement()
                            .satisfies(p -> {
                                assertThat(p.field()).isEqualTo("serial");
                                assertThat(p.value()).isEqualTo(lookAlike);
                                assertThat(p.message()).contains("looks like the registered serial 'SN1'");
                            }));
        }
        assertThatThrownBy(() -> r.createChip(chip("SN1."), "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must end with a letter or digit");
        assertThat(r.createChip(chip("SN2"), "test").serial()).isEqualTo("SN2");
        assertThat(r.chip("sn1")).isEmpty();
    }

    @EachEngine
    void anImportWithLookAlikes_importsNothing_andNamesBothLines(Database db) {
        RegistryService r = Fixtures.populatedRegistry(db, CLOCK);
        String csv = """
                serial,model,declared_site_id
                GPU-7,H100,sg-1
                gpu7,H100,sg-1
                GPU-l,H100,sg-1
                """;
        ImportResult result =
                r.importRows(RegistryService.Kind.CHIPS, RowSource.csv(new StringReader(csv)), csv, "alice");

        assertThat(result).isInstanceOf(ImportResult.Rejected.class);
        List<FieldProblem> problems = ((ImportResult.Rejected) result).problems();
        assertThat(problems)
                .extracting(FieldProblem::line, FieldProblem::message)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                3,
                                "looks like the serial 'GPU-7' of line 2 (serials may not differ only in case, in"
                                        + " the separators - _ . :, or in O/0 and I/l/1)"),
                        org.assertj.core.groups.Tuple.tuple(
                                4,
                                "looks like the registered serial 'GPU-1' (serials may not differ only in case, in"
                                        + " the separators - _ . :, or in O/0 and I/l/1)"));
        assertThat(r.chip("GPU-7")).isEmpty();
    }
}
