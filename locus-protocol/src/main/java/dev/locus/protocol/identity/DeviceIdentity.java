package dev.locus.protocol.identity;

import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.wire.Fields;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A device (chip) identity as certified by the manufacturer CA: serial number and model bound to
 * a public key. Obtain one from {@link IdentityVerifier} (checked against a CA) or {@link
 * Certificates#deviceIdentity} (parsed only).
 *
 * @param serial the device serial number (certificate subject SERIALNUMBER)
 * @param model the device model (certificate subject CN)
 * @param certificate the device certificate
 * @param fingerprint SHA-256 of the certificate's DER encoding
 */
public record DeviceIdentity(String serial, String model, X509Certificate certificate, Fingerprint fingerprint) {
    public DeviceIdentity {
        Fields.checkId("device serial", serial);
        Fields.checkId("device model", model);
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public String toString() {
        return "Device[" + serial + ", " + model + ", " + fingerprint + "]";
    }
}
