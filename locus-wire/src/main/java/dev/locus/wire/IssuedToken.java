package dev.locus.wire;

/**
 * The answer to {@code POST /api/v1/tokens}. The secret is shown once; keep it like a password and
 * never log it.
 *
 * @param id the token's id (for revocation)
 * @param name what the token is for
 * @param role its role
 * @param boundSubject the bound landmark id or chip serial; empty when unbound
 * @param token the bearer secret, {@code lct_<id>_<random>}
 */
public record IssuedToken(String id, String name, RegistryValues.Role role, String boundSubject, String token) {
    public IssuedToken {
        boundSubject = boundSubject == null ? "" : boundSubject;
    }

    @Override
    public String toString() {
        return "IssuedToken[" + id + ", " + name + ", " + role + ", token=***]";
    }
}
