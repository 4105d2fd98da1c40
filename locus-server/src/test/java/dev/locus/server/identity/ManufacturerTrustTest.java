package dev.locus.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.server.Bytes;
import dev.locus.server.DevicePki;
import dev.locus.server.Fixtures;
import dev.locus.server.LocusServerException;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

class ManufacturerTrustTest {
    private static final String MODEL = "NVIDIA H100 80GB HBM3";
    private static final Instant NOW = Fixtures.NOW;

    private final DevicePki pki = new DevicePki(11);
    private final ManufacturerTrust trust = ManufacturerTrust.of(List.of(pki.ca.certificate()));

    /** The refusal of a 30-day certificate for device SN-1 that {@code issuer} signed. */
    private String refusalOfADeviceOf(CertificateAuthority issuer) {
        return refusal(trust.check(
                pki.device(issuer, "SN-1", MODEL, Duration.ofDays(30))
                        .identity()
                        .certificate(),
                "SN-1",
                MODEL,
                NOW));
    }

    private static String refusal(ManufacturerTrust.Check check) {
        assertThat(check).isInstanceOf(ManufacturerTrust.Check.Refused.class);
        return ((ManufacturerTrust.Check.Refused) check).reason();
    }

    @Test
    void certificateOfATrustedCa_isTrusted_withItsFactsAndTheKeyTakenFromIt() {
        Pkcs12DeviceKey device = pki.device("SN-1", MODEL);
        X509Certificate cert = device.identity().certificate();
        ManufacturerTrust.Check check = trust.check(cert, "SN-1", MODEL, NOW);
        assertThat(check).isInstanceOf(ManufacturerTrust.Check.Trusted.class);
        ManufacturerTrust.Check.Trusted t = (ManufacturerTrust.Check.Trusted) check;
        assertThat(t.publicKey()).isEqualTo(Bytes.of(Ed25519Keys.rawPublicKey(cert.getPublicKey())));
        DeviceCertificate facts = t.certificate();
        assertThat(facts.sha256()).isEqualTo(device.identity().fingerprint().toHex());
        assertThat(facts.caSha256())
                .isEqualTo(Certificates.fingerprint(pki.ca.certificate()).toHex());
        assertThat(facts.subject()).contains("SERIALNUMBER=SN-1").contains("CN=" + MODEL);
        assertThat(facts.issuer()).contains("CN=Test manufacturer CA");
        assertThat(facts.serialNumber()).isEqualTo(cert.getSerialNumber().toString(16));
        assertThat(facts.notBefore()).isEqualTo(NOW.minusSeconds(60));
        assertThat(facts.notAfter()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(DeviceCertificate.stored(facts.der(), facts.caSha256())).isEqualTo(facts);
    }

    @Test
    void certificateOfAnotherCa_isRefused_evenUnderTheTrustedCasName() {
        CertificateAuthority other = pki.ca("Other CA", NOW);
        assertThat(refusalOfADeviceOf(other))
                .contains("not signed by a trusted manufacturer CA")
                .contains("CN=Other CA");
        // same name as the trusted CA, different key: the signature decides
        CertificateAuthority impostor = pki.ca("Test manufacturer CA", NOW);
        assertThat(refusalOfADeviceOf(impostor)).contains("not signed by a trusted manufacturer CA");
    }

    @Test
    void serialOrModelOtherThanTheRows_isRefusedNamingBoth() {
        X509Certificate cert = pki.device("SN-1", MODEL).identity().certificate();
        assertThat(refusal(trust.check(cert, "SN-2", MODEL, NOW)))
                .isEqualTo("binds serial 'SN-1', not this row's 'SN-2'");
        assertThat(refusal(trust.check(cert, "SN-2", "H200", NOW)))
                .isEqualTo(
                        "binds serial 'SN-1', not this row's 'SN-2' and model '" + MODEL + "', not this row's 'H200'");
    }

    @Test
    void landmarkOrCaCertificate_isNotADeviceCertificate() {
        assertThat(refusal(trust.check(pki.landmark.identity().certificate(), "lm-sg", MODEL, NOW)))
                .contains("must be a device certificate");
        assertThat(refusal(trust.check(pki.ca.certificate(), "SN-1", MODEL, NOW)))
                .contains("must be a device certificate");
    }

    @Test
    void certificateExpiredAtRegistration_isRefused() {
        X509Certificate cert = pki.device(pki.ca, "SN-1", MODEL, Duration.ofHours(1))
                .identity()
                .certificate();
        assertThat(trust.check(cert, "SN-1", MODEL, NOW.plusSeconds(3599)))
                .isInstanceOf(ManufacturerTrust.Check.Trusted.class);
        assertThat(refusal(trust.check(cert, "SN-1", MODEL, NOW.plusSeconds(3601))))
                .isEqualTo("expired at " + NOW.plusSeconds(3600));
    }

    @Test
    void ecdsaDeviceCertificate_fromAPkcs11Token_isTrusted_withItsSubjectPublicKeyInfo() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        var ec = g.generateKeyPair();
        X509Certificate cert = pki.ca.certifyDevice(
                "SN-EC", MODEL, SubjectPublicKeyInfo.getInstance(ec.getPublic().getEncoded()), Duration.ofDays(30));
        ManufacturerTrust.Check check = trust.check(cert, "SN-EC", MODEL, NOW);
        assertThat(check).isInstanceOf(ManufacturerTrust.Check.Trusted.class);
        assertThat(((ManufacturerTrust.Check.Trusted) check).publicKey())
                .isEqualTo(Bytes.of(ec.getPublic().getEncoded()));
    }

    @Test
    void withoutATrustedCa_everyCertificateIsRefused_namingTheOption() {
        assertThat(refusal(ManufacturerTrust.none()
                        .check(pki.device("SN-1", MODEL).identity().certificate(), "SN-1", MODEL, NOW)))
                .contains("--manufacturer-ca");
    }

    @Test
    void onlyCaCertificates_canBeTrusted_andEachIsFoundByItsFingerprint() {
        assertThatThrownBy(() -> ManufacturerTrust.of(
                        List.of(pki.device("SN-1", MODEL).identity().certificate())))
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining("must be a CA certificate");
        assertThat(trust.ca(Certificates.fingerprint(pki.ca.certificate()).toHex()))
                .contains(pki.ca.certificate());
        assertThat(trust.ca("00".repeat(32))).isEmpty();
    }
}
