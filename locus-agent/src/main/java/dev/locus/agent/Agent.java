package dev.locus.agent;

import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.DeviceKey;
import dev.locus.protocol.identity.LandmarkIdentity;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.ReceiptRecord;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageCodec;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.SessionId;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The device-side responder: opens a measurement session with a landmark, answers each timed
 * challenge with the device key's signature over the {@link ProofMessage}, and returns the
 * landmark's receipt after checking it (signature, session, device, nonce, landmark). Lost
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
        byte[] hello = MessageCodec.encode(new Message.Hello(session, rounds, Certificates.der(device.certificate())));
        byte[] next = MessageCodec.encode(new Message.Next(session));
        List<Long> deviceWork = new ArrayList<>(rounds);
        Set<Nonce> answered = new HashSet<>();
        String landmarkId = null;
        boolean challenged = false;
        int retries = 0;
        byte[] buf = new byte[ProtocolVersion.MAX_DATAGRAM_BYTES + 1];
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(landmark);
            socket.setSoTimeout((int) config.answerTimeout().toMillis());
            socket.send(new DatagramPacket(hello, hello.length));
            while (true) {
                try {
                    in.setLength(buf.length);
                    socket.receive(in);
                } catch (SocketTimeoutException | java.net.PortUnreachableException e) {
                    // nothing came, or ICMP says nothing listens there (yet): both are retried
                    if (++retries > config.maxRetries()) {
                        return new MeasurementOutcome.Failed(
                                MeasurementOutcome.FailureKind.TIMEOUT,
                                Optional.empty(),
                                "no answer from " + landmark + " after " + config.maxRetries() + " retries of "
                                        + config.answerTimeout().toMillis() + " ms");
                    }
                    byte[] again = challenged ? next : hello;
                    socket.send(new DatagramPacket(again, again.length));
                    continue;
                }
                long receivedNanos = config.nanoClock().getAsLong();
                Decoded<Message> d = MessageCodec.decode(buf, 0, in.getLength());
                if (!(d instanceof Decoded.Accepted<Message>(Message m))
                        || !m.sessionId().equals(session)) {
                    LOG.log(System.Logger.Level.DEBUG, "agent ignored a datagram that is not for session {0}", session);
                    continue;
                }
                switch (m) {
                    case Message.Challenge c -> {
                        byte[] proof =
                                ProofMessage.of(session, c.round(), c.nonce(), c.landmarkId(), device.fingerprint());
                        byte[] response = MessageCodec.encode(
                                new Message.Response(session, c.round(), c.nonce(), c.landmarkId(), key.sign(proof)));
                        socket.send(new DatagramPacket(response, response.length));
                        deviceWork.add(config.nanoClock().getAsLong() - receivedNanos);
                        answered.add(c.nonce());
                        landmarkId = c.landmarkId();
                        challenged = true;
                    }
                    case Message.ReceiptMessage r -> {
                        return checkReceipt(r, key, session, rounds, landmarkId, answered, deviceWork);
                    }
                    case Message.Reject j -> {
                        return new MeasurementOutcome.Failed(
                                MeasurementOutcome.FailureKind.REJECTED, Optional.of(j.reason()), j.detail());
                    }
                    default -> LOG.log(System.Logger.Level.DEBUG, "agent ignored a {0}", m.type());
                }
            }
        }
    }

    private MeasurementOutcome checkReceipt(
            Message.ReceiptMessage m,
            DeviceKey key,
            SessionId session,
            int rounds,
            String landmarkId,
            Set<Nonce> answered,
            List<Long> deviceWork) {
        Decoded<SignedReceipt> d = SignedReceipt.decode(m.signedReceipt());
        if (d instanceof Decoded.Rejected<SignedReceipt> r) {
            return badReceipt("receipt does not decode: " + r.reason() + ": " + r.detail());
        }
        SignedReceipt signed = ((Decoded.Accepted<SignedReceipt>) d).value();
        Receipt receipt = signed.receipt();
        X509Certificate landmarkCert;
        LandmarkIdentity landmark;
        try {
            landmarkCert = Certificates.parse(m.landmarkCertificateDer());
            landmark = Certificates.landmarkIdentity(landmarkCert);
        } catch (IllegalArgumentException e) {
            return badReceipt("landmark certificate in the receipt is not usable: " + e.getMessage());
        }
        if (config.landmarkTrust().isPresent()
                && config.landmarkTrust().get().verifyLandmark(landmarkCert) instanceof Decoded.Rejected<?> r) {
            return badReceipt("landmark certificate is not trusted: " + r.detail());
        }
        var device = key.identity();
        String problem = null;
        if (!signed.isSignedBy(landmarkCert)) {
            problem = "receipt signature is not valid for landmark certificate " + landmark.fingerprint();
        } else if (!receipt.landmarkId().equals(landmark.id())
                || !receipt.landmarkPosition().equals(landmark.position())) {
            problem = "receipt names landmark " + receipt.landmarkId() + " at " + receipt.landmarkPosition()
                    + " but the certificate says " + landmark.id() + " at " + landmark.position();
        } else if (!receipt.landmarkId().equals(landmarkId)) {
            problem =
                    "receipt is from landmark " + receipt.landmarkId() + " but the challenges came from " + landmarkId;
        } else if (!receipt.sessionId().equals(session)) {
            problem = "receipt is for session " + receipt.sessionId() + ", expected " + session;
        } else if (!receipt.deviceCertificate().equals(device.fingerprint())
                || !receipt.deviceSerial().equals(device.serial())) {
            problem = "receipt names device " + receipt.deviceSerial() + ", expected " + device.serial();
        } else if (!answered.contains(receipt.minNonce())) {
            problem = "receipt's nonce was never answered by this device";
        } else if (receipt.samplesNanos().size() != rounds) {
            problem = "receipt holds " + receipt.samplesNanos().size() + " rounds, expected " + rounds;
        }
        if (problem != null) {
            return badReceipt(problem);
        }
        return new MeasurementOutcome.Measured(
                new ReceiptRecord(signed, landmarkCert, device.certificate()), deviceWork);
    }

    private static MeasurementOutcome badReceipt(String detail) {
        return new MeasurementOutcome.Failed(MeasurementOutcome.FailureKind.BAD_RECEIPT, Optional.empty(), detail);
    }
}
