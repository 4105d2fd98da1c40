package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.server.ServerConfig;
import dev.locus.wire.LocusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code locus screening reload} against a control plane screening a folder of list files, over real HTTP. */
class ScreeningCommandIT {
    private static final String CSL = "_id,source,entity_number,type,programs,name,addresses,alt_names,citizenships,"
            + "dates_of_birth,nationalities,ids\n";

    @TempDir
    Path dir;

    private static String entity(String id, String name, String country) {
        return id + ",Entity List (EL) - Bureau of Industry and Security,,Entity,,\"" + name + "\"," + country
                + ",,,,,\n";
    }

    @Test
    void reload_printsEachListsChangeAndTheChangedHits_thenNothingForTheSameFiles_andRefusesABadFile()
            throws Exception {
        Path lists = Files.createDirectories(dir.resolve("lists"));
        Files.writeString(lists.resolve("csl-2025-12-01.csv"), CSL + entity("el-1", "Atlas Sanatgaran", "AM"));
        try (CliServer cli =
                CliServer.start(ServerConfig.builder(dir.resolve("cp")).screeningLists(lists))) {
            LocusClient client = cli.client();
            client.postText(
                    "/api/v1/parties",
                    "application/json",
                    "{\"id\":\"orchid\",\"kind\":\"CONSIGNEE\",\"names\":[\"Orchid Harbour Trading Private Limited\"],"
                            + "\"country_of_incorporation\":\"SG\"}");
            Files.delete(lists.resolve("csl-2025-12-01.csv"));
            Files.writeString(
                    lists.resolve("csl-2025-12-05.csv"),
                    CSL
                            + entity("el-1", "Atlas Sanatgaran", "AM")
                            + entity("el-3", "Orchid Harbour Trading Pte. Ltd.", "SG"));

            String changed = CliServer.ok(cli.api("screening", "reload"));
            assertThat(changed)
                    .contains("Screening lists from " + lists.toAbsolutePath().normalize() + ": changed")
                    .containsPattern("CSL +2025-12-05 +[0-9a-f]{16} +2 +1 +0 +0")
                    .contains("1 hit(s) changed")
                    .containsPattern("RAISED +orchid +CSL:EL/el-3");
            assertThat(CliServer.ok(cli.api("screening", "reload")))
                    .contains(": unchanged (same files)")
                    .contains("0 hit(s) changed");
            assertThat(CliServer.ok(cli.api("screening", "reload", "--json"))).contains("\"changed\":false");

            Files.writeString(lists.resolve("csl-2025-12-05.csv"), CSL + "el-1,broken\n");
            ProtocolCommandsIT.Run bad = cli.api("screening", "reload");
            assertThat(bad.exit()).isEqualTo(ExitCodes.API_REFUSED);
            assertThat(bad.err()).contains("csl-2025-12-05.csv:2:").contains("nothing changed");
        }
    }
}
