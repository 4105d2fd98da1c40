package dev.locus.agent;

import dev.locus.protocol.exchange.EndedSession;
import dev.locus.protocol.exchange.ExchangeClient;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.DeviceIdentity;
import dev.locus.protocol.identity.DeviceKey;
import dev.locus.protocol.identity.LandmarkIdentity;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.ReceiptRecord;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.SessionId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The device-side responder: opens a measurement session with a landmark, answers each timed
 * challenge with the device key's signature over the {@link ProofMessage}, and returns the
 * landmark's receipt after checking it (signature, session, device, nonce, landmark). The exchange
 * itself (padded HELLO, cookie round, padded NEXT for the receipt) is {@link ExchangeClient}'s. Lost
 * datagrams are recovered with NEXT after {@link AgentConfig#answerTimeout()}. Thread-safe: each
 * {@link #measure} call uses its own socket.
 */
public final class Agent {
    private static final System.Logger LOG = System.getLogger(Agent.class.getName());

    private final AgentConfig config;

    public Agent(AgentConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Runs one session of {@code rounds} timed rounds with the landmark at {@code landmark}.
     *
     * @throws IOException when the socket cannot be opened or used
     */
    public MeasurementOutcome measure(DeviceKey key, InetSocketAddress landmark, int rounds) throws IOException {
        if (rounds < 1 || rounds > ProtocolVersion.MAX_ROUNDS) {
            throw new IllegalArgumentException(
                    "rounds must be in [1, " + ProtocolVersion.MAX_ROUNDS + "], got " + rounds);
        }
        SessionId session = SessionId.random(config.random());
        var device = key.identity();
        ExchangeClient client = new ExchangeClient(config.answerTimeout(), config.maxRetries(), config.nanoClock());
        return switch (client.run(
                landmark, session, rounds, Certificates.der(device.certificate()), device.fingerprint(), key::sign)) {
            case ExchangeClient.Outcome.Receipt r ->
                checkReceipt(r.receipt(), key, session, rounds, r.challenger(), r.answered(), r.deviceWorkNanos());
            case ExchangeClient.Outcome.Refused r ->
                new MeasurementOutcome.Failed(
                        MeasurementOutcome.FailureKind.REJECTED, Optional.of(r.reason()), r.detail());
            case ExchangeClient.Outcome.TimedOut t ->
                new MeasurementOutcome.Failed(MeasurementOutcome.FailureKind.TIMEOUT, Optional.empty(), t.detail());
        };
    }

    private MeasurementOutcome checkReceipt(
            Message.ReceiptMessage m,
            DeviceKey key,
            SessionId session,
            int rounds,
            String landmarkId,
            Set<Nonce> answered,
            List<Long> deviceWork) {
        Decoded<SignedReceipt> d = SignedReceipt.decode(m.signedReceipt().toArray());
        if (d instanceof Decoded.Rejected<SignedReceipt> r) {
            return badReceipt("receipt does not decode: " + r.reason() + ": " + r.detail());
        }
        SignedReceipt signed = ((Decoded.Accepted<SignedReceipt>) d).value();
        X509Certificate landmarkCert;
        LandmarkIdentity landmark;
        try {
            landmarkCert = Certificates.parse(m.landmarkCertificateDer().toArray());
            landmark = Certificates.landmarkIdentity(landmarkCert);
        } catch (IllegalArgumentException e) {
            return badReceipt("landmark certificate in the receipt is not usable: " + e.getMessage());
        }
        if (config.landmarkTrust().isPresent()
                && config.landmarkTrust().get().verifyLandmark(landmarkCert) instanceof Decoded.Rejected<?> r) {
            return badReceipt("landmark certificate is not trusted: " + r.detail());
        }
        var device = key.identity();
        Optional<String> problem = new EndedSession(landmarkId, session, answered, rounds, "device")
                .mismatch(signed, landmarkCert, "landmark certificate", landmark, r -> namesDevice(r, device));
        if (problem.isPresent()) {
            return badReceipt(problem.get());
        }
        return new MeasurementOutcome.Measured(
                new ReceiptRecord(signed, landmarkCert, device.certificate()), deviceWork);
    }

    private static Optional<String> namesDevice(Receipt r, DeviceIdentity device) {
        if (!r.deviceCertificate().equals(device.fingerprint())
                || !r.deviceSerial().equals(device.serial())) {
            return Optional.of("receipt names device " + r.deviceSerial() + ", expected " + device.serial());
        }
        return Optional.empty();
    }

    private static MeasurementOutcome badReceipt(String detail) {
        return new MeasurementOutcome.Failed(MeasurementOutcome.FailureKind.BAD_RECEIPT, Optional.empty(), detail);
    }
}
