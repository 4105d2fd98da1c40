package dev.locus.protocol.receipt;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One line of a receipts file: the signed receipt with the certificates needed to check it
 * (landmark certificate for the receipt signature, device certificate for the device proof).
 */
public record ReceiptRecord(
        SignedReceipt signedReceipt, X509Certificate landmarkCertificate, X509Certificate deviceCertificate) {
    public ReceiptRecord {
        Objects.requireNonNull(signedReceipt, "signedReceipt");
        Objects.requireNonNull(landmarkCertificate, "landmarkCertificate");
        Objects.requireNonNull(deviceCertificate, "deviceCertificate");
    }

    public Receipt receipt() {
        return signedReceipt.receipt();
    }
}
