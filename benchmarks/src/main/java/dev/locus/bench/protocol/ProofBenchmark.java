package dev.locus.bench.protocol;

import dev.locus.bench.LocusBenchmark;
import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.crypto.SignatureVerifier;
import dev.locus.protocol.identity.CertificateAuthority;
import dev.locus.protocol.identity.Pkcs12DeviceKey;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageCodec;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.SessionId;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * The per-round costs of the timed exchange: the device's proof (BouncyCastle Ed25519, against the
 * JDK's Ed25519 as the baseline the issue mentions), the landmark's verification, and decoding a
 * RESPONSE. The end-to-end figures (UDP, threads, receipts) come from {@code locus bench protocol}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProofBenchmark extends LocusBenchmark {
    private Pkcs12DeviceKey device;
    private SignatureVerifier verifier;
    private byte[] proof;
    private byte[] signature;
    private byte[] response;
    private Signature jdkSigner;

    @Setup
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        CertificateAuthority ca =
                CertificateAuthority.create("Bench CA", Duration.ofDays(1), InstantSource.system(), random);
        device = Pkcs12DeviceKey.generate(ca, "BENCH-1", "NVIDIA H100 80GB HBM3", Duration.ofDays(1), random);
        verifier = SignatureVerifier.of(device.identity().certificate().getPublicKey());
        SessionId session = SessionId.random(random);
        Nonce nonce = Nonce.random(random);
        proof = ProofMessage.of(session, 0, nonce, "sg1", device.identity().fingerprint());
        signature = device.sign(proof);
        response = MessageCodec.encode(new Message.Response(session, 0, nonce, "sg1", signature));
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        jdkSigner = Signature.getInstance("Ed25519");
        jdkSigner.initSign(jdk.getPrivate());
        GeoPosition.ofDegrees(0, 0); // geo classes loaded outside the measurement
    }

    /** The device's work per round: sign the proof with BouncyCastle Ed25519. */
    @Benchmark
    public byte[] deviceSignBouncyCastle() {
        return device.sign(proof);
    }

    /** Baseline: the same signature with the JDK's Ed25519 provider. */
    @Benchmark
    public byte[] deviceSignJdkBaseline() throws Exception {
        jdkSigner.update(proof);
        return jdkSigner.sign();
    }

    /** The landmark's work per round, off the timed path: verify the proof. */
    @Benchmark
    public boolean landmarkVerify() {
        return verifier.verify(proof, signature);
    }

    /** The landmark's work on the timed path before the next challenge: decode the RESPONSE. */
    @Benchmark
    public Decoded<Message> decodeResponse() {
        return MessageCodec.decode(response, 0, response.length);
    }
}
