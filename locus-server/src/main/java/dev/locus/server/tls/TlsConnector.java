package dev.locus.server.tls;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The Jetty connector that serves the API over TLS 1.3 or 1.2 only (no plaintext port beside it).
 * Clients check the certificate (CA or pin); the server asks for no client certificate and does not
 * insist that SNI names the certificate, so clients may connect by IP address with a pin.
 */
public final class TlsConnector {
    private TlsConnector() {}

    /** A TLS connector on {@code host:port} (port 0: any free one) for {@code server}. */
    public static Connector create(
            Server server, HttpConfiguration base, TlsCredentials credentials, String host, int port) {
        char[] password =
                HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(credentials.keyStore(password));
        ssl.setKeyStorePassword(new String(password));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(base);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(
                server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
