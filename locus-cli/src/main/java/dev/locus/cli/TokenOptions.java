package dev.locus.cli;

import dev.locus.protocol.identity.Pkcs11Token;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options selecting a PKCS#11 token; the PIN comes from the environment variable {@value #PIN_ENV}. */
final class TokenOptions {
    static final String PIN_ENV = "LOCUS_TOKEN_PIN";

    @Option(names = "--pkcs11-slot", description = "PKCS#11 slot id of the token holding device keys.")
    Long slot;

    @Option(
            names = "--pkcs11-library",
            defaultValue = "/usr/lib/softhsm/libsofthsm2.so",
            description = "PKCS#11 module (default: ${DEFAULT-VALUE}).")
    Path library;

    /** The token, when --pkcs11-slot was given. */
    Optional<Pkcs11Token> open() throws IOException {
        if (slot == null) {
            return Optional.empty();
        }
        String pin = System.getenv(PIN_ENV);
        if (pin == null || pin.isEmpty()) {
            throw new IllegalArgumentException(PIN_ENV + " must hold the token PIN when --pkcs11-slot is given");
        }
        return Optional.of(Pkcs11Token.open(library, slot, pin.toCharArray()));
    }
}
