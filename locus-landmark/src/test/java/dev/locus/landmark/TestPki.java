package dev.locus.landmark;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;

/** A seeded CA with one landmark (Singapore) for tests. */
final class TestPki {
    final SecureRandom random;
    final CertificateAuthority ca;
    final LandmarkKey landmark;

    TestPki(long seed) {
        random = seeded(seed);
        ca = CertificateAuthority.create("Test CA", Duration.ofDays(365), InstantSource.system(), random);
        landmark = LandmarkKey.generate(
                ca, "sg1", "Singapore", GeoPosition.ofDegrees(1.3667, 103.75), Duration.ofDays(30), random);
    }

    Pkcs12DeviceKey device(String serial) {
        return Pkcs12DeviceKey.generate(ca, serial, "NVIDIA H100 80GB HBM3", Duration.ofDays(30), random);
    }

    IdentityVerifier verifier(Set<String> revoked) {
        return new IdentityVerifier(ca.certificate(), revoked, InstantSource.system());
    }

    static SecureRandom seeded(long seed) {
        return dev.locus.protocol.Fixtures.seeded(seed);
    }
}
