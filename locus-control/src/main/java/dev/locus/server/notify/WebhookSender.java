package dev.locus.server.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.InstantSource;

/**
 * POSTs the JSON body to the subscription's URL with the delivery id ({@code Locus-Delivery-Id}
 * and {@code Idempotency-Key}), the time ({@code Locus-Timestamp}) and the HMAC-SHA256 signature
 * over both ({@code Locus-Signature}, see {@link WebhookSignature}). Any 2xx answer is delivery;
 * redirects are not followed. Thread-safe.
 */
public final class WebhookSender implements Sender {
    private final HttpClient http;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final Duration timeout;

    public WebhookSender(ObjectMapper json, InstantSource clock, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public void send(NotificationMessage message, Recipient to) throws DeliveryFailure {
        String key = to.secret().orElseThrow(() -> new DeliveryFailure("the subscription has no secret to sign with"));
        byte[] body = message.json(json);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(to.target()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Locus-Notifications/1")
                .header(WebhookSignature.DELIVERY_HEADER, Long.toString(message.deliveryId()))
                .header("Idempotency-Key", Long.toString(message.deliveryId()))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(key, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("no answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new DeliveryFailure("cannot reach the receiver: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure("the receiver answered HTTP " + response.statusCode());
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
