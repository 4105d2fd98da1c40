package dev.locus.server.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Date;
import java.util.Properties;

/**
 * Sends the plain-text message through the configured SMTP server (STARTTLS off, optional or
 * required), with the delivery id in {@code Locus-Delivery-Id} and in the {@code Message-ID}, so a
 * mail system that drops repeated message ids drops a repeated delivery. Thread-safe.
 */
public record EmailSender(SmtpSettings smtp, InstantSource clock, Session session) implements Sender {

    /** A sender through {@code smtp} whose connections, reads and writes time out after {@code timeout}. */
    public EmailSender(SmtpSettings smtp, InstantSource clock, Duration timeout) {
        this(smtp, clock, session(smtp, timeout));
    }

    private static Session session(SmtpSettings smtp, Duration timeout) {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls() != SmtpSettings.StartTls.OFF));
        p.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls() == SmtpSettings.StartTls.REQUIRED));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
        return Session.getInstance(p);
    }

    @Override
    public void send(NotificationMessage message, Recipient to) throws DeliveryFailure {
        try {
            MimeMessage m = new DeliveryMessage(
                    session,
                    message.deliveryId(),
                    smtp.from().substring(smtp.from().indexOf('@') + 1));
            m.setFrom(new InternetAddress(smtp.from(), true));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to.target(), true));
            m.setSubject(message.subject(), "UTF-8");
            m.setText(message.plainText(), "UTF-8");
            m.setSentDate(Date.from(clock.instant()));
            m.setHeader(WebhookSignature.DELIVERY_HEADER, Long.toString(message.deliveryId()));
            if (smtp.username().isPresent()) {
                Transport.send(m, smtp.username().get(), smtp.password().orElseThrow());
            } else {
                Transport.send(m);
            }
        } catch (MessagingException e) {
            throw new DeliveryFailure("the SMTP server did not take the message: " + firstLine(e), e);
        }
    }

    private static String firstLine(MessagingException e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A message whose Message-ID is derived from the delivery id, the same on every attempt. */
    private static final class DeliveryMessage extends MimeMessage {
        private final long deliveryId;
        private final String host;

        DeliveryMessage(Session session, long deliveryId, String host) {
            super(session);
            this.deliveryId = deliveryId;
            this.host = host;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<locus-delivery-" + deliveryId + "@" + host + ">");
        }
    }
}
