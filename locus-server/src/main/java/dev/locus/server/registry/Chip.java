package dev.locus.server.registry;

import dev.locus.server.Bytes;
import java.time.Instant;
import java.util.Optional;

/**
 * An accelerator under export control.
 *
 * @param devicePublicKey the chip's Ed25519 identity key (32 bytes) when known
 */
public record Chip(
        String serial,
        String model,
        Optional<Bytes> devicePublicKey,
        Optional<String> licenceId,
        String declaredSiteId,
        Model.ChipStatus status,
        Instant createdAt) {}
