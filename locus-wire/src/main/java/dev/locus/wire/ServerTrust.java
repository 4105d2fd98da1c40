package dev.locus.wire;

import dev.locus.protocol.identity.Certificates;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How a client decides to trust the control plane's TLS certificate: the system trust store (the
 * default), given CA certificates, or one pinned server certificate. Both CA modes also check the
 * host name; a pin names the exact certificate, so it needs no host name.
 */
public sealed interface ServerTrust {

    /** The SSL context that applies this trust (TLS 1.3 or 1.2 is enforced by the client). */
    SSLContext sslContext();

    /** A short description for messages, e.g. {@code pinned sha256:ab12...}. */
    String describe();

    /** The JVM's default trust store. */
    static ServerTrust system() {
        return new SystemStore();
    }

    /**
     * Trusts servers whose certificate chains to one of the CA certificates in a PEM file (a
     * self-signed server certificate may serve as its own CA).
     *
     * @throws LocusWireException when the file cannot be read or holds no certificate
     */
    static ServerTrust authorities(Path pemFile) {
        List<X509Certificate> cas;
        try {
            cas = Certificates.readAll(pemFile);
        } catch (IOException | CertificateException e) {
            throw new LocusWireException(
                    "--ca-cert " + pemFile + ": cannot read PEM certificates: " + e.getMessage(), e);
        }
        if (cas.isEmpty()) {
            throw new LocusWireException("--ca-cert " + pemFile + " holds no certificate");
        }
        return new Authorities(List.copyOf(cas), pemFile.toString());
    }

    /** Trusts exactly the server certificate with this SHA-256 fingerprint. */
    static ServerTrust pinned(CertificatePin pin) {
        return new Pinned(pin);
    }

    /** The system trust store. */
    record SystemStore() implements ServerTrust {
        @Override
        public SSLContext sslContext() {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new LocusWireException("the JVM has no default TLS context: " + e.getMessage(), e);
            }
        }

        @Override
        public String describe() {
            return "the system trust store";
        }
    }

    /** CA certificates from a file. */
    record Authorities(List<X509Certificate> cas, String source) implements ServerTrust {
        public Authorities {
            cas = List.copyOf(cas);
        }

        @Override
        public SSLContext sslContext() {
            try {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < cas.size(); i++) {
                    store.setCertificateEntry("ca-" + i, cas.get(i));
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(store);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                return ctx;
            } catch (GeneralSecurityException | IOException e) {
                throw new LocusWireException("cannot build a TLS context from " + source + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String describe() {
            return "the CA certificate(s) in " + source;
        }
    }

    /** One pinned server certificate. */
    record Pinned(CertificatePin pin) implements ServerTrust {
        @Override
        public SSLContext sslContext() {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new PinTrustManager(pin)}, null);
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new LocusWireException("cannot build a pinned TLS context: " + e.getMessage(), e);
            }
        }

        @Override
        public String describe() {
            return "pinned certificate " + pin;
        }
    }

    /** Accepts exactly the server certificate whose SHA-256 is the pin, while it is valid. */
    final class PinTrustManager extends X509ExtendedTrustManager {
        private final CertificatePin pin;

        PinTrustManager(CertificatePin pin) {
            this.pin = pin;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            if (!pin.matches(chain[0])) {
                throw new CertificateException("the server's certificate " + CertificatePin.of(chain[0])
                        + " does not match the pinned " + pin);
            }
            chain[0].checkValidity();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a Locus client does not accept client connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
