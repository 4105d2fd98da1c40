package dev.locus.compliance.screening;

import dev.locus.screening.list.ListLoader;
import dev.locus.screening.list.ListVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the control plane's screening lists come from: the copies bundled with the screening
 * library, or a folder of official-format files (read by {@link ListLoader#fromDirectory}, the
 * loader {@code locus screen --lists DIR} uses), read again on every reload.
 *
 * @param description for logs and the lists' status, e.g. {@code bundled} or the folder
 * @param directory the folder, when the lists come from one
 * @param loader reads the lists; throws {@link dev.locus.screening.ScreeningException} naming the
 *     file and line of a malformed file
 */
public record ListSource(String description, Optional<Path> directory, Supplier<List<ListVersion>> loader) {
    /** The lists bundled with the screening library. */
    public static ListSource bundled() {
        return new ListSource("bundled", Optional.empty(), ListLoader::bundled);
    }

    /** The list files in {@code dir} (sdn.csv+alt.csv+add.csv in a sub-folder, UN *.xml, dpl*.txt, csl*.csv). */
    public static ListSource directory(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new ListSource(abs.toString(), Optional.of(abs), () -> ListLoader.fromDirectory(abs));
    }

    /** {@link #directory} when a folder is given, else {@link #bundled}. */
    public static ListSource of(Optional<Path> dir) {
        return dir.map(ListSource::directory).orElseGet(ListSource::bundled);
    }

    /** Reads the lists now. */
    public List<ListVersion> load() {
        return loader.get();
    }
}
