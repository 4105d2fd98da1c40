package dev.locus.agent;

import dev.locus.protocol.identity.IdentityVerifier;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Settings of an {@link Agent}.
 *
 * @param answerTimeout how long to wait for the next datagram before asking again (NEXT)
 * @param maxRetries how many times to ask again before giving up
 * @param landmarkTrust when present, landmark certificates in receipts must chain to this CA
 * @param nanoClock monotonic clock for the device-work figures
 * @param random source of session ids
 */
public record AgentConfig(
        Duration answerTimeout,
        int maxRetries,
        Optional<IdentityVerifier> landmarkTrust,
        LongSupplier nanoClock,
        SecureRandom random) {
    public AgentConfig {
        if (answerTimeout.isNegative() || answerTimeout.isZero() || answerTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("answerTimeout must be positive, got " + answerTimeout);
        }
        if (maxRetries < 0 || maxRetries > 100) {
            throw new IllegalArgumentException("maxRetries must be in [0, 100], got " + maxRetries);
        }
        Objects.requireNonNull(landmarkTrust, "landmarkTrust");
        Objects.requireNonNull(nanoClock, "nanoClock");
        Objects.requireNonNull(random, "random");
    }

    /** One second per answer, 5 retries, no landmark trust check, system clock and randomness. */
    public static AgentConfig defaults() {
        return new AgentConfig(Duration.ofSeconds(1), 5, Optional.empty(), System::nanoTime, new SecureRandom());
    }

    public AgentConfig withLandmarkTrust(IdentityVerifier verifier) {
        return new AgentConfig(answerTimeout, maxRetries, Optional.of(verifier), nanoClock, random);
    }

    public AgentConfig withAnswerTimeout(Duration timeout) {
        return new AgentConfig(timeout, maxRetries, landmarkTrust, nanoClock, random);
    }

    public AgentConfig withMaxRetries(int retries) {
        return new AgentConfig(answerTimeout, retries, landmarkTrust, nanoClock, random);
    }
}
