package dev.locus.server.ingest;

import dev.locus.server.registry.Landmark;
import java.util.Optional;

/**
 * Verifies receipts of every format the control plane accepts, chosen by the signed payload's
 * leading tag: landmark-issued {@code LOCUS-RECEIPT-V1} receipts ({@link ProtocolReceipts}) and
 * the control plane's own {@code LCR1} encoding ({@link Ed25519ReceiptVerifier}, used by bulk
 * loads and the ingest benchmark). Thread-safe.
 */
public final class ReceiptFormats implements ReceiptSignatureVerifier {

    private final ProtocolReceipts protocol = new ProtocolReceipts();
    private final Ed25519ReceiptVerifier lcr1 = new Ed25519ReceiptVerifier();

    @Override
    public Optional<String> verify(Receipt receipt, Landmark landmark) {
        return ProtocolReceipts.isProtocolPayload(receipt.signedPayload())
                ? protocol.verify(receipt, landmark)
                : lcr1.verify(receipt, landmark);
    }

    @Override
    public Optional<DeviceEvidence> deviceEvidence(Receipt receipt) {
        return ProtocolReceipts.isProtocolPayload(receipt.signedPayload())
                ? protocol.deviceEvidence(receipt)
                : Optional.empty();
    }
}
