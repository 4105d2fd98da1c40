package dev.locus.cli;

import picocli.CommandLine.Option;

/** {@code --bind ADDRESS}: the address a server (the control plane, a landmark) listens on. */
final class BindAddress {
    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
    String address;
}
