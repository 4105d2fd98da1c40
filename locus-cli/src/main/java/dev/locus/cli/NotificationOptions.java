package dev.locus.cli;

import dev.locus.server.notify.NotificationSettings;
import dev.locus.server.notify.SmtpSettings;
import java.net.URI;
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

    NotificationSettings settings() {
        NotificationSettings s = NotificationSettings.defaults();
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
