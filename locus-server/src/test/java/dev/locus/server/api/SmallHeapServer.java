package dev.locus.server.api;

import dev.locus.server.ControlPlane;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A control plane for {@link SmallHeapIT} to run as a child process (embedded H2 in the data
 * directory given, an ephemeral loopback port): prints {@code PORT n} once it listens and runs
 * until its standard input closes.
 */
public final class SmallHeapServer {
    private SmallHeapServer() {}

    public static void main(String[] args) throws IOException {
        try (ControlPlane cp = RoleFleet.start(Path.of(args[0]), "h2")) {
            System.out.println("PORT " + cp.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent closes our standard input
            }
        }
    }
}
