package dev.locus.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /api/v1/tokens}: a new bearer token's name, role and, for {@code LANDMARK}
 * and {@code AGENT} tokens, the landmark id or chip serial it is bound to.
 *
 * @param name what the token is for, e.g. {@code agent SN1} (1-100 characters)
 * @param role the token's role
 * @param boundSubject the bound landmark id or chip serial; empty for people's tokens (then omitted)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TokenRequest(String name, RegistryValues.Role role, String boundSubject) {

    /** A token for a device (landmark or agent) bound to {@code subject}. */
    public static TokenRequest bound(String name, RegistryValues.Role role, String subject) {
        if (subject.isBlank()) {
            throw new IllegalArgumentException("bound_subject must name a landmark id or chip serial, got ''");
        }
        return new TokenRequest(name, role, subject);
    }

    /** A token for a person or tool, bound to nothing. */
    public static TokenRequest unbound(String name, RegistryValues.Role role) {
        return new TokenRequest(name, role, "");
    }
}
