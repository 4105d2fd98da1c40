package dev.locus.server.registry;

import dev.locus.server.Bytes;
import dev.locus.server.identity.DeviceCertificate;
import dev.locus.wire.RegistryValues;
import java.time.Instant;
import java.util.Optional;

/**
 * An accelerator under export control.
 *
 * @param devicePublicKey the chip's identity key when known: raw 32-byte Ed25519, or the X.509
 *     SubjectPublicKeyInfo of an ECDSA key (see {@link dev.locus.server.identity.DeviceKeys});
 *     taken from the device certificate when one is registered
 * @param deviceCertificate the chip's device certificate, checked against the trusted manufacturer
 *     CAs at registration, when one is registered
 */
public record Chip(
        String serial,
        String model,
        Optional<Bytes> devicePublicKey,
        Optional<DeviceCertificate> deviceCertificate,
        Optional<String> licenceId,
        String declaredSiteId,
        RegistryValues.ChipStatus status,
        Instant createdAt) {}
