package dev.locus.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.server.LocusServerException;
import dev.locus.wire.CertificatePin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the API's certificate and key, and the self-signed certificate kept in the data directory. */
class TlsCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void selfSigned_isWrittenMode600_reusedOnTheNextStart_andNamesLoopback() throws Exception {
        TlsCredentials first = SelfSignedTls.ensure(dir, List.of("cp.example.org"));
        for (String f : List.of(SelfSignedTls.CERT_FILE, SelfSignedTls.KEY_FILE)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
                    .as(f)
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(dir.resolve(SelfSignedTls.KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY-----");
        TlsCredentials again = SelfSignedTls.ensure(dir, List.of());
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(first.fingerprint())
                .isEqualTo(CertificatePin.of(first.certificate()).toString());
        assertThat(first.certificate().getSubjectAlternativeNames())
                .extracting(n -> n.get(1).toString())
                .contains("localhost", "127.0.0.1", "cp.example.org");
    }

    @Test
    void keyOfAnotherCertificate_isRefusedNamingTheFile() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        SelfSignedTls.ensure(a, List.of());
        SelfSignedTls.ensure(b, List.of());
        assertThatThrownBy(() ->
                        TlsCredentials.load(a.resolve(SelfSignedTls.CERT_FILE), b.resolve(SelfSignedTls.KEY_FILE)))
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining("--tls-key " + b.resolve(SelfSignedTls.KEY_FILE))
                .hasMessageContaining("is not the key of the certificate");
    }

    @Test
    void filesThatAreNotPem_areRefusedWithWhatWasExpected() throws Exception {
        SelfSignedTls.ensure(dir, List.of());
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
        assertThatThrownBy(() -> TlsCredentials.load(junk, dir.resolve(SelfSignedTls.KEY_FILE)))
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining("--tls-cert " + junk);
        assertThatThrownBy(() -> TlsCredentials.load(dir.resolve(SelfSignedTls.CERT_FILE), junk))
                .isInstanceOf(LocusServerException.class)
                .hasMessageContaining("--tls-key " + junk)
                .hasMessageContaining("PKCS#8");
    }
}
