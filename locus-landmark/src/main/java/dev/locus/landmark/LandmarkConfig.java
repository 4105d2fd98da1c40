package dev.locus.landmark;

import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.identity.LandmarkKey;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Everything a {@link LandmarkServer} needs. Build with {@link #builder(LandmarkKey,
 * IdentityVerifier)}; defaults suit one landmark serving a few hundred devices.
 *
 * @param key the landmark's certified key (id, position, receipt signing)
 * @param identities checks device certificates against the CA and revocation list
 * @param bindAddress UDP address to listen on
 * @param nonceLifetime how long a challenge may be answered
 * @param sessionLifetime how long a measurement session may last before it is dropped
 * @param maxSessions most concurrent sessions
 * @param maxSessionsPerSource most concurrent sessions from one IP address
 * @param rateLimitPerSource the token bucket each IP address gets
 * @param maxRetriesPerSession most NEXT requests per session
 * @param verifierThreads threads that check proofs and sign receipts, off the timed path
 * @param wallClock wall clock for receipts and certificate validity
 * @param nanoClock monotonic clock for round trips, in nanoseconds
 * @param random source of nonces
 * @param rejections receives every rejection
 * @param acceptPeers whether other landmarks (a landmark certificate in HELLO) may be measured like
 *     devices, for the mesh audit's peer round trips
 * @param cookieSlot time slot of the stateless HELLO cookies: a cookie is accepted for one to two
 *     slots, and each slot's secret is forgotten after that (ADR 0010)
 */
public record LandmarkConfig(
        LandmarkKey key,
        IdentityVerifier identities,
        InetSocketAddress bindAddress,
        Duration nonceLifetime,
        Duration sessionLifetime,
        int maxSessions,
        int maxSessionsPerSource,
        SourceRateLimit rateLimitPerSource,
        int maxRetriesPerSession,
        int verifierThreads,
        InstantSource wallClock,
        LongSupplier nanoClock,
        SecureRandom random,
        RejectionListener rejections,
        boolean acceptPeers,
        Duration cookieSlot) {

    public LandmarkConfig {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(bindAddress, "bindAddress");
        positive("nonceLifetime", nonceLifetime);
        positive("sessionLifetime", sessionLifetime);
        atLeastOne("maxSessions", maxSessions);
        atLeastOne("maxSessionsPerSource", maxSessionsPerSource);
        Objects.requireNonNull(rateLimitPerSource, "rateLimitPerSource");
        if (maxRetriesPerSession < 0) {
            throw new IllegalArgumentException("maxRetriesPerSession must be >= 0, got " + maxRetriesPerSession);
        }
        atLeastOne("verifierThreads", verifierThreads);
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(rejections, "rejections");
        positive("cookieSlot", cookieSlot);
    }

    /**
     * The token bucket of one source IP address.
     *
     * @param packetsPerSecond sustained datagram rate
     * @param burst datagrams allowed at once
     */
    public record SourceRateLimit(double packetsPerSecond, double burst) {
        public SourceRateLimit {
            if (!(packetsPerSecond > 0) || !(burst >= 1)) {
                throw new IllegalArgumentException("packetsPerSecondPerSource must be > 0 and burstPerSource >= 1, got "
                        + packetsPerSecond + " and " + burst);
            }
        }
    }

    private static void positive(String field, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + d);
        }
    }

    private static void atLeastOne(String field, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + v);
        }
    }

    /**
     * NIST SP 800-90A Hash_DRBG (SHA-256) seeded by the OS: unpredictable nonces without a system
     * call per nonce (NativePRNG reads /dev/urandom under a lock).
     */
    static SecureRandom defaultRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    public static Builder builder(LandmarkKey key, IdentityVerifier identities) {
        return new Builder(key, identities);
    }

    /** Builder with production defaults. Not thread-safe. */
    public static final class Builder {
        private final LandmarkKey key;
        private final IdentityVerifier identities;
        private InetSocketAddress bindAddress = new InetSocketAddress("127.0.0.1", 0);
        private Duration nonceLifetime = Duration.ofSeconds(2);
        private Duration sessionLifetime = Duration.ofSeconds(60);
        private int maxSessions = 10_000;
        private int maxSessionsPerSource = 256;
        private SourceRateLimit rateLimitPerSource = new SourceRateLimit(5_000, 1_000);
        private int maxRetriesPerSession = 16;
        private int verifierThreads = 1;
        private InstantSource wallClock = InstantSource.system();
        private LongSupplier nanoClock = System::nanoTime;
        private SecureRandom random = defaultRandom();
        private RejectionListener rejections = RejectionListener.none();
        private boolean acceptPeers = false;
        private Duration cookieSlot = Duration.ofSeconds(30);

        private Builder(LandmarkKey key, IdentityVerifier identities) {
            this.key = key;
            this.identities = identities;
        }

        public Builder bindAddress(InetSocketAddress v) {
            bindAddress = v;
            return this;
        }

        public Builder nonceLifetime(Duration v) {
            nonceLifetime = v;
            return this;
        }

        public Builder sessionLifetime(Duration v) {
            sessionLifetime = v;
            return this;
        }

        public Builder maxSessions(int v) {
            maxSessions = v;
            return this;
        }

        public Builder maxSessionsPerSource(int v) {
            maxSessionsPerSource = v;
            return this;
        }

        /** @throws IllegalArgumentException unless the rate is > 0 and the burst >= 1 */
        public Builder rateLimit(double packetsPerSecond, double burst) {
            rateLimitPerSource = new SourceRateLimit(packetsPerSecond, burst);
            return this;
        }

        public Builder maxRetriesPerSession(int v) {
            maxRetriesPerSession = v;
            return this;
        }

        public Builder verifierThreads(int v) {
            verifierThreads = v;
            return this;
        }

        public Builder wallClock(InstantSource v) {
            wallClock = v;
            return this;
        }

        public Builder nanoClock(LongSupplier v) {
            nanoClock = v;
            return this;
        }

        public Builder random(SecureRandom v) {
            random = v;
            return this;
        }

        public Builder rejections(RejectionListener v) {
            rejections = v;
            return this;
        }

        /** Lets peer landmarks open sessions (default: devices only). */
        public Builder acceptPeers(boolean v) {
            acceptPeers = v;
            return this;
        }

        public Builder cookieSlot(Duration v) {
            cookieSlot = v;
            return this;
        }

        public LandmarkConfig build() {
            return new LandmarkConfig(
                    key,
                    identities,
                    bindAddress,
                    nonceLifetime,
                    sessionLifetime,
                    maxSessions,
                    maxSessionsPerSource,
                    rateLimitPerSource,
                    maxRetriesPerSession,
                    verifierThreads,
                    wallClock,
                    nanoClock,
                    random,
                    rejections,
                    acceptPeers,
                    cookieSlot);
        }
    }
}
