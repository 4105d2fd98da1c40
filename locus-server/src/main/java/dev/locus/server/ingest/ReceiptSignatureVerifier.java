package dev.locus.server.ingest;

import dev.locus.server.registry.Landmark;
import java.util.Optional;

/**
 * Checks that a receipt was signed by its landmark and that the signed payload binds every field
 * of the receipt. The protocol module's receipt format plugs in here. Implementations are
 * thread-safe.
 */
public interface ReceiptSignatureVerifier {

    /** Empty when the receipt is authentic; otherwise why not (safe to show to the submitter). */
    Optional<String> verify(Receipt receipt, Landmark landmark);

    /**
     * Empty when the receipt's device proof (the chip's own signature of the timed round) verifies
     * with the chip's registered Ed25519 public key, or when the format carries no device proof;
     * otherwise why not.
     */
    default Optional<String> verifyDevice(Receipt receipt, dev.locus.server.Bytes devicePublicKey) {
        return Optional.empty();
    }
}
