package dev.locus.server.auth;

/**
 * A freshly issued token. {@code secret} is shown once and stored only as a hash; never log it.
 *
 * @param principal whom it authenticates
 * @param secret the bearer token, {@code lct_<id>_<random>}
 */
public record IssuedToken(Principal principal, String secret) {
    @Override
    public String toString() {
        return "IssuedToken[" + principal + ", secret=***]";
    }
}
