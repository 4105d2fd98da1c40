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
     * What the receipt says about the device that answered, when its format carries it: the device
     * certificate it names and the device's own signature of the timed round. Empty for formats
     * without device evidence and for receipts that do not decode (which {@link #verify} refuses).
     */
    default Optional<DeviceEvidence> deviceEvidence(Receipt receipt) {
        return Optional.empty();
    }
}
