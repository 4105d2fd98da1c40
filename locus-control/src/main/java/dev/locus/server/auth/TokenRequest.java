package dev.locus.server.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token is asked to be: its name, its role, the landmark id or chip serial it is bound to
 * (required for {@link Role#LANDMARK} and {@link Role#AGENT}, refused for the others), and when it
 * stops authenticating (never, when empty). {@link TokenService#issue} checks it. Immutable.
 */
public record TokenRequest(String name, Role role, Optional<String> boundSubject, Optional<Instant> expiresAt) {
    public TokenRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(boundSubject, "boundSubject");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A token of {@code role} bound to nothing, that does not expire. */
    public static TokenRequest unbound(String name, Role role) {
        return new TokenRequest(name, role, Optional.empty(), Optional.empty());
    }

    /** A token of {@code role} bound to {@code subject}, that does not expire. */
    public static TokenRequest boundTo(String name, Role role, String subject) {
        return new TokenRequest(name, role, Optional.of(subject), Optional.empty());
    }

    /** This request, expiring at {@code at}. */
    public TokenRequest expiringAt(Instant at) {
        return new TokenRequest(name, role, boundSubject, Optional.of(at));
    }
}
