package dev.locus.server.ingest;

import dev.locus.server.Bytes;

/**
 * The device's side of a receipt, for formats that carry it ({@code LOCUS-RECEIPT-V1}): which
 * device certificate answered and the device's signature of the timed round.
 *
 * @param certificateSha256 SHA-256 of the device certificate the receipt names, lower-case hex
 * @param signedMessage the bytes the device signed (its {@link dev.locus.protocol.wire.ProofMessage})
 * @param proof the device's signature of {@code signedMessage}
 */
public record DeviceEvidence(String certificateSha256, Bytes signedMessage, Bytes proof) {}
