package dev.locus.server.auth;

import dev.locus.server.common.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * What is wrong with the request on its own: a name that is blank or over 100 characters, a
     * binding missing for a bound role or given for another (the expiry is checked against the
     * clock, and the bound subject against the registry, when the token is issued).
     */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isBlank() || name.length() > 100) {
            problems.add(new FieldProblem(0, "name", name, "must be 1 to 100 characters"));
        }
        if (role.bound() && boundSubject.isEmpty()) {
            problems.add(new FieldProblem(
                    0,
                    "bound_subject",
                    "",
                    "is required for role " + role + " (the landmark id or chip serial the token may submit for)"));
        }
        if (!role.bound() && boundSubject.isPresent()) {
            problems.add(new FieldProblem(
                    0, "bound_subject", boundSubject.get(), "is only allowed for roles LANDMARK and AGENT"));
        }
        return problems;
    }

    /** This request, expiring at {@code at}. */
    public TokenRequest expiringAt(Instant at) {
        return new TokenRequest(name, role, boundSubject, Optional.of(at));
    }
}
