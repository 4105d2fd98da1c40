package dev.locus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "a-webhook-secret-of-32-characters!";
    private static final byte[] BODY = "{\"delivery_id\":7}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signature_matchesOpensslOverTimestampDotBody() {
        // printf '%s' '1764979200.{"delivery_id":7}' | openssl dgst -sha256 -hmac 'a-webhook-secret-of-32-characters!'
        assertThat(WebhookSignature.sign(SECRET, 1764979200L, BODY))
                .isEqualTo("v1=ad08c30b5e54c0a0c49583075835c0aed15e5bc718a35eb4b172828a1fb6918a");
    }

    @Test
    void verify_refusesAnotherTimestampBodyOrSecret() {
        String sig = WebhookSignature.sign(SECRET, 1764979200L, BODY);
        assertThat(WebhookSignature.verify(SECRET, 1764979200L, BODY, sig)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, 1764979201L, BODY, sig)).isFalse();
        assertThat(WebhookSignature.verify(
                        SECRET, 1764979200L, "{\"delivery_id\":8}".getBytes(StandardCharsets.UTF_8), sig))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET + "x", 1764979200L, BODY, sig))
                .isFalse();
    }

    @Test
    void backoff_doublesFromTheFirstRetry_upToTheMaximum() {
        RetryPolicy p = new RetryPolicy(
                java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(60),
                10,
                java.time.Duration.ofMinutes(2));
        assertThat(java.util.stream.IntStream.rangeClosed(1, 5)
                        .mapToObj(p::delayAfter)
                        .map(d -> d.toSeconds()))
                .containsExactly(10L, 20L, 40L, 60L, 60L);
    }
}
