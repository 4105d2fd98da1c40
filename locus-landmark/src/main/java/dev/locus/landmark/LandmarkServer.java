package dev.locus.landmark;

import dev.locus.protocol.crypto.SignatureVerifier;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.DeviceIdentity;
import dev.locus.protocol.identity.LandmarkIdentity;
import dev.locus.protocol.identity.LocusOids;
import dev.locus.protocol.receipt.PeerReceipts;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.receipt.SignedReceipt;
import dev.locus.protocol.wire.Decoded;
import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.MessageCodec;
import dev.locus.protocol.wire.Nonce;
import dev.locus.protocol.wire.ProofMessage;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.protocol.wire.RejectReason;
import dev.locus.protocol.wire.SessionId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The landmark timing server: answers HELLO with timed challenges over UDP, times each answer
 * with the monotonic clock the moment it is received, checks proofs and device certificates on
 * verifier threads (off the timed path), and sends a signed receipt when every round verified.
 *
 * <p>Guarantees: nonces come from the configured {@code SecureRandom}, are single-use and expire
 * after {@code nonceLifetime}; every refused datagram is counted and handed to the {@link
 * RejectionListener} with its reason before any answer; parsing is bounded ({@link MessageCodec});
 * each source IP is rate limited and holds a bounded number of sessions; malformed input is never
 * answered and never stops the server. No session state exists before a HELLO returns the
 * stateless cookie of a RETRY ({@link HelloCookies}), so forged sources cannot hold sessions; and
 * every answer is sent in reply to one datagram and never larger than it (a reply that would be
 * larger waits for a padded NEXT), so the landmark cannot amplify. Thread-safe; {@link #close()}
 * stops it.
 */
public final class LandmarkServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LandmarkServer.class.getName());

    private final LandmarkConfig config;
    private final LandmarkIdentity identity;
    private final byte[] certificateDer;
    private final DatagramChannel channel;
    private final long nonceLifetimeNanos;
    private final long sessionLifetimeNanos;
    private final ConcurrentHashMap<SessionId, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Nonce, PendingChallenge> nonces = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> sessionsPerSource = new ConcurrentHashMap<>();
    private final AtomicInteger activeSessions = new AtomicInteger();
    private final RateLimiter limiter;
    private final HelloCookies cookies;
    /** Size of a CHALLENGE from this landmark, in bytes (fixed: the landmark id does not change). */
    private final int challengeBytes;

    private final LandmarkStats stats = new LandmarkStats();
    private final ExecutorService verifiers;
    private final ScheduledExecutorService sweeper;
    private final Thread ioThread;
    private final ThreadLocal<ByteBuffer> sendBuffers =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(ProtocolVersion.MAX_DATAGRAM_BYTES));
    private volatile boolean running = true;

    private LandmarkServer(LandmarkConfig config, DatagramChannel channel) {
        this.config = config;
        this.identity = config.key().identity();
        this.certificateDer = Certificates.der(identity.certificate());
        this.channel = channel;
        this.nonceLifetimeNanos = config.nonceLifetime().toNanos();
        this.sessionLifetimeNanos = config.sessionLifetime().toNanos();
        this.limiter = new RateLimiter(
                config.rateLimitPerSource().packetsPerSecond(),
                config.rateLimitPerSource().burst(),
                65_536);
        this.cookies = new HelloCookies(config.cookieSlot().toNanos(), config.nanoClock(), config.random());
        this.challengeBytes = MessageCodec.encode(
                        new Message.Challenge(new SessionId(0, 0), 0, new Nonce(0, 0, 0, 0), identity.id()))
                .length;
        this.verifiers = Executors.newFixedThreadPool(
                config.verifierThreads(),
                Thread.ofPlatform().name("landmark-verifier-", 1).daemon().factory());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("landmark-sweeper").daemon().factory());
        this.ioThread = Thread.ofPlatform().name("landmark-io").daemon().unstarted(this::receiveLoop);
    }

    /**
     * Binds the UDP socket and starts serving.
     *
     * @throws IOException when the address cannot be bound
     */
    public static LandmarkServer start(LandmarkConfig config) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
            ch.bind(config.bindAddress());
        } catch (IOException e) {
            ch.close();
            throw new IOException(
                    "cannot bind landmark UDP socket to " + config.bindAddress() + ": " + e.getMessage(), e);
        }
        LandmarkServer s = new LandmarkServer(config, ch);
        s.ioThread.start();
        long sweepMillis = Math.max(10, Math.min(250, config.nonceLifetime().toMillis() / 4));
        s.sweeper.scheduleWithFixedDelay(s::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "landmark {0} serving on {1}", s.identity.id(), s.localAddress());
        return s;
    }

    /** The bound address (useful when binding port 0). */
    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new LandmarkException("landmark socket is closed", e);
        }
    }

    public LandmarkIdentity identity() {
        return identity;
    }

    public LandmarkStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** Sessions currently held (for tests and monitoring). */
    public int openSessions() {
        return sessions.size();
    }

    /** Nonces currently remembered, open or spent (for tests and monitoring). */
    public int rememberedNonces() {
        return nonces.size();
    }

    // ---------------------------------------------------------------- I/O thread

    private void receiveLoop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(ProtocolVersion.MAX_DATAGRAM_BYTES + 1);
        while (running) {
            InetSocketAddress source;
            long receivedNanos;
            try {
                buf.clear();
                source = (InetSocketAddress) channel.receive(buf);
                receivedNanos = config.nanoClock().getAsLong();
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "landmark receive failed; continuing", e);
                continue;
            }
            buf.flip();
            try {
                handle(source, buf, receivedNanos);
            } catch (RuntimeException e) {
                // a bug must not stop the landmark: record it and keep serving
                LOG.log(System.Logger.Level.ERROR, "landmark failed handling a datagram from " + source, e);
            }
        }
    }

    private void handle(InetSocketAddress source, ByteBuffer datagram, long receivedNanos) {
        stats.datagrams.increment();
        int requestBytes = datagram.remaining();
        if (!limiter.allow(source.getAddress(), receivedNanos)) {
            reject(
                    source,
                    RejectReason.RATE_LIMITED,
                    "source exceeds " + config.rateLimitPerSource().packetsPerSecond() + " datagrams/s (burst "
                            + config.rateLimitPerSource().burst() + ")",
                    null,
                    0);
            return;
        }
        if (datagram.remaining() > ProtocolVersion.MAX_DATAGRAM_BYTES) {
            reject(
                    source,
                    RejectReason.OVERSIZED,
                    "datagram must be at most " + ProtocolVersion.MAX_DATAGRAM_BYTES + " bytes, got more",
                    null,
                    0);
            return;
        }
        Decoded<Message> decoded = MessageCodec.decode(datagram);
        if (decoded instanceof Decoded.Rejected<Message> r) {
            reject(source, r.reason(), r.detail(), null, 0);
            return;
        }
        Message m = ((Decoded.Accepted<Message>) decoded).value();
        switch (m) {
            case Message.Response r -> onResponse(source, r, receivedNanos, requestBytes);
            case Message.Hello h -> onHello(source, h, receivedNanos, requestBytes);
            case Message.Next n -> onNext(source, n.sessionId(), requestBytes);
            default ->
                reject(
                        source,
                        RejectReason.UNEXPECTED_MESSAGE,
                        "a landmark accepts HELLO, RESPONSE and NEXT, got " + m.type(),
                        null,
                        0);
        }
    }

    private void onHello(InetSocketAddress source, Message.Hello hello, long nowNanos, int requestBytes) {
        if (requestBytes < ProtocolVersion.MIN_HELLO_BYTES) {
            reject(
                    source,
                    RejectReason.UNPADDED,
                    "HELLO must be padded to at least " + ProtocolVersion.MIN_HELLO_BYTES + " bytes, got "
                            + requestBytes,
                    hello.sessionId(),
                    0);
            return;
        }
        if (!cookies.verify(source, hello)) {
            // stateless: nothing is kept, and the RETRY is smaller than the padded HELLO
            if (hello.hasCookie()) {
                recordRejection(
                        source,
                        RejectReason.BAD_COOKIE,
                        "cookie was not issued to " + source + " for this HELLO within the last "
                                + 2 * config.cookieSlot().toSeconds() + " s; a fresh one is sent",
                        hello.sessionId());
            }
            stats.retriesSent.increment();
            sendWithin(
                    MessageCodec.encode(new Message.Retry(hello.sessionId(), cookies.issue(source, hello))),
                    source,
                    requestBytes);
            return;
        }
        Session existing = sessions.get(hello.sessionId());
        if (existing != null) {
            if (!existing.address.equals(source)) {
                reject(
                        source,
                        RejectReason.DUPLICATE_SESSION,
                        "session id is already in use by another address",
                        null,
                        0);
                return;
            }
            // a retransmitted HELLO means the first challenge (or the REJECT) was lost: answer as NEXT
            onNext(source, hello.sessionId(), requestBytes);
            return;
        }
        // finished sessions linger only briefly (bounded by the rate limit); the hard cap protects memory
        if (activeSessions.get() >= config.maxSessions() || sessions.size() >= 4 * config.maxSessions()) {
            rejectSessionLimit(source, "landmark", config.maxSessions(), hello, requestBytes);
            return;
        }
        AtomicInteger perSource = sessionsPerSource.computeIfAbsent(source.getAddress(), k -> new AtomicInteger());
        if (perSource.incrementAndGet() > config.maxSessionsPerSource()) {
            perSource.decrementAndGet();
            rejectSessionLimit(source, "source", config.maxSessionsPerSource(), hello, requestBytes);
            return;
        }
        Session session = new Session(hello.sessionId(), source, hello.rounds(), nowNanos);
        session.replyBudget = requestBytes;
        if (sessions.putIfAbsent(hello.sessionId(), session) != null) {
            perSource.decrementAndGet();
            return;
        }
        activeSessions.incrementAndGet();
        byte[] der = hello.deviceCertificateDer().toArray();
        submit(() -> admit(session, der));
    }

    private void onResponse(InetSocketAddress source, Message.Response r, long receivedNanos, int requestBytes) {
        if (!r.landmarkId().equals(identity.id())) {
            reject(
                    source,
                    RejectReason.WRONG_LANDMARK,
                    "response is for landmark '" + r.landmarkId() + "' but this is '" + identity.id() + "'",
                    r.sessionId(),
                    0);
            return;
        }
        PendingChallenge p = nonces.get(r.nonce());
        if (p == null) {
            reject(
                    source,
                    RejectReason.UNKNOWN_NONCE,
                    "nonce was never issued here or has been forgotten",
                    r.sessionId(),
                    0);
            return;
        }
        Session s = p.session;
        if (!s.id.equals(r.sessionId()) || p.round != r.round()) {
            reject(
                    source,
                    RejectReason.ROUND_MISMATCH,
                    "nonce belongs to another session or round (round " + r.round() + " given)",
                    r.sessionId(),
                    0);
            return;
        }
        if (!s.address.equals(source)) {
            reject(
                    source,
                    RejectReason.ADDRESS_MISMATCH,
                    "challenge was sent to " + s.address + ", answer came from " + source,
                    r.sessionId(),
                    0);
            return;
        }
        long rtt = receivedNanos - p.sentNanos;
        if (!p.consume()) {
            reject(
                    source,
                    RejectReason.REPLAYED_NONCE,
                    "nonce of round " + p.round + " was already "
                            + (p.state() == PendingChallenge.ANSWERED ? "answered" : "withdrawn"),
                    s.id,
                    0);
            return;
        }
        if (rtt > nonceLifetimeNanos) {
            reject(
                    source,
                    RejectReason.EXPIRED_NONCE,
                    "answer came " + rtt / 1_000_000 + " ms after the challenge," + " allowed "
                            + config.nonceLifetime().toMillis() + " ms",
                    s.id,
                    0);
            synchronized (s) {
                if (s.outstanding == p) {
                    s.outstanding = null;
                }
            }
            return; // the agent asks for a fresh challenge with NEXT
        }
        stats.roundsTimed.increment();
        byte[] signature = r.signature().toArray();
        boolean more;
        synchronized (s) {
            if (s.state != Session.State.ACTIVE || s.outstanding != p) {
                return;
            }
            s.rttNanos[p.round] = rtt;
            s.nonces[p.round] = p.nonce;
            s.sentAt[p.round] = p.sentAt;
            s.proofs[p.round] = signature; // unverified until the session's rounds are done
            s.outstanding = null;
            s.nextRound = p.round + 1;
            s.replyBudget = requestBytes;
            more = !s.allRoundsAnswered();
        }
        if (more) {
            issueChallenge(s);
        } else {
            // Proofs are checked once all rounds are timed: verifying while the device still
            // answers would compete for CPU with the receive thread and delay the next timestamp.
            submit(() -> verifyAll(s));
        }
    }

    private void onNext(InetSocketAddress source, SessionId id, int requestBytes) {
        Session s = sessions.get(id);
        if (s == null) {
            reject(source, RejectReason.UNKNOWN_SESSION, "session is unknown or expired", id, 0);
            return;
        }
        if (!s.address.equals(source)) {
            reject(source, RejectReason.ADDRESS_MISMATCH, "session belongs to " + s.address, id, 0);
            return;
        }
        byte[] resend = null;
        boolean reissue = false;
        synchronized (s) {
            s.replyBudget = requestBytes; // the latest request is the one to answer
            switch (s.state) {
                case COMPLETE, FAILED -> resend = takeFinalDatagram(s);
                case VERIFYING_CERTIFICATE -> {}
                case ACTIVE -> {
                    if (s.allRoundsAnswered() && s.outstanding == null) {
                        // proofs are being verified: the receipt (or REJECT) goes out within this budget
                    } else if (++s.retries > config.maxRetriesPerSession()) {
                        fail(
                                s,
                                RejectReason.RETRY_LIMIT,
                                "session asked again more than " + config.maxRetriesPerSession() + " times");
                        resend = takeFinalDatagram(s);
                    } else if (s.outstanding == null) {
                        reissue = true; // the last answer expired or was refused
                    } else if (s.outstanding.cancel()) {
                        s.outstanding = null;
                        reissue = true;
                    }
                }
            }
        }
        if (resend != null) {
            send(resend, s.address);
        }
        if (reissue) {
            issueChallenge(s);
        }
    }

    /**
     * The session's final datagram when it fits the reply budget of the request being answered
     * (which it then uses up), else null: a receipt waits for a NEXT padded to hold it. Caller
     * holds the session monitor.
     */
    private byte[] takeFinalDatagram(Session s) {
        if (s.finalDatagram == null) {
            return null;
        }
        if (s.finalDatagram.length > s.replyBudget) {
            if (s.replyBudget > 0) {
                stats.repliesWithheld.increment();
            }
            return null;
        }
        s.replyBudget = 0;
        return s.finalDatagram;
    }

    // ---------------------------------------------------------------- verifier threads

    private void admit(Session s, byte[] certificateDer) {
        byte[] answer;
        Decoded<DeviceIdentity> d = identify(certificateDer);
        if (d instanceof Decoded.Rejected<DeviceIdentity> r) {
            synchronized (s) {
                recordRejection(s.address, r.reason(), r.detail(), s.id);
                fail(s, r.reason(), r.detail());
                answer = takeFinalDatagram(s);
            }
            sendIfAny(answer, s.address);
            return;
        }
        DeviceIdentity device = ((Decoded.Accepted<DeviceIdentity>) d).value();
        SignatureVerifier verifier;
        try {
            verifier = SignatureVerifier.of(device.certificate().getPublicKey());
        } catch (IllegalArgumentException e) {
            synchronized (s) {
                recordRejection(s.address, RejectReason.INVALID_CERTIFICATE, e.getMessage(), s.id);
                fail(s, RejectReason.INVALID_CERTIFICATE, e.getMessage());
                answer = takeFinalDatagram(s);
            }
            sendIfAny(answer, s.address);
            return;
        }
        synchronized (s) {
            if (s.state != Session.State.VERIFYING_CERTIFICATE) {
                return;
            }
            s.device = device;
            s.verifier = verifier;
            s.state = Session.State.ACTIVE;
        }
        stats.sessionsOpened.increment();
        issueChallenge(s);
    }

    /**
     * A device certificate, or (when peers are accepted) another landmark's certificate: the peer
     * answers under {@link PeerReceipts#asPeer} so its receipt names it as the answering party.
     */
    private Decoded<DeviceIdentity> identify(byte[] certificateDer) {
        if (config.acceptPeers()) {
            X509Certificate cert;
            try {
                cert = Certificates.parse(certificateDer);
            } catch (IllegalArgumentException e) {
                return new Decoded.Rejected<>(RejectReason.INVALID_CERTIFICATE, e.getMessage());
            }
            if (Certificates.hasPurpose(cert, LocusOids.LANDMARK_IDENTITY)) {
                Decoded<LandmarkIdentity> peer = config.identities().verifyLandmark(cert);
                if (peer instanceof Decoded.Rejected<LandmarkIdentity> r) {
                    return new Decoded.Rejected<>(r.reason(), r.detail());
                }
                LandmarkIdentity p = ((Decoded.Accepted<LandmarkIdentity>) peer).value();
                if (p.id().equals(identity.id())) {
                    return new Decoded.Rejected<>(
                            RejectReason.INVALID_CERTIFICATE, "landmark " + p.id() + " cannot measure itself");
                }
                return new Decoded.Accepted<>(PeerReceipts.asPeer(p));
            }
        }
        return config.identities().verifyDevice(certificateDer);
    }

    private void verifyAll(Session s) {
        DeviceIdentity device;
        SignatureVerifier verifier;
        synchronized (s) {
            if (s.state != Session.State.ACTIVE) {
                return;
            }
            device = s.device;
            verifier = s.verifier;
        }
        int badRound = -1;
        for (int round = 0; round < s.rounds && badRound < 0; round++) {
            byte[] proof = ProofMessage.of(s.id, round, s.nonces[round], identity.id(), device.fingerprint());
            if (verifier.verify(proof, s.proofs[round])) {
                stats.roundsVerified.increment();
            } else {
                badRound = round;
            }
        }
        byte[] finalDatagram;
        synchronized (s) {
            if (s.state != Session.State.ACTIVE) {
                return;
            }
            if (badRound >= 0) {
                String detail = "proof of round " + badRound + " is not a valid " + verifier.algorithm()
                        + " signature of device " + device.serial();
                recordRejection(s.address, RejectReason.BAD_SIGNATURE, detail, s.id);
                fail(s, RejectReason.BAD_SIGNATURE, detail);
            } else {
                s.verifiedRounds = s.rounds;
                complete(s);
            }
            finalDatagram = takeFinalDatagram(s); // a receipt usually waits for the agent's padded NEXT
        }
        sendIfAny(finalDatagram, s.address);
    }

    /** Builds and signs the receipt; caller holds the session monitor. */
    private byte[] complete(Session s) {
        int min = 0;
        List<Long> samples = new ArrayList<>(s.rounds);
        for (int i = 0; i < s.rounds; i++) {
            samples.add(s.rttNanos[i]);
            if (s.rttNanos[i] < s.rttNanos[min]) {
                min = i;
            }
        }
        Receipt receipt = Receipt.of(
                identity,
                s.device.serial(),
                s.device.model(),
                s.device.fingerprint(),
                s.id,
                min,
                s.nonces[min],
                samples,
                s.sentAt[min],
                config.wallClock().instant(),
                s.proofs[min]);
        SignedReceipt signed = SignedReceipt.sign(receipt, config.key());
        s.finalDatagram = MessageCodec.encode(new Message.ReceiptMessage(s.id, signed.encoded(), certificateDer));
        s.state = Session.State.COMPLETE;
        finish(s);
        stats.receiptsIssued.increment();
        return s.finalDatagram;
    }

    /** Ends the session with a REJECT; caller holds the session monitor. */
    private void fail(Session s, RejectReason reason, String detail) {
        s.state = Session.State.FAILED;
        if (s.outstanding != null) {
            s.outstanding.cancel();
            s.outstanding = null;
        }
        s.finalDatagram = MessageCodec.encode(new Message.Reject(s.id, reason, detail));
        finish(s);
    }

    /** Releases the session's slot; caller holds the session monitor. */
    private void finish(Session s) {
        s.finishedNanos = config.nanoClock().getAsLong();
        if (!s.slotReleased) {
            s.slotReleased = true;
            activeSessions.decrementAndGet();
            AtomicInteger c = sessionsPerSource.get(s.address.getAddress());
            if (c != null && c.decrementAndGet() <= 0) {
                sessionsPerSource.remove(s.address.getAddress(), c);
            }
        }
    }

    // ---------------------------------------------------------------- shared

    private void issueChallenge(Session s) {
        Nonce nonce = Nonce.random(config.random());
        Instant sentAt = config.wallClock().instant();
        PendingChallenge p;
        synchronized (s) {
            if (s.state != Session.State.ACTIVE || s.outstanding != null || s.allRoundsAnswered()) {
                return;
            }
            if (s.replyBudget < challengeBytes) {
                stats.repliesWithheld.increment(); // the agent asks again with a padded NEXT
                return;
            }
            s.replyBudget = 0;
            p = new PendingChallenge(nonce, s, s.nextRound, sentAt);
            s.outstanding = p;
        }
        ByteBuffer out = sendBuffers.get();
        out.clear();
        MessageCodec.encode(new Message.Challenge(s.id, p.round, nonce, identity.id()), out);
        out.flip();
        nonces.put(nonce, p);
        p.sentNanos = config.nanoClock().getAsLong();
        try {
            channel.send(out, s.address);
            stats.challengesSent.increment();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot send challenge to " + s.address, e);
        }
    }

    private void sendIfAny(byte[] datagram, InetSocketAddress to) {
        if (datagram != null) {
            send(datagram, to);
        }
    }

    /** Sends a reply to a request of {@code requestBytes} unless it would be larger (then counts it as withheld). */
    private void sendWithin(byte[] datagram, InetSocketAddress to, int requestBytes) {
        if (datagram.length > requestBytes) {
            stats.repliesWithheld.increment();
            return;
        }
        send(datagram, to);
    }

    private void send(byte[] datagram, InetSocketAddress to) {
        try {
            channel.send(ByteBuffer.wrap(datagram), to);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot send to " + to, e);
        }
    }

    private void submit(Runnable task) {
        try {
            verifiers.execute(task);
        } catch (RejectedExecutionException e) {
            if (running) {
                throw e;
            }
        }
    }

    /** Refuses a new session because {@code holder} (the landmark, or the source) holds {@code max} already. */
    private void rejectSessionLimit(
            InetSocketAddress source, String holder, int max, Message.Hello hello, int replyBudget) {
        reject(
                source,
                RejectReason.SESSION_LIMIT,
                holder + " holds its maximum of " + max + " sessions",
                hello.sessionId(),
                replyBudget);
    }

    /** Records a rejection and, when {@code replyBudget} > 0, answers it with a REJECT no larger than that. */
    private void reject(
            InetSocketAddress source, RejectReason reason, String detail, SessionId session, int replyBudget) {
        recordRejection(source, reason, detail, session);
        if (replyBudget > 0 && session != null) {
            sendWithin(MessageCodec.encode(new Message.Reject(session, reason, detail)), source, replyBudget);
        }
    }

    private void recordRejection(InetSocketAddress source, RejectReason reason, String detail, SessionId session) {
        stats.rejected(reason);
        try {
            config.rejections()
                    .rejected(new Rejection(
                            config.wallClock().instant(), source, reason, detail, Optional.ofNullable(session)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "rejection listener failed", e);
        }
    }

    /** Forgets spent nonces, drops sessions past their lifetime, trims idle rate-limit buckets. */
    private void sweep() {
        try {
            long now = config.nanoClock().getAsLong();
            // keep spent nonces one extra lifetime so late replays are named REPLAYED, not UNKNOWN
            nonces.values().removeIf(p -> now - p.sentNanos > 2 * nonceLifetimeNanos);
            for (Session s : sessions.values()) {
                boolean expired = false;
                boolean forget;
                synchronized (s) {
                    boolean unfinished =
                            s.state == Session.State.ACTIVE || s.state == Session.State.VERIFYING_CERTIFICATE;
                    if (unfinished && now - s.createdNanos > sessionLifetimeNanos) {
                        fail(
                                s,
                                RejectReason.SESSION_EXPIRED,
                                "session lasted over "
                                        + config.sessionLifetime().toSeconds() + " s");
                        expired = true;
                    }
                    forget = !unfinished && now - s.finishedNanos > 2 * nonceLifetimeNanos;
                }
                if (expired) {
                    recordRejection(
                            s.address,
                            RejectReason.SESSION_EXPIRED,
                            "session lasted over " + config.sessionLifetime().toSeconds() + " s",
                            s.id);
                }
                if (forget) {
                    sessions.remove(s.id, s);
                }
            }
            limiter.sweep(now);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "landmark sweep failed", e);
        }
    }

    /** Stops receiving, finishes queued verifications, closes the socket. Idempotent. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing landmark socket failed", e);
        }
        sweeper.shutdownNow();
        verifiers.shutdown();
        try {
            if (!verifiers.awaitTermination(2, TimeUnit.SECONDS)) {
                verifiers.shutdownNow();
            }
            ioThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
