package dev.locus.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificatePinTest {
    private static final String HEX = "0123456789abcdef".repeat(4);

    @Test
    void parse_acceptsPrefixedBareUpperCaseAndColonGroupedHex() {
        CertificatePin pin = CertificatePin.parse("sha256:" + HEX);
        assertThat(pin.toString()).isEqualTo("sha256:" + HEX);
        assertThat(CertificatePin.parse(HEX.toUpperCase())).isEqualTo(pin);
        assertThat(CertificatePin.parse("SHA256:" + HEX.replaceAll("(..)(?!$)", "$1:")))
                .isEqualTo(pin);
    }

    @Test
    void parse_refusesOtherLengthsAndDigestsNamingTheValue() {
        assertThatThrownBy(() -> CertificatePin.parse("sha256:abcd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sha256:<64 hex digits>")
                .hasMessageContaining("'sha256:abcd'");
        assertThatThrownBy(() -> CertificatePin.parse("sha1:" + HEX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificatePin.parse("sha256:" + HEX.replace('0', 'g')))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digestIsCopied_soAHolderCannotChangeThePin() {
        CertificatePin pin = CertificatePin.parse(HEX);
        pin.sha256()[0] ^= 1;
        assertThat(pin).isEqualTo(CertificatePin.parse(HEX));
    }
}
