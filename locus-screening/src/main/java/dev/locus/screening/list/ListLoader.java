package dev.locus.screening.list;

import dev.locus.screening.ScreeningException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and reads list files: in a folder ({@code sdn.csv}+{@code alt.csv}+{@code add.csv} in any
 * sub-folder, {@code *.xml} as UN consolidated lists, {@code dpl*.txt} as Denied Persons Lists,
 * {@code csl*.csv} as Consolidated Screening Lists), or the copies bundled with this library.
 */
public final class ListLoader {
    private static final String BUNDLED = "/dev/locus/screening/data/lists/";

    private ListLoader() {}

    /** The bundled lists: UN 2026-02-27, OFAC SDN 2019, BIS DPL 2019, CSL 2019 and 2025 samples. */
    public static List<ListVersion> bundled() {
        return List.of(
                UnXmlReader.read("un-consolidated-2026-02-27.xml", resource("un-consolidated-2026-02-27.xml")),
                SdnCsvReader.read(
                        "ofac-sdn-2019",
                        resource("ofac-sdn-2019/sdn.csv"),
                        resource("ofac-sdn-2019/alt.csv"),
                        resource("ofac-sdn-2019/add.csv")),
                DplReader.read("dpl-2019.txt", resource("dpl-2019.txt")),
                CslReader.read("csl-2019-sample.csv", resource("csl-2019-sample.csv")),
                CslReader.read("csl-2025-sample.csv", resource("csl-2025-sample.csv")));
    }

    /** Only the bundled UN list (the evaluation set's reference). */
    public static ListVersion bundledUn() {
        return UnXmlReader.read("un-consolidated-2026-02-27.xml", resource("un-consolidated-2026-02-27.xml"));
    }

    /**
     * Every list file under {@code dir}, sorted by path.
     *
     * @throws ScreeningException if the folder holds no list file or cannot be read
     */
    public static List<ListVersion> fromDirectory(Path dir) {
        List<ListVersion> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                String shown = dir.relativize(f).toString();
                if (name.equals("sdn.csv")) {
                    Path folder = f.getParent();
                    out.add(SdnCsvReader.read(
                            folder.getFileName().toString(),
                            Files.readAllBytes(f),
                            Files.readAllBytes(folder.resolve("alt.csv")),
                            Files.readAllBytes(folder.resolve("add.csv"))));
                } else if (name.endsWith(".xml")) {
                    out.add(UnXmlReader.read(shown, Files.readAllBytes(f)));
                } else if (name.startsWith("dpl") && name.endsWith(".txt")) {
                    out.add(DplReader.read(shown, Files.readAllBytes(f)));
                } else if (name.startsWith("csl") && name.endsWith(".csv")) {
                    out.add(CslReader.read(shown, Files.readAllBytes(f)));
                }
            }
        } catch (IOException e) {
            throw new ScreeningException("cannot read lists in " + dir + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new ScreeningException(dir + ": no list files (sdn.csv, *.xml, dpl*.txt, csl*.csv)");
        }
        return out;
    }

    static byte[] resource(String path) {
        try (InputStream in = ListLoader.class.getResourceAsStream(BUNDLED + path)) {
            if (in == null) {
                throw new IllegalStateException("bundled list missing: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
