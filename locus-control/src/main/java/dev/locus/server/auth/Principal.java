package dev.locus.server.auth;

import java.util.Optional;

/**
 * An authenticated caller.
 *
 * @param tokenId public identifier of the token (not the secret)
 * @param name who holds it, as recorded in the audit log
 * @param boundSubject for LANDMARK the landmark id, for AGENT the chip serial
 */
public record Principal(String tokenId, String name, Role role, Optional<String> boundSubject) {

    /** The name written to the audit log: {@code name (token id)}. */
    public String actor() {
        return name + " (" + tokenId + ")";
    }
}
