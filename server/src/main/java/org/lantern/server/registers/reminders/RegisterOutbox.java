package org.lantern.server.registers.reminders;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.lantern.server.alerts.AlertProperties;
import org.lantern.server.outbox.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the registers' reminder emails from a durable outbox ({@code register_email}), the way
 * alert emails are sent from theirs: a reminder is written as a row, then sent; a failed send is
 * retried with a growing back-off, on a schedule that also picks up whatever was unsent when the
 * server stopped; a server claims a row with one conditional update before sending it, so two
 * servers sharing the database never both send it. Each row has a reason (who, what, which week),
 * unique, so a reminder is owed once however often it is asked for. It uses the alert emails'
 * sender address and retry settings ({@code lantern.alerts.mail.*}); without
 * {@code spring.mail.host} nothing is owed.
 */
@Component
public class RegisterOutbox {

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final AlertProperties.Mail settings;
    private final Outbox outbox;

    RegisterOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, AlertProperties alerts) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.settings = alerts.mail();
        this.outbox = new Outbox(jdbc, "register_email", "id", settings.claimLease(),
                Outbox.Backoff.doubling(settings.retryInterval(), settings.maxRetryInterval()), false);
    }

    /** Whether an SMTP server is configured, so reminders are owed and sent. */
    public boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Owes one email, unless one for the same reason is already owed or sent.
     *
     * @return whether it was newly owed
     */
    public boolean owe(String reason, String recipient, String subject, String body) {
        if (!enabled()) {
            return false;
        }
        OffsetDateTime now = utc(Instant.now());
        try {
            return jdbc.sql("INSERT INTO register_email (reason, recipient, subject, body, created_at, attempts, "
                            + "next_attempt_at) SELECT :reason, :to, :subject, :body, :now, 0, :now "
                            + "WHERE NOT EXISTS (SELECT 1 FROM register_email WHERE reason = :reason)")
                    .param("reason", reason).param("to", recipient).param("subject", subject).param("body", body)
                    .param("now", now).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Retries unsent reminders on a schedule, including those left unsent when the server last stopped. */
    @Scheduled(fixedDelayString = "${lantern.alerts.mail.retry-interval:PT1M}",
            initialDelayString = "${lantern.alerts.mail.initial-delay:PT20S}")
    void retry() {
        deliverDue(Instant.now());
    }

    /**
     * Sends every reminder due by {@code now} that no other server is sending.
     *
     * @return how many were sent
     */
    public synchronized int deliverDue(Instant now) {
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        return outbox.deliverDue(now, id -> {
            mail.send(jdbc.sql("SELECT recipient, subject, body FROM register_email WHERE id = :id").param("id", id)
                    .query((rs, n) -> {
                        SimpleMailMessage m = new SimpleMailMessage();
                        m.setFrom(settings.from());
                        m.setTo(rs.getString("recipient"));
                        m.setSubject(rs.getString("subject"));
                        m.setText(rs.getString("body"));
                        return m;
                    }).single());
            return null;
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
