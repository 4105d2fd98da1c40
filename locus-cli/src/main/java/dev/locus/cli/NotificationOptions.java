package dev.locus.cli;

import dev.locus.server.notify.NotificationSettings;
import dev.locus.server.notify.RetryPolicy;
import dev.locus.server.notify.SmtpSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code ./locus server} options for alert notifications: the SMTP server e-mail goes through and
 * the dashboard address linked from each notification. The SMTP password is read from the
 * environment ({@code LOCUS_SMTP_PASSWORD}), never from the command line, where other users see it.
 */
final class NotificationOptions {
    static final String PASSWORD_ENV = "LOCUS_SMTP_PASSWORD";

    @Option(
            names = "--smtp-host",
            paramLabel = "HOST",
            description = "SMTP server for e-mail notifications (without it, e-mail subscriptions are refused).")
    String smtpHost;

    @Option(
            names = "--smtp-port",
            paramLabel = "PORT",
            defaultValue = "587",
            description = "Default: ${DEFAULT-VALUE}.")
    int smtpPort;

    @Option(
            names = "--smtp-from",
            paramLabel = "ADDRESS",
            defaultValue = "locus@localhost",
            description = "Sender address of notification e-mail (default: ${DEFAULT-VALUE}).")
    String smtpFrom;

    @Option(
            names = "--smtp-starttls",
            paramLabel = "MODE",
            defaultValue = "REQUIRED",
            description = "OFF, OPTIONAL or REQUIRED (default: ${DEFAULT-VALUE}).")
    SmtpSettings.StartTls startTls;

    @Option(
            names = "--smtp-user",
            paramLabel = "NAME",
            description = "SMTP AUTH user; the password is read from $" + PASSWORD_ENV + ".")
    String smtpUser;

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            description = "The dashboard's address as people reach it, e.g. https://locus.example.com/, linked from"
                    + " every notification.")
    URI publicUrl;

    @Option(
            names = "--notify-first-retry",
            paramLabel = "DURATION",
            description = "Wait before a failed delivery is tried again, doubling up to an hour (ISO-8601,"
                    + " default: 30 s, PT30S).")
    Duration firstRetry;

    @Option(
            names = "--notify-claim",
            paramLabel = "DURATION",
            description = "How long an attempt in progress holds its delivery: after a crash mid-send it is"
                    + " sent again once this has passed; longer than the 10 s send timeout (ISO-8601,"
                    + " default: 2 min, PT2M).")
    Duration claim;

    NotificationSettings settings() {
        NotificationSettings s = NotificationSettings.defaults();
        if (firstRetry != null || claim != null) {
            RetryPolicy d = s.retry();
            Duration first = firstRetry == null ? d.firstRetry() : firstRetry;
            s = s.withRetry(new RetryPolicy(
                    first,
                    first.compareTo(d.maxRetry()) > 0 ? first : d.maxRetry(),
                    d.maxAttempts(),
                    claim == null ? d.claim() : claim));
        }
        if (smtpHost != null) {
            Optional<String> user = Optional.ofNullable(smtpUser);
            Optional<String> password = user.map(u -> Optional.ofNullable(System.getenv(PASSWORD_ENV))
                    .orElseThrow(
                            () -> new IllegalArgumentException("--smtp-user needs the password in $" + PASSWORD_ENV)));
            s = s.withSmtp(new SmtpSettings(smtpHost, smtpPort, smtpFrom, startTls, user, password));
        }
        if (publicUrl != null) {
            s = s.withDashboardUrl(publicUrl);
        }
        return s;
    }
}
