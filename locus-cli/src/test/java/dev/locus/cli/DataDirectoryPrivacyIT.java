package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Looks at a running {@code locus server} on its embedded default as another, unprivileged local
 * user ({@code nobody}, through {@code runuser}) would: the only TCP port the server process
 * listens on is its API (no database port), and no file or directory of its data directory can be
 * read. Needs root to act as another user (CI runs as root); skipped otherwise, saying why.
 */
class DataDirectoryPrivacyIT {
    private static final String OTHER_USER = "nobody";

    @TempDir
    Path dir;

    @Test
    void anotherLocalUser_findsNoDatabasePort_andCannotReadTheDataDirectory() throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "acting as another local user needs root (runuser); CI runs the suite as root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")), "runuser (util-linux) is not installed");
        // Let the other user reach the data directory's parent, so only the data directory's own
        // modes stand between it and the files.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = dir.resolve("data");
        try (ServerProcess server = ServerProcess.start(data, dir.resolve("logs"), List.of())) {
            Set<Integer> listening = listeningPortsOf(server.pid());
            assertThat(listening).as("TCP ports the server process listens on").containsExactly(server.port());

            List<Path> entries;
            try (Stream<Path> walk = Files.walk(data)) {
                entries = walk.toList();
            }
            assertThat(entries.stream().map(p -> p.getFileName().toString()))
                    .contains("locus.mv.db", "admin-token", "database-credentials");
            for (Path p : entries) {
                Run r = asOtherUser(Files.isDirectory(p) ? List.of("ls", p.toString()) : List.of("cat", p.toString()));
                assertThat(r.exit())
                        .as("%s read by %s: %s", p, OTHER_USER, r.out())
                        .isNotZero();
                assertThat(r.out()).contains("Permission denied");
            }

            // offline tools refuse while the server holds the files, and say where to go instead
            CommandLine cli = LocusCli.commandLine();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute("audit", "verify", "--data-dir", data.toString()))
                    .isEqualTo(1);
            assertThat(err.toString()).contains("locked by the running server").contains("/api/v1/audit/verify");
        }
    }

    /** Listening TCP ports (v4 and v6) whose sockets belong to process {@code pid}. */
    private static Set<Integer> listeningPortsOf(long pid) throws Exception {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (java.io.IOException gone) {
                    // closed meanwhile
                }
            }
        }
        // the socket tables as the other user sees them
        Run tables = asOtherUser(List.of("cat", "/proc/net/tcp", "/proc/net/tcp6"));
        assertThat(tables.exit()).as(tables.out()).isZero();
        Set<Integer> ports = new HashSet<>();
        for (String line : tables.out().split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 10 || !f[3].equals("0A")) { // 0A = LISTEN
                continue;
            }
            if (inodes.contains(f[9])) {
                String local = f[1];
                ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
            }
        }
        return ports;
    }

    private record Run(int exit, String out) {}

    private static Run asOtherUser(List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", OTHER_USER, "--"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        return new Run(p.exitValue(), out);
    }
}
