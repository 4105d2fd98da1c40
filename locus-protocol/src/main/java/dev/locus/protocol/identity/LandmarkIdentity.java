package dev.locus.protocol.identity;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.wire.Fields;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A landmark as certified by the CA: its id, name and surveyed position bound to its receipt
 * signing key.
 *
 * @param id short stable identifier (certificate subject CN), carried in every challenge
 * @param name human-readable name
 * @param position surveyed position (certificate extension {@link LocusOids#LANDMARK_POSITION})
 * @param certificate the landmark certificate
 * @param fingerprint SHA-256 of the certificate's DER encoding
 */
public record LandmarkIdentity(
        String id, String name, GeoPosition position, X509Certificate certificate, Fingerprint fingerprint) {
    public LandmarkIdentity {
        Fields.checkId("landmark id", id);
        Fields.checkId("landmark name", name);
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public String toString() {
        return "Landmark[" + id + ", " + name + " at " + position.latitudeDegrees() + "," + position.longitudeDegrees()
                + "]";
    }
}
