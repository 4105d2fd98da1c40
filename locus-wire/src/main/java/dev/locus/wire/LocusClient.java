package dev.locus.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The one HTTP client of the control plane's API, used by the CLI, agents, landmarks, the demo and
 * tests: a bearer token on every request, JSON bodies, connect and request timeouts, and TLS 1.3 or
 * 1.2 verified by a {@link ServerTrust} (system store, CA file or pinned certificate).
 *
 * <p>An {@code https} server URL is never downgraded to plain HTTP. A plain {@code http} URL is
 * allowed to loopback hosts (tests, local use); to any other host it is refused unless {@link
 * Builder#insecureHttp(boolean)} forces it, since the bearer token would cross the network in clear.
 *
 * <p>Thread-safe; {@link #withToken(String)} makes a cheap view that shares the connection pool.
 */
public final class LocusClient {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final HttpClient http;
    private final URI base;
    private final Supplier<String> token;
    private final Duration requestTimeout;

    private LocusClient(HttpClient http, URI base, Supplier<String> token, Duration requestTimeout) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.requestTimeout = requestTimeout;
    }

    /**
     * A builder for a client of the API at {@code baseUrl}, e.g. {@code https://cp.example:8443}.
     *
     * @throws LocusWireException when the URL is not an absolute http(s) URL
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** The same client (connections, trust) sending another bearer token. */
    public LocusClient withToken(String bearerToken) {
        Objects.requireNonNull(bearerToken, "bearerToken");
        return new LocusClient(http, base, () -> bearerToken, requestTimeout);
    }

    /** The server's base URL, without a trailing slash. */
    public URI base() {
        return base;
    }

    /** An answer as it came: HTTP status and body text. */
    public record Reply(int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The API's error body, when the reply is one. */
        public Optional<ApiError> error() {
            return ok() ? Optional.empty() : ApiError.parse(body);
        }
    }

    /** GET {@code path}; answers any HTTP status. @throws LocusConnectionException when unreachable */
    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** POST a body of the given content type; answers any HTTP status. */
    public Reply post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** DELETE {@code path}; answers any HTTP status. */
    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /**
     * GET {@code path} and answer the body of a success as it came (JSON, CSV, HTML).
     *
     * @throws LocusApiException when the server answers an error
     * @throws LocusConnectionException when it cannot be reached or its certificate is not trusted
     */
    public String getText(String path) {
        return success("GET", path, get(path)).body();
    }

    /**
     * GET {@code path} and answer the body of a success as bytes (a PDF, an archive).
     *
     * @throws LocusApiException when the server answers an error
     * @throws LocusConnectionException when it cannot be reached or its certificate is not trusted
     */
    public byte[] getBytes(String path) {
        HttpResponse<byte[]> res = exchange(HttpRequest.newBuilder(uri(path)).GET());
        success(
                "GET",
                path,
                new Reply(
                        res.statusCode(),
                        res.statusCode() / 100 == 2 ? "" : new String(res.body(), StandardCharsets.UTF_8)));
        return res.body();
    }

    /**
     * GET {@code path} and copy the body of a success to {@code out} as it arrives, never holding
     * all of it (an export of the whole fleet). Answers the number of bytes copied; {@code out} is
     * not closed.
     *
     * @throws LocusApiException when the server answers an error
     * @throws LocusConnectionException when it cannot be reached, or the body breaks off
     */
    public long getTo(String path, java.io.OutputStream out) {
        HttpResponse<java.io.InputStream> res =
                exchange(HttpRequest.newBuilder(uri(path)).GET(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = res.body()) {
            if (res.statusCode() / 100 != 2) {
                success(
                        "GET",
                        path,
                        new Reply(res.statusCode(), new String(in.readNBytes(65_536), StandardCharsets.UTF_8)));
            }
            return in.transferTo(out);
        } catch (IOException e) {
            throw new LocusConnectionException("GET " + base + path + " broke off: " + e.getMessage(), e);
        }
    }

    /**
     * POST a body of the given content type and answer the body of a success as it came.
     *
     * @throws LocusApiException when the server answers an error
     * @throws LocusConnectionException when it cannot be reached or its certificate is not trusted
     */
    public String postText(String path, String contentType, String body) {
        return success("POST", path, post(path, contentType, body)).body();
    }

    /**
     * DELETE {@code path}, expecting a success.
     *
     * @throws LocusApiException when the server answers an error
     * @throws LocusConnectionException when it cannot be reached or its certificate is not trusted
     */
    public void deleteOk(String path) {
        success("DELETE", path, delete(path));
    }

    /**
     * GET {@code path} and read the JSON answer.
     *
     * @throws LocusApiException when the server answers an error
     * @throws LocusConnectionException when it cannot be reached or its certificate is not trusted
     */
    public JsonNode getJson(String path) {
        return json("GET", path, get(path));
    }

    /**
     * POST {@code body} as JSON (records and maps in the API's snake_case form) and read the answer.
     *
     * @throws LocusApiException when the server answers an error
     * @throws LocusConnectionException when it cannot be reached or its certificate is not trusted
     */
    public JsonNode postJson(String path, Object body) {
        String text;
        try {
            text = WireJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new LocusWireException("cannot write the body of POST " + path + " as JSON: " + e.getMessage(), e);
        }
        return json("POST", path, post(path, "application/json", text));
    }

    /**
     * POST {@code body} as JSON and read the answer as {@code type} (a wire record).
     *
     * @throws LocusApiException when the server answers an error
     * @throws LocusConnectionException when it cannot be reached or its certificate is not trusted
     */
    public <T> T postJson(String path, Object body, Class<T> type) {
        JsonNode answer = postJson(path, body);
        try {
            return WireJson.mapper().treeToValue(answer, type);
        } catch (JsonProcessingException e) {
            throw new LocusWireException(
                    "POST " + path + " answered JSON that is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Submits receipts ({@code POST /api/v1/receipts}); each is accepted or rejected with its reason. */
    public IngestSummary submitReceipts(java.util.List<ReceiptSubmission> receipts) {
        return postJson("/api/v1/receipts", receipts, IngestSummary.class);
    }

    /** Submits peer round trips ({@code POST /api/v1/landmark-round-trips}). */
    public IngestSummary submitPeerRoundTrips(java.util.List<PeerRoundTripSubmission> roundTrips) {
        return postJson("/api/v1/landmark-round-trips", roundTrips, IngestSummary.class);
    }

    /**
     * Reads the server's screening lists again from their folder ({@code POST
     * /api/v1/screening/lists/reload}, needs an ADMIN token): each list's change and the hits that
     * changed.
     */
    public JsonNode reloadScreeningLists() {
        return json(
                "POST",
                "/api/v1/screening/lists/reload",
                post("/api/v1/screening/lists/reload", "application/json", "{}"));
    }

    /** Issues a token ({@code POST /api/v1/tokens}, needs an ADMIN token). */
    public IssuedToken issueToken(TokenRequest request) {
        return postJson("/api/v1/tokens", request, IssuedToken.class);
    }

    /** The reply when it is a success; else the server's error, naming the request and the server. */
    private Reply success(String method, String path, Reply reply) {
        if (!reply.ok()) {
            throw new LocusApiException(
                    method + " " + base + path,
                    reply.status(),
                    ApiError.parse(reply.body())
                            .orElse(new ApiError(
                                    "HTTP_" + reply.status(), abbreviate(reply.body()), java.util.List.of())));
        }
        return reply;
    }

    private JsonNode json(String method, String path, Reply answer) {
        Reply reply = success(method, path, answer);
        String request = method + " " + path;
        try {
            return reply.body().isEmpty()
                    ? WireJson.mapper().createObjectNode()
                    : WireJson.mapper().readTree(reply.body());
        } catch (IOException e) {
            throw new LocusWireException(
                    request + " answered something that is not JSON: " + abbreviate(reply.body()), e);
        }
    }

    private URI uri(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("API path must start with '/', got '" + path + "'");
        }
        return URI.create(base + path);
    }

    private Reply send(HttpRequest.Builder request) {
        HttpResponse<byte[]> res = exchange(request);
        return new Reply(res.statusCode(), new String(res.body(), StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> exchange(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        HttpRequest r = request.header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json")
                .timeout(requestTimeout)
                .build();
        try {
            return http.send(r, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocusConnectionException(r.method() + " " + r.uri() + " was interrupted", e);
        } catch (IOException e) {
            throw new LocusConnectionException(explain(r, e), e);
        }
    }

    /** A message that says which server, and why: refused connection, timeout, or untrusted TLS. */
    private String explain(HttpRequest r, IOException e) {
        String where = r.method() + " " + r.uri();
        Optional<Throwable> tls = causes(e, SSLException.class);
        if (tls.isPresent()) {
            Throwable root = tls.get();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return where + ": TLS handshake failed, the server was not trusted or does not speak TLS 1.2/1.3: "
                    + root.getMessage() + " (check --pin / --ca-cert against the fingerprint the server printed)";
        }
        if (causes(e, HttpConnectTimeoutException.class).isPresent()
                || causes(e, ConnectException.class).isPresent()) {
            return where + ": cannot reach the control plane at " + base + " (is ./locus server running?): "
                    + e.getMessage();
        }
        if (e instanceof HttpTimeoutException) {
            return where + ": no answer within " + requestTimeout.toSeconds() + " s";
        }
        return where + " failed: " + e;
    }

    private static Optional<Throwable> causes(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (kind.isInstance(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        String b = s.strip();
        return b.length() > 300 ? b.substring(0, 300) + "..." : b;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final URI base;
        private Supplier<String> token = () -> {
            throw new LocusWireException("no bearer token configured for the Locus API client");
        };
        private ServerTrust trust = ServerTrust.system();
        private boolean trustGiven;
        private boolean insecureHttp;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(2);

        private Builder(String baseUrl) {
            URI u;
            try {
                u = URI.create(baseUrl.strip().replaceAll("/+$", ""));
            } catch (IllegalArgumentException e) {
                throw new LocusWireException("server URL '" + baseUrl + "' is not a URL: " + e.getMessage(), e);
            }
            String scheme = Optional.ofNullable(u.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null) {
                throw new LocusWireException(
                        "server URL must be https://host:port (or http:// on loopback), got '" + baseUrl + "'");
            }
            this.base = u;
        }

        /** A fixed bearer token. */
        public Builder token(String bearerToken) {
            Objects.requireNonNull(bearerToken, "bearerToken");
            this.token = () -> bearerToken;
            return this;
        }

        /** A token read at each request (e.g. from a file or the environment). */
        public Builder token(Supplier<String> bearerToken) {
            this.token = Objects.requireNonNull(bearerToken, "bearerToken");
            return this;
        }

        /** How the server's certificate is checked (default: the system trust store). */
        public Builder trust(ServerTrust t) {
            this.trust = Objects.requireNonNull(t, "trust");
            this.trustGiven = !(t instanceof ServerTrust.SystemStore);
            return this;
        }

        /** Allows plain {@code http} to a host that is not loopback (the token crosses in clear). */
        public Builder insecureHttp(boolean allow) {
            this.insecureHttp = allow;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connect timeout");
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive(d, "request timeout");
            return this;
        }

        /**
         * @throws LocusWireException when a CA or pin is given for a plain http URL, or plain http
         *     is asked of a host that is not loopback without {@link #insecureHttp(boolean)}
         */
        public LocusClient build() {
            HttpClient.Builder b =
                    HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
            if (base.getScheme().equalsIgnoreCase("https")) {
                SSLParameters params = new SSLParameters();
                params.setProtocols(PROTOCOLS);
                b.sslContext(trust.sslContext()).sslParameters(params);
            } else if (trustGiven) {
                throw new LocusWireException("--pin / --ca-cert (" + trust.describe()
                        + ") need an https:// server URL, got " + base + "; plain HTTP has no certificate to check");
            } else if (!insecureHttp && !isLoopback(base.getHost())) {
                throw new LocusWireException(
                        "refusing plain HTTP to " + base + ": the bearer token would cross the"
                                + " network unencrypted. Use https:// (the server's --tls-cert) or, knowingly, --insecure-http");
            }
            return new LocusClient(b.build(), base, token, requestTimeout);
        }

        private static boolean isLoopback(String host) {
            try {
                String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be > 0, got " + d);
            }
            return d;
        }
    }
}
