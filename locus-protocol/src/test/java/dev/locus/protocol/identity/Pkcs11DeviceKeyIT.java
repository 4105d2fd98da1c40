package dev.locus.protocol.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locus.protocol.Fixtures;
import dev.locus.protocol.crypto.SignatureVerifier;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.SessionId;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A device key generated and used inside a real PKCS#11 token (softhsm2). */
class Pkcs11DeviceKeyIT {
    private final Fixtures f = new Fixtures(11);

    @Test
    void keyGeneratedInTheToken_isNotExtractable_signsProofs_andIsCertified() throws Exception {
        long slot = SoftHsm.freshToken("locus-it");
        try (Pkcs11Token token = Pkcs11Token.open(SoftHsm.LIBRARY, slot, SoftHsm.PIN.toCharArray())) {
            Pkcs11DeviceKey key = Pkcs11DeviceKey.generate(
                    token, "gpu0", f.ca, "1650923000042", "NVIDIA H100 80GB HBM3", Duration.ofDays(30));
            assertThat(key.isExtractable()).isFalse();
            assertThat(key.identity().serial()).isEqualTo("1650923000042");
            assertThat(f.verifier().verifyDevice(key.identity().certificate())).isInstanceOf(Decoded.Accepted.class);

            SignatureVerifier verifier =
                    SignatureVerifier.of(key.identity().certificate().getPublicKey());
            assertThat(verifier.algorithm()).isEqualTo("SHA256withECDSA");
            long[] nanos = new long[200];
            for (int i = 0; i < nanos.length; i++) {
                byte[] proof = ProofMessage.of(
                        SessionId.random(f.random),
                        0,
                        Nonce.random(f.random),
                        "sg1",
                        key.identity().fingerprint());
                long t0 = System.nanoTime();
                byte[] sig = key.sign(proof);
                nanos[i] = System.nanoTime() - t0;
                assertThat(verifier.verify(proof, sig)).isTrue();
                proof[proof.length - 1] ^= 1;
                assertThat(verifier.verify(proof, sig)).isFalse();
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "softhsm2 P-256 signature in the token: p50 %.1f us, p99 %.1f us (%d signatures)%n",
                    nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 99 / 100] / 1e3, nanos.length);
        }
        // a new login finds the same key and certificate: they are token objects
        try (Pkcs11Token again = Pkcs11Token.open(SoftHsm.LIBRARY, slot, SoftHsm.PIN.toCharArray())) {
            assertThat(Pkcs11DeviceKey.openAll(again))
                    .extracting(k -> k.identity().serial())
                    .containsExactly("1650923000042");
        }
    }

    @Test
    void wrongPin_isRefused() throws Exception {
        long slot = SoftHsm.freshToken("locus-pin");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Pkcs11Token.open(SoftHsm.LIBRARY, slot, "0000".toCharArray()))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("cannot log in");
    }
}
