package dev.locus.landmark;

import dev.locus.protocol.exchange.EndedSession;
import dev.locus.protocol.exchange.ExchangeClient;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkIdentity;
import dev.locus.protocol.identity.LandmarkKey;
import dev.locus.protocol.receipt.PeerReceipts;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.SessionId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Measures a peer landmark with the ordinary timed exchange ({@link ExchangeClient}): this landmark
 * sends HELLO with its own landmark certificate, answers each timed challenge by signing the
 * {@link ProofMessage} with its landmark key, and receives the peer's signed receipt (see {@link
 * PeerReceipts}). The peer must run with {@link LandmarkConfig#acceptPeers()}. The receipt is
 * checked before it is returned: the peer's certificate chains to the CA and carries the landmark
 * purpose, its signature, the session, the nonce answered, that it names this landmark as the
 * answering party, and the round count. Lost datagrams are recovered with NEXT. Thread-safe: each
 * {@link #measure} call uses its own socket.
 */
public final class PeerProber {
    private final LandmarkKey key;
    private final IdentityVerifier trust;
    private final Duration answerTimeout;
    private final int maxRetries;
    private final SecureRandom random;

    /**
     * @param key this landmark's key: answers the peer's challenges
     * @param trust the CA that the peer's certificate must chain to
     * @param answerTimeout how long to wait for a datagram before asking again (1 ms to 60 s)
     * @param maxRetries how many times to ask again before giving up (0 to 100)
     * @param random source of session ids
     */
    public PeerProber(
            LandmarkKey key, IdentityVerifier trust, Duration answerTimeout, int maxRetries, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.trust = Objects.requireNonNull(trust, "trust");
        if (answerTimeout.toMillis() < 1 || answerTimeout.toSeconds() > 60) {
            throw new IllegalArgumentException("answerTimeout must be 1 ms to 60 s, got " + answerTimeout);
        }
        if (maxRetries < 0 || maxRetries > 100) {
            throw new IllegalArgumentException("maxRetries must be in [0, 100], got " + maxRetries);
        }
        this.answerTimeout = answerTimeout;
        this.maxRetries = maxRetries;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Runs one session of {@code rounds} timed rounds with the peer landmark at {@code peer}.
     *
     * @throws IllegalArgumentException when rounds is outside [1, {@value ProtocolVersion#MAX_ROUNDS}]
     * @throws IOException when the socket cannot be opened or used
     */
    public PeerMeasurement measure(InetSocketAddress peer, int rounds) throws IOException {
        if (rounds < 1 || rounds > ProtocolVersion.MAX_ROUNDS) {
            throw new IllegalArgumentException(
                    "rounds must be in [1, " + ProtocolVersion.MAX_ROUNDS + "], got " + rounds);
        }
        LandmarkIdentity self = key.identity();
        SessionId session = SessionId.random(random);
        ExchangeClient client = new ExchangeClient(answerTimeout, maxRetries, System::nanoTime);
        return switch (client.run(
                peer, session, rounds, Certificates.der(self.certificate()), self.fingerprint(), key::sign)) {
            case ExchangeClient.Outcome.Receipt r ->
                check(peer, r.receipt(), session, rounds, r.challenger(), r.answered());
            case ExchangeClient.Outcome.Refused r ->
                new PeerMeasurement.Failed(peer, "peer refused the session: " + r.reason() + ": " + r.detail());
            case ExchangeClient.Outcome.TimedOut t -> new PeerMeasurement.Failed(peer, t.detail());
        };
    }

    private PeerMeasurement check(
            InetSocketAddress peer,
            Message.ReceiptMessage m,
            SessionId session,
            int rounds,
            String challenger,
            Set<Nonce> answered) {
        if (!(SignedReceipt.decode(m.signedReceipt().toArray())
                instanceof Decoded.Accepted<SignedReceipt>(SignedReceipt signed))) {
            return new PeerMeasurement.Failed(peer, "peer's receipt does not decode");
        }
        X509Certificate cert;
        try {
            cert = Certificates.parse(m.landmarkCertificateDer().toArray());
        } catch (IllegalArgumentException e) {
            return new PeerMeasurement.Failed(peer, "peer's certificate is not usable: " + e.getMessage());
        }
        if (!(trust.verifyLandmark(cert) instanceof Decoded.Accepted<LandmarkIdentity>(LandmarkIdentity measured))) {
            return new PeerMeasurement.Failed(peer, "peer's certificate is not a landmark certificate of the CA");
        }
        LandmarkIdentity self = key.identity();
        Optional<String> problem = new EndedSession(challenger, session, answered, rounds, "landmark")
                .mismatch(signed, cert, "the peer's certificate", measured, r -> namesSelf(r, self));
        return problem.isEmpty()
                ? new PeerMeasurement.Measured(peer, signed)
                : new PeerMeasurement.Failed(peer, problem.get());
    }

    private static Optional<String> namesSelf(Receipt r, LandmarkIdentity self) {
        if (!PeerReceipts.isPeerReceipt(r)
                || !r.deviceSerial().equals(self.id())
                || !r.deviceCertificate().equals(self.fingerprint())) {
            return Optional.of("receipt names " + r.deviceSerial() + " (" + r.deviceModel()
                    + ") as the answering party," + " not this landmark " + self.id());
        }
        return Optional.empty();
    }
}
