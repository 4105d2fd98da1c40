package dev.locus.cli.screen;

import dev.locus.screening.list.ListLoader;
import dev.locus.screening.list.ListVersion;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --lists DIR}: list files to screen against instead of the bundled ones. */
final class ListsOption {
    @Option(
            names = "--lists",
            paramLabel = "DIR",
            description = "screen against the list files in DIR (sdn.csv+alt.csv+add.csv in any sub-folder, UN *.xml,"
                    + " dpl*.txt, csl*.csv) instead of the bundled copies (UN 2026-02-27, OFAC SDN 2019, BIS DPL 2019,"
                    + " CSL 2019 and 2025 samples)")
    Path dir;

    List<ListVersion> load() {
        return dir == null ? ListLoader.bundled() : ListLoader.fromDirectory(dir);
    }

    static void describe(List<ListVersion> lists) {
        for (ListVersion v : lists) {
            System.err.printf(
                    "locus screen: %s: %d entries, published %s, sha256 %s%n",
                    v.source(),
                    v.entryCount(),
                    v.publishedOn().map(Object::toString).orElse("(not stated in the file)"),
                    v.sha256().substring(0, 16));
        }
    }
}
