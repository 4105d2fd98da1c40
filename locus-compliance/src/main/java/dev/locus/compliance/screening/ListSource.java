package dev.locus.compliance.screening;

import dev.locus.screening.list.ListLoader;
import dev.locus.screening.list.ListVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * @param contentKey names what {@code loader} would read now, cheaply (the bundled set, or the hash
 *     of the folder's files), so that lists already read and indexed in this JVM from the same
 *     content are reused ({@link ScreeningLists}); empty when it cannot tell, and then the lists
 *     are always read
 */
public record ListSource(
        String description,
        Optional<Path> directory,
        Supplier<List<ListVersion>> loader,
        Supplier<Optional<String>> contentKey) {
    /** A source not read from a folder, whose lists are read on every load (never shared). */
    public ListSource(String description, Supplier<List<ListVersion>> loader) {
        this(description, Optional.empty(), loader, Optional::empty);
    }

    /** The lists bundled with the screening library (the same for the whole JVM). */
    public static ListSource bundled() {
        return new ListSource("bundled", Optional.empty(), ListLoader::bundled, () -> Optional.of("bundled"));
    }

    /** The list files in {@code dir} (sdn.csv+alt.csv+add.csv in a sub-folder, UN *.xml, dpl*.txt, csl*.csv). */
    public static ListSource directory(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new ListSource(
                abs.toString(), Optional.of(abs), () -> ListLoader.fromDirectory(abs), () -> folderKey(abs));
    }

    /**
     * The SHA-256 over the relative paths and bytes of every file under {@code dir}: equal keys mean
     * {@link ListLoader#fromDirectory} reads equal lists (their names are relative to the folder).
     * Empty when the folder cannot be read (the loader then says why).
     */
    static Optional<String> folderKey(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                sha.update((dir.relativize(f) + "\0" + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
            return Optional.of("folder:" + HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the lists now. */
    public List<ListVersion> load() {
        return loader.get();
    }
}
