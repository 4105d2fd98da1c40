package dev.locus.cli;

import dev.locus.server.ControlPlane;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code locus server} as a child process (a real {@code java} running {@link LocusCli} on this
 * test JVM's class path), for tests that kill it or look at it from outside. Ready means {@code
 * /health} answers 200 with the installation's admin token.
 *
 * @param process the running server
 * @param stdout the file its stdout and stderr go to
 * @param port the HTTP port it listens on (loopback)
 * @param adminToken the installation's admin token
 */
record ServerProcess(Process process, Path stdout, int port, String adminToken) implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Locus control plane on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    /** Starts {@code locus server --port 0 --data-dir DIR ARGS...} and waits until it is ready. */
    static ServerProcess start(Path dataDir, Path logDir, List<String> args) throws Exception {
        Files.createDirectories(logDir);
        Path out = Files.createTempFile(logDir, "server-", ".out");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                LocusCli.class.getName(),
                "server",
                "--data-dir",
                dataDir.toString(),
                "--port",
                "0"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            int port = -1;
            while (port < 0) {
                Matcher m = LISTENING.matcher(Files.readString(out));
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                } else {
                    checkAlive(p, out, deadline);
                    p.waitFor(20, TimeUnit.MILLISECONDS);
                }
            }
            String token = Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();
            ServerProcess sp = new ServerProcess(p, out, port, token);
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            while (!sp.healthy(http)) {
                checkAlive(p, out, deadline);
                p.waitFor(20, TimeUnit.MILLISECONDS);
            }
            return sp;
        } catch (Exception | Error e) {
            p.destroyForcibly().waitFor();
            throw e;
        }
    }

    private static void checkAlive(Process p, Path out, long deadline) throws IOException {
        if (!p.isAlive()) {
            throw new IllegalStateException("server exited with " + p.exitValue() + ":\n" + Files.readString(out));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("server not ready within " + START_LIMIT + ":\n" + Files.readString(out));
        }
    }

    private boolean healthy(HttpClient http) {
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/health"))
                            .header("Authorization", "Bearer " + adminToken)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    String output() throws IOException {
        return Files.readString(stdout);
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux), and waits for the exit. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, and waits for the clean stop; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("server did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
