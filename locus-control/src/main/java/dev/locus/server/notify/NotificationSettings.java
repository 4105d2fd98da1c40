package dev.locus.server.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How notifications are sent.
 *
 * @param smtp the SMTP server for e-mail subscriptions; empty refuses e-mail subscriptions
 * @param dashboardUrl the dashboard's public address, e.g. {@code https://locus.example.com/}, for
 *     the link in each notification; empty sends no link
 * @param retry when failed deliveries are tried again
 * @param sendTimeout how long one attempt may take (connect and answer)
 * @param pollInterval how often the dispatcher looks for due deliveries
 */
public record NotificationSettings(
        Optional<SmtpSettings> smtp,
        Optional<URI> dashboardUrl,
        RetryPolicy retry,
        Duration sendTimeout,
        Duration pollInterval) {
    public NotificationSettings {
        if (sendTimeout.isNegative() || sendTimeout.isZero() || sendTimeout.compareTo(retry.claim()) >= 0) {
            throw new IllegalArgumentException(
                    "send timeout must be > 0 and shorter than the claim " + retry.claim() + ", got " + sendTimeout);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be > 0, got " + pollInterval);
        }
        dashboardUrl.ifPresent(u -> {
            if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException("dashboard URL must be an http(s) address, got " + u);
            }
        });
    }

    /** No SMTP server, no link, default retries, 10 s per attempt, polled every second. */
    public static NotificationSettings defaults() {
        return new NotificationSettings(
                Optional.empty(),
                Optional.empty(),
                RetryPolicy.defaults(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1));
    }

    public NotificationSettings withSmtp(SmtpSettings s) {
        return new NotificationSettings(Optional.of(s), dashboardUrl, retry, sendTimeout, pollInterval);
    }

    public NotificationSettings withDashboardUrl(URI u) {
        return new NotificationSettings(smtp, Optional.of(u), retry, sendTimeout, pollInterval);
    }

    public NotificationSettings withRetry(RetryPolicy r) {
        return new NotificationSettings(smtp, dashboardUrl, r, sendTimeout, pollInterval);
    }

    public NotificationSettings withPollInterval(Duration d) {
        return new NotificationSettings(smtp, dashboardUrl, retry, sendTimeout, d);
    }
}
