package dev.locus.server.tls;

import dev.locus.server.LocusServerException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How the API is served: over TLS with a certificate, or in plain HTTP. Plain HTTP is for loopback
 * (tests, local use); on any other address it is refused unless explicitly forced, because bearer
 * tokens would cross the network in clear.
 */
public sealed interface ApiTransport {

    /** Plain HTTP on loopback only (the default for a loopback bind). */
    static ApiTransport plainLoopbackOnly() {
        return new Plain(false);
    }

    /** Plain HTTP on any address ({@code --insecure-http}): logged as a warning at start. */
    static ApiTransport plainForced() {
        return new Plain(true);
    }

    /** TLS 1.3/1.2 with this certificate and key. */
    static ApiTransport tls(TlsCredentials credentials) {
        return new Tls(credentials);
    }

    /** {@code https} or {@code http}. */
    default String scheme() {
        return switch (this) {
            case Plain plain -> "http";
            case Tls tls -> "https";
        };
    }

    /**
     * Checks that this transport may listen on {@code bindAddress}: TLS anywhere, plain HTTP on
     * loopback unless forced.
     *
     * @throws LocusServerException when plain HTTP is asked on an address that is not loopback
     *     without being forced
     */
    default void checkBind(String bindAddress) {
        if (this instanceof Plain(boolean anyAddress) && !anyAddress && !isLoopback(bindAddress)) {
            throw new LocusServerException("refusing to serve the API in plain HTTP on " + bindAddress
                    + ": bearer tokens would cross the network unencrypted. Give --tls-cert FILE --tls-key FILE"
                    + " (or --tls-self-signed), bind 127.0.0.1, or force it knowingly with --insecure-http");
        }
    }

    /**
     * Plain HTTP.
     *
     * @param anyAddress whether a non-loopback bind was explicitly forced
     */
    record Plain(boolean anyAddress) implements ApiTransport {}

    /** TLS with a certificate chain and key. */
    record Tls(TlsCredentials credentials) implements ApiTransport {}

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
