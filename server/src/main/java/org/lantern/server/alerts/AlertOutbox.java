package org.lantern.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.lantern.server.http.PublicUrl;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.outbox.Outbox;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Emails the DSL about new alerts, from a durable outbox: the alert register writes an
 * {@code alert_email} row with each new alert, and this sends it on its own thread, so neither
 * the filter nor the register ever waits for a mail server. A failed send is logged, counted
 * ({@code lantern.alerts.emails.failed}) and retried with a growing back-off, on a schedule that
 * also picks up whatever was unsent when the server last stopped. The alert is in Lantern either
 * way.
 *
 * <p>Several servers may share the database (a school running two for resilience), each with an
 * outbox. Before sending an email a server claims it with one conditional {@code UPDATE}, for
 * {@code lantern.alerts.mail.claim-lease}, and sends only if that update took the row: two live
 * servers never both send an email. A server that stops mid-send leaves its claim to lapse, and
 * another server then sends the email: each is sent at least once, and twice only if a send
 * outlasts the lease.
 *
 * <p>Email is not a secure channel: the message names the kind of alert, its category and time
 * and links to it in Lantern, and nothing else: no name, no address. It goes to every enabled
 * account with the DSL or Deputy DSL role whose person in the directory has an email address,
 * and to {@code lantern.alerts.mail.extra-recipients}. Without {@code spring.mail.host} email is
 * off: nothing is owed, and the alerts page says so.
 */
@Component
public class AlertOutbox {

    private static final Logger log = LoggerFactory.getLogger(AlertOutbox.class);
    private static final ZoneId ZONE = SchoolTime.ZONE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    static final String NO_RECIPIENTS = "No one to send it to: no enabled DSL or Deputy DSL account is linked to a "
            + "person with an email address, and lantern.alerts.mail.extra-recipients is empty.";

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final AccountService accounts;
    private final People people;
    private final AlertProperties.Mail settings;
    private final String baseUrl;
    private final Counter sent;
    private final Counter failed;
    private final ExecutorService sender;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Outbox outbox;

    AlertOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, AccountService accounts, People people,
                AlertProperties settings, MeterRegistry meters,
                @Value("${lantern.public-url:}") String publicUrl, @Value("${server.port:8080}") int serverPort) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.accounts = accounts;
        this.people = people;
        this.settings = settings.mail();
        this.baseUrl = PublicUrl.base(publicUrl, serverPort);
        this.outbox = new Outbox(jdbc, "alert_email", "alert_id", this.settings.claimLease(),
                Outbox.Backoff.doubling(this.settings.retryInterval(), this.settings.maxRetryInterval()), false);
        this.sent = Counter.builder("lantern.alerts.emails.sent").description("Alert emails accepted by the mail server")
                .register(meters);
        this.failed = Counter.builder("lantern.alerts.emails.failed")
                .description("Alert email deliveries that failed (each is retried)").register(meters);
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lantern-alert-email");
            t.setDaemon(true);
            return t;
        });
        if (!enabled()) {
            log.info("Alert emails are off: no SMTP server is configured (spring.mail.host). Alerts are recorded in Lantern only.");
        }
    }

    /** Whether an SMTP server is configured, so new alerts are emailed. */
    public boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    /** Owes the DSL an email about a new alert; joins the caller's transaction. */
    void owe(long alertId) {
        jdbc.sql("INSERT INTO alert_email (alert_id, created_at, attempts, next_attempt_at) VALUES (:id, :now, 0, :now)")
                .param("id", alertId).param("now", AlertRegister.utc(Instant.now())).update();
    }

    /** Sends what is owed soon, on the outbox's own thread; returns at once. */
    void wake() {
        if (enabled() && wakePending.compareAndSet(false, true)) {
            sender.execute(() -> {
                wakePending.set(false);
                deliverDue(Instant.now());
            });
        }
    }

    /** Retries unsent emails on a schedule, including those left unsent when the server last stopped. */
    @Scheduled(fixedDelayString = "${lantern.alerts.mail.retry-interval:PT1M}",
            initialDelayString = "${lantern.alerts.mail.initial-delay:PT20S}")
    void retry() {
        if (enabled()) {
            deliverDue(Instant.now());
        }
    }

    /**
     * Tries every email due by {@code now} that no other server is sending. One caller at a time,
     * so that this server's own threads never claim the same email from each other.
     *
     * @return how many were sent
     */
    synchronized int deliverDue(Instant now) {
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        List<String> to = recipients();
        return outbox.deliverDue(now, id -> {
            try {
                Alert alert = jdbc.sql(AlertRegister.SELECT + " WHERE a.id = :id").param("id", id)
                        .query(AlertRegister::alert).single();
                if (to.isEmpty()) {
                    throw new IllegalStateException(NO_RECIPIENTS);
                }
                mail.send(message(alert, to));
            } catch (RuntimeException e) {
                failed.increment();
                throw e;
            }
            sent.increment();
            return to.size();
        });
    }

    /**
     * Takes an email for this server to send, unless it has been sent, is not due or another
     * server holds a claim on it that has not lapsed.
     *
     * @param alertId the alert whose email to claim
     * @param at the time the claim is taken; it lasts for the claim lease from then
     * @return whether this server now holds the claim
     */
    boolean claim(long alertId, Instant at) {
        return outbox.claim(alertId, at);
    }

    /** The addresses alerts go to now: the DSL and deputies with an email address, and the extras. */
    List<String> recipients() {
        Set<Long> safeguarding = new HashSet<>();
        accounts.list().stream()
                .filter(a -> a.enabled() && (a.role() == Role.DSL || a.role() == Role.DEPUTY_DSL))
                .forEach(a -> safeguarding.add(a.id()));
        Set<String> to = new LinkedHashSet<>();
        for (Person p : people.list(null)) {
            if (p.accountId() != null && safeguarding.contains(p.accountId()) && p.email() != null
                    && !p.email().isBlank()) {
                to.add(p.email().strip());
            }
        }
        to.addAll(settings.extraRecipients());
        return List.copyOf(to);
    }

    /** The email about one alert: what kind, which category, when, and the link; never who or which address. */
    SimpleMailMessage message(Alert alert, List<String> to) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject("Lantern alert " + alert.id() + ": " + alert.kind().label());
        message.setText("An alert needs your attention.\n\n"
                + "What: " + alert.kind().label() + "\n"
                + "Category: " + alert.categoryName() + "\n"
                + "When: " + WHEN.format(alert.firstSeenAt().atZone(ZONE)) + " (UK time)\n\n"
                + "Open it in Lantern to see who and what, and to acknowledge it:\n"
                + link(alert.id()) + "\n\n"
                + "Email is not a secure channel, so this message names no one and gives no address. "
                + "Please do not forward it.\n");
        return message;
    }

    /** The alert's page, as a full address for messages sent outside Lantern. */
    String link(long alertId) {
        return baseUrl + "/alerts/" + alertId;
    }

    /** The alert queue with a query, e.g. {@code kind=SAFEGUARDING_RISK}, as a full address. */
    String queueLink(String query) {
        return baseUrl + "/alerts?" + query;
    }

    /** Doubles from the retry interval with each failure, up to the maximum. */
    Duration backoff(int attempts) {
        return outbox.backoff(attempts);
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
