package org.lantern.server.registers.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.lantern.server.alerts.AlertProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(RegisterOutbox.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final AlertProperties.Mail settings;
    private final String serverId = UUID.randomUUID().toString();

    RegisterOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, AlertProperties alerts) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.settings = alerts.mail();
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
        List<Long> due = jdbc.sql("SELECT id FROM register_email WHERE sent_at IS NULL AND next_attempt_at <= :now "
                        + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY next_attempt_at, id LIMIT " + BATCH)
                .param("now", utc(now)).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            if (jdbc.sql("UPDATE register_email SET claimed_by = :me, claimed_until = :until WHERE id = :id "
                            + "AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < :now)")
                    .param("me", serverId).param("until", utc(now.plus(settings.claimLease()))).param("id", id)
                    .param("now", utc(now)).update() != 1) {
                continue;
            }
            try {
                mail.send(jdbc.sql("SELECT recipient, subject, body FROM register_email WHERE id = :id").param("id", id)
                        .query((rs, n) -> {
                            SimpleMailMessage m = new SimpleMailMessage();
                            m.setFrom(settings.from());
                            m.setTo(rs.getString("recipient"));
                            m.setSubject(rs.getString("subject"));
                            m.setText(rs.getString("body"));
                            return m;
                        }).single());
                jdbc.sql("UPDATE register_email SET attempts = attempts + 1, sent_at = :now, last_error = NULL, "
                        + "claimed_by = NULL, claimed_until = NULL WHERE id = :id")
                        .param("now", utc(Instant.now())).param("id", id).update();
                sent++;
            } catch (RuntimeException e) {
                failed(id, now, e);
            }
        }
        return sent;
    }

    private void failed(long id, Instant now, RuntimeException e) {
        int attempts = jdbc.sql("SELECT attempts FROM register_email WHERE id = :id").param("id", id)
                .query(Integer.class).single() + 1;
        Duration wait = settings.retryInterval().multipliedBy(1L << Math.min(attempts - 1, 16));
        if (wait.compareTo(settings.maxRetryInterval()) > 0) {
            wait = settings.maxRetryInterval();
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        jdbc.sql("UPDATE register_email SET attempts = :a, next_attempt_at = :next, last_error = :error, "
                        + "claimed_by = NULL, claimed_until = NULL WHERE id = :id")
                .param("a", attempts).param("next", utc(now.plus(wait)))
                .param("error", reason.length() > 1000 ? reason.substring(0, 1000) : reason).param("id", id).update();
        log.warn("Reminder email {} could not be sent (attempt {}); next try in {}: {}", id, attempts, wait, reason);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
