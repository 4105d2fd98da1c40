package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code locus inventory} against a real control plane: CSV to stdout and to a file, a licence filter, a refusal. */
class InventoryCommandIT {

    @RegisterExtension
    static final CliServer cli = CliServer.perClass();

    @BeforeAll
    static void register() throws Exception {
        importCsv(
                "organisations",
                "id,name,kind,country\nnvx,NVX,EXPORTER,US\n"
                        + "acme,\"Acme, \"\"Quoted\"\" Compute\",END_USER,SG\nsgdc,SG Cloud,CLOUD_OPERATOR,SG\n");
        importCsv(
                "sites",
                "id,name,operator_id,country,latitude_deg,longitude_deg,zone_radius_km\n"
                        + "sg-1,Singapore 1,sgdc,SG,1.29,103.85,100\n");
        importCsv(
                "licences",
                "id,exporter_id,end_user_id,site_id,chip_count,conditions,valid_from,valid_until\n"
                        + "LIC-1,nvx,acme,sg-1,10,none,2026-01-01,2027-12-31\n"
                        + "LIC-2,nvx,sgdc,sg-1,10,none,2026-01-01,2027-12-31\n");
        importCsv(
                "chips",
                "serial,model,declared_site_id,licence_id\nA-1,H100,sg-1,LIC-1\nA-2,H100,sg-1,LIC-1\n"
                        + "B-1,H100,sg-1,LIC-2\n");
    }

    private static void importCsv(String kind, String csv) throws Exception {
        Path file = cli.dir().resolve(kind + ".csv");
        Files.writeString(file, csv);
        CliServer.ok(cli.api("import", kind, file.toString()));
    }

    @Test
    void inventory_writesEveryChipAsCsv_toStdoutOrAFile_andFiltersByLicence() throws Exception {
        List<String> all =
                CliServer.ok(cli.api("inventory", "--format", "csv")).lines().toList();
        assertThat(all.get(0)).startsWith("serial,model,organisation,licence,licensed_site");
        assertThat(all).hasSize(4);
        assertThat(all.get(1)).startsWith("A-1,H100,SG Cloud,LIC-1,").contains("\"Acme, \"\"Quoted\"\" Compute\"");

        Path out = cli.dir().resolve("lic-2.csv");
        assertThat(CliServer.ok(cli.api("inventory", "--licence", "LIC-2", "--out", out.toString())))
                .startsWith("inventory written to " + out);
        List<String> lic2 = Files.readAllLines(out);
        assertThat(lic2).hasSize(2);
        assertThat(lic2.get(1)).startsWith("B-1,H100,SG Cloud,LIC-2,");

        ProtocolCommandsIT.Run unknown = cli.api(
                "inventory",
                "--licence",
                "NOPE",
                "--out",
                cli.dir().resolve("x.csv").toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.API_REFUSED);
        assertThat(unknown.err()).contains("/api/v1/inventory").contains("NOPE");
        assertThat(cli.dir().resolve("x.csv")).doesNotExist();
        assertThat(cli.dir().resolve("x.csv.partial")).doesNotExist();
    }
}
