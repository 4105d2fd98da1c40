package dev.locus.landmark;

import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.DeviceKey;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageCodec;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.SessionId;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.Random;

/** A test device speaking the protocol by hand over a real UDP socket, so tests can misbehave on purpose. */
final class RawDevice implements AutoCloseable {
    final DatagramSocket socket;
    final DeviceKey key;
    final SessionId session;

    RawDevice(InetSocketAddress landmark, DeviceKey key, long seed) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        this.socket.connect(landmark);
        this.socket.setSoTimeout(2000);
        this.key = key;
        Random r = new Random(seed);
        this.session = new SessionId(r.nextLong(), r.nextLong());
    }

    void send(Message m) throws IOException {
        sendRaw(MessageCodec.encode(m));
    }

    void sendRaw(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length));
        synchronized (unanswered) {
            unanswered.merge(datagram.length, 1, Integer::sum);
        }
    }

    /**
     * Sizes of the datagrams sent that no received datagram has been matched to yet. Every
     * datagram received must be matched to one sent before it that is at least as large (the
     * smallest such): the landmark answers each request at most once and never with more bytes.
     */
    private final java.util.TreeMap<Integer, Integer> unanswered = new java.util.TreeMap<>();

    /** Every message type received, in order (for tests that check which reply types they saw). */
    final java.util.List<Message> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void matchReply(int size) {
        synchronized (unanswered) {
            Integer request = unanswered.ceilingKey(size);
            if (request == null) {
                throw new AssertionError("landmark sent " + size + " bytes, more than any unanswered request sent"
                        + " (unanswered sizes: " + unanswered + "): amplification");
            }
            unanswered.compute(request, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** The landmark's cookie for this device's HELLO, once a RETRY brought it. */
    byte[] cookie;

    /**
     * Opens the session as an agent does: a padded HELLO, the RETRY's cookie, the HELLO again with
     * it (at once with the cookie when this device already has one: a retransmission).
     */
    void hello(int rounds) throws IOException {
        byte[] certificate = Certificates.der(key.identity().certificate());
        if (cookie == null) {
            send(Message.Hello.padded(session, rounds, certificate, new byte[0]));
            cookie = expect(Message.Retry.class).cookie().toArray();
        }
        send(Message.Hello.padded(session, rounds, certificate, cookie));
    }

    /** Opens the session ({@link #hello}) for {@code rounds} rounds and returns the first challenge. */
    Message.Challenge open(int rounds) throws IOException {
        hello(rounds);
        return expect(Message.Challenge.class);
    }

    /** A NEXT padded to hold any answer (a receipt included). */
    void next() throws IOException {
        send(Message.Next.padded(session));
    }

    /** The next message, or empty after the socket timeout. */
    Optional<Message> receive() throws IOException {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        matchReply(p.getLength());
        Decoded<Message> d = MessageCodec.decode(buf, 0, p.getLength());
        if (d instanceof Decoded.Accepted<Message>(Message m)) {
            received.add(m);
            return Optional.of(m);
        }
        throw new AssertionError("landmark sent an undecodable datagram: " + d);
    }

    <T extends Message> T expect(Class<T> type) throws IOException {
        Message m = receive().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " within 2 s"));
        if (!type.isInstance(m)) {
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + m);
        }
        return type.cast(m);
    }

    Message.Response answer(Message.Challenge c) {
        return answer(c, key);
    }

    /** This device's answer to {@code c}, its proof signed by {@code signer} (a forgery unless it is this device's key). */
    Message.Response answer(Message.Challenge c, DeviceKey signer) {
        byte[] proof = ProofMessage.of(
                session, c.round(), c.nonce(), c.landmarkId(), key.identity().fingerprint());
        return new Message.Response(session, c.round(), c.nonce(), c.landmarkId(), signer.sign(proof));
    }

    @Override
    public void close() {
        socket.close();
    }
}
