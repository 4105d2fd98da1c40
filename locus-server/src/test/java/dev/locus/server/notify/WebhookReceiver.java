package dev.locus.server.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver as a customer would write one, on a real socket: it checks the signature over
 * timestamp and body with the shared secret, refuses a timestamp more than 5 minutes from its clock,
 * and drops a delivery id it has already processed (answering 200, so the sender stops). It can be
 * told to answer 503 for its next N requests. Thread-safe.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final String secret;
    private final InstantSource clock;
    private final AtomicInteger failNext = new AtomicInteger();
    /** Every request that arrived with a valid signature, by delivery id. */
    public final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    /** Deliveries processed once each, in order. */
    public final List<String> processedBodies = new CopyOnWriteArrayList<>();

    private final Set<String> processedIds = ConcurrentHashMap.newKeySet();
    public final AtomicInteger badSignatures = new AtomicInteger();

    private WebhookReceiver(HttpServer server, String secret, InstantSource clock) {
        this.server = server;
        this.secret = secret;
        this.clock = clock;
    }

    /** Starts on {@code port} of the loopback interface (0 for any). */
    public static WebhookReceiver start(int port, String secret, InstantSource clock) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        WebhookReceiver r = new WebhookReceiver(s, secret, clock);
        s.createContext("/hook", r::handle);
        s.start();
        return r;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers 503 to the next {@code n} requests (an application outage). */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Signed requests for one delivery id, repeats included. */
    public int arrivals(long deliveryId) {
        AtomicInteger n = received.get(Long.toString(deliveryId));
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String id = ex.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER);
        String ts = ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER);
        String sig = ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
        if (id == null || ts == null || sig == null) {
            answer(ex, 400);
            return;
        }
        long timestamp = Long.parseLong(ts);
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (!WebhookSignature.verify(secret, timestamp, body, sig)
                || skew > Duration.ofMinutes(5).toSeconds()) {
            badSignatures.incrementAndGet();
            answer(ex, 401);
            return;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(ex, 503);
            return;
        }
        received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (processedIds.add(id)) {
            processedBodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        answer(ex, 200);
    }

    private static void answer(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
