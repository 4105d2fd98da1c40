package dev.locus.protocol.exchange;

import dev.locus.protocol.crypto.Fingerprint;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageCodec;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.RejectReason;
import dev.locus.protocol.wire.SessionId;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The answering side of the timed exchange (protocol version {@value ProtocolVersion#CURRENT}),
 * shared by the agent (answering as a device) and the landmark's peer prober (answering as a
 * landmark): padded HELLO, the cookie round (RETRY, HELLO with the cookie), one RESPONSE per
 * CHALLENGE, then a padded NEXT asking for the receipt. Lost datagrams are asked for again; the
 * caller checks the receipt. One session per call; not thread-safe across calls on one instance
 * only in that {@code prover} must be.
 */
public final class ExchangeClient {
    private static final System.Logger LOG = System.getLogger(ExchangeClient.class.getName());

    /** Most RETRYs followed in one session: a landmark that keeps sending them is not answering. */
    public static final int MAX_COOKIE_ROUNDS = 3;

    /** Signs a {@link ProofMessage} with the answering party's key (device or landmark). */
    @FunctionalInterface
    public interface Prover {
        byte[] sign(byte[] proofMessage);
    }

    /** How one session ended. */
    public sealed interface Outcome {
        /**
         * The landmark sent a receipt (not yet checked by this class).
         *
         * @param receipt the RECEIPT message
         * @param answered nonces this side answered
         * @param challenger landmark id named by the challenges
         * @param deviceWorkNanos per answered challenge, from its arrival to the RESPONSE sent
         */
        record Receipt(
                Message.ReceiptMessage receipt, Set<Nonce> answered, String challenger, List<Long> deviceWorkNanos)
                implements Outcome {
            public Receipt {
                answered = Set.copyOf(answered);
                deviceWorkNanos = List.copyOf(deviceWorkNanos);
            }
        }

        /** The landmark refused the session. */
        record Refused(RejectReason reason, String detail) implements Outcome {}

        /** No usable answer after every retry. */
        record TimedOut(String detail) implements Outcome {}
    }

    private final Duration answerTimeout;
    private final int maxRetries;
    private final LongSupplier nanoClock;

    /**
     * @param answerTimeout how long to wait for each answer before asking again
     * @param maxRetries how many times to ask again before giving up
     * @param nanoClock monotonic clock for the device-work figures
     */
    public ExchangeClient(Duration answerTimeout, int maxRetries, LongSupplier nanoClock) {
        if (answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("answerTimeout must be positive, got " + answerTimeout);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        this.answerTimeout = answerTimeout;
        this.maxRetries = maxRetries;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Runs one session of {@code rounds} rounds with the landmark at {@code landmark}.
     *
     * @param certificateDer the answering party's certificate, sent in HELLO
     * @param fingerprint its SHA-256 fingerprint, bound into every proof
     * @throws IOException when the socket cannot be opened or used
     */
    public Outcome run(
            InetSocketAddress landmark,
            SessionId session,
            int rounds,
            byte[] certificateDer,
            Fingerprint fingerprint,
            Prover prover)
            throws IOException {
        byte[] hello = MessageCodec.encode(Message.Hello.padded(session, rounds, certificateDer, new byte[0]));
        byte[] next = MessageCodec.encode(Message.Next.padded(session));
        List<Long> deviceWork = new ArrayList<>(rounds);
        Set<Nonce> answered = new HashSet<>();
        String challenger = null;
        int retries = 0;
        int cookieRounds = 0;
        byte[] buf = new byte[ProtocolVersion.MAX_DATAGRAM_BYTES + 1];
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(landmark);
            socket.setSoTimeout((int) answerTimeout.toMillis());
            send(socket, hello);
            while (true) {
                try {
                    in.setLength(buf.length);
                    socket.receive(in);
                } catch (SocketTimeoutException | PortUnreachableException e) {
                    // nothing came, or ICMP says nothing listens there (yet): both are retried
                    if (++retries > maxRetries) {
                        return new Outcome.TimedOut("no answer from " + landmark + " after " + maxRetries
                                + " retries of " + answerTimeout.toMillis() + " ms");
                    }
                    send(socket, challenger == null ? hello : next);
                    continue;
                }
                long receivedNanos = nanoClock.getAsLong();
                Decoded<Message> d = MessageCodec.decode(buf, 0, in.getLength());
                if (!(d instanceof Decoded.Accepted<Message>(Message m))
                        || !m.sessionId().equals(session)) {
                    LOG.log(System.Logger.Level.DEBUG, "ignored a datagram that is not for session {0}", session);
                    continue;
                }
                switch (m) {
                    case Message.Retry r -> {
                        if (challenger != null) {
                            continue; // the session is open: a late RETRY changes nothing
                        }
                        if (++cookieRounds > MAX_COOKIE_ROUNDS) {
                            return new Outcome.TimedOut(
                                    landmark + " answered " + MAX_COOKIE_ROUNDS + " HELLOs with a cookie with RETRY");
                        }
                        hello = MessageCodec.encode(Message.Hello.padded(
                                session, rounds, certificateDer, r.cookie().toArray()));
                        send(socket, hello);
                    }
                    case Message.Challenge c -> {
                        byte[] proof = ProofMessage.of(session, c.round(), c.nonce(), c.landmarkId(), fingerprint);
                        byte[] response = MessageCodec.encode(new Message.Response(
                                session, c.round(), c.nonce(), c.landmarkId(), prover.sign(proof)));
                        send(socket, response);
                        deviceWork.add(nanoClock.getAsLong() - receivedNanos);
                        answered.add(c.nonce());
                        challenger = c.landmarkId();
                        if (c.round() == rounds - 1) {
                            // the receipt is larger than a RESPONSE: ask for it with a NEXT padded to hold it
                            send(socket, next);
                        }
                    }
                    case Message.ReceiptMessage r -> {
                        return new Outcome.Receipt(r, answered, challenger, deviceWork);
                    }
                    case Message.Reject j -> {
                        return new Outcome.Refused(j.reason(), j.detail());
                    }
                    default -> LOG.log(System.Logger.Level.DEBUG, "ignored a {0}", m.type());
                }
            }
        }
    }

    private static void send(DatagramSocket socket, byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length));
    }
}
