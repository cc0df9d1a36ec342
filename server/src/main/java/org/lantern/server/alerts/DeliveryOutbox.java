package org.lantern.server.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.lantern.server.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the digests and the on-call chain's emails and webhook posts from a durable outbox
 * ({@code alert_delivery}), with the rules of every {@link Outbox}: a row is written in the
 * transaction that owes it, claimed with one conditional update before it is sent (so two servers
 * sharing the database never both send it), and retried with a growing back-off after a failure,
 * including whatever was unsent when the server last stopped.
 *
 * <p>A webhook is a JSON POST with a time limit ({@code lantern.alerts.delivery.webhook.timeout});
 * one that hangs or answers an error is retried with back-off up to
 * {@code lantern.alerts.delivery.webhook.max-attempts} times and then given up, recorded on the
 * row for the alert's page. Each message of a batch is sent on a thread of its own, so a webhook
 * that hangs holds up no other message.
 */
@Component
public class DeliveryOutbox {

    /** How a message goes. */
    enum Channel {
        EMAIL, WEBHOOK
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutbox.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final AlertProperties.Mail mail;
    private final DeliveryProperties.Webhook webhook;
    private final HttpClient http;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lantern-alert-delivery");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Outbox outbox;

    DeliveryOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, AlertProperties alerts,
                   DeliveryProperties delivery) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.mail = alerts.mail();
        this.webhook = delivery.webhook();
        this.outbox = new Outbox(jdbc, "alert_delivery", "id", mail.claimLease(),
                Outbox.Backoff.doubling(mail.retryInterval(), mail.maxRetryInterval()), true);
        this.http = HttpClient.newBuilder().connectTimeout(webhook.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether an SMTP server is configured, so emails can be owed. */
    boolean emailOn() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Owes a message; joins the caller's transaction.
     *
     * @param channel     email or webhook
     * @param destination the addresses, comma-separated, or the webhook's URL
     * @param subject     the email's subject, or {@code null} for a webhook
     * @param body        the email's text or the webhook's JSON
     * @param purpose     why it is sent, e.g. {@code ON_CALL} or {@code DIGEST_DAILY}
     * @param alertId     the alert it is about, or {@code null}
     */
    void owe(Channel channel, String destination, String subject, String body, String purpose, Long alertId) {
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO alert_delivery (channel, destination, subject, body, purpose, alert_id, created_at, "
                        + "attempts, next_attempt_at) VALUES (:channel, :destination, :subject, :body, :purpose, :alert, "
                        + ":now, 0, :now)")
                .param("channel", channel.name()).param("destination", destination).param("subject", subject)
                .param("body", body).param("purpose", purpose).param("alert", alertId)
                .param("now", AlertRegister.utc(now)).update();
    }

    /** Sends what is owed soon, on the outbox's own thread; returns at once. */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakePending.set(false);
                deliverDue(Instant.now());
            });
        }
    }

    /**
     * Retries unsent messages on a schedule, including those left when the server last stopped; on
     * the outbox's own thread, so a webhook that hangs never holds up the server's other scheduled work.
     */
    @Scheduled(fixedDelayString = "${lantern.alerts.delivery.retry-interval:PT30S}",
            initialDelayString = "${lantern.alerts.mail.initial-delay:PT20S}")
    void retry() {
        wake();
    }

    private record Due(long id, Channel channel, String destination, String subject, String body) {
    }

    /**
     * Sends every message due by {@code now} that no other server is sending, each on its own
     * thread, and waits for them all (each bounded by the webhook time limit or the SMTP timeouts).
     *
     * @return how many were sent
     */
    synchronized int deliverDue(Instant now) {
        long started = System.nanoTime();
        List<Due> due;
        try {
            due = jdbc.sql("SELECT id, channel, destination, subject, body FROM alert_delivery "
                            + "WHERE id IN (:ids) ORDER BY next_attempt_at, id")
                    .param("ids", withZero(outbox.due(now)))
                    .query((rs, n) -> new Due(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                            rs.getString("destination"), rs.getString("subject"), rs.getString("body"))).list();
        } catch (RuntimeException e) {
            log.error("Unsent alert deliveries could not be read; they will be retried", e);
            return 0;
        }
        List<Future<Boolean>> sending = new ArrayList<>();
        for (Due d : due) {
            if (d.channel() == Channel.EMAIL && !emailOn()) {
                continue;
            }
            if (outbox.claim(d.id(), now.plusNanos(System.nanoTime() - started))) {
                int giveUpAfter = d.channel() == Channel.WEBHOOK ? webhook.maxAttempts() : 0;
                sending.add(senders.submit(() -> outbox.send(d.id(), Instant.now(), id -> send(d), giveUpAfter)));
            }
        }
        int delivered = 0;
        for (Future<Boolean> f : sending) {
            try {
                delivered += f.get() ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivered;
            } catch (ExecutionException e) {
                log.error("An alert delivery failed unexpectedly; it will be retried", e.getCause());
            }
        }
        return delivered;
    }

    /** The ids, or one that matches no row, since {@code IN ()} is not SQL. */
    private static List<Long> withZero(List<Long> ids) {
        return ids.isEmpty() ? List.of(0L) : ids;
    }

    private Integer send(Due d) throws IOException, InterruptedException {
        if (d.channel() == Channel.EMAIL) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(mail.from());
            message.setTo(d.destination().split(","));
            message.setSubject(d.subject());
            message.setText(d.body());
            mailSender.getObject().send(message);
        } else {
            post(d.destination(), d.body());
        }
        return null;
    }

    /** Posts the JSON; anything but a 2xx answer within the time limit is a failure. */
    private void post(String url, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(webhook.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
    }

    /**
     * One message about an alert, as its page shows it.
     *
     * @param channel     email or webhook
     * @param destination the address, or the webhook's host (its path may hold a secret)
     * @param state       "sent", "given up" or "pending"
     * @param attempts    attempts so far
     * @param lastError   why the latest attempt failed, or {@code null}
     * @param at          when it was sent or given up, or when it will be tried next
     */
    record Sent(Channel channel, String destination, String state, int attempts, String lastError, Instant at) {
    }

    /** The messages owed about an alert, oldest first. */
    List<Sent> about(long alertId) {
        return jdbc.sql("SELECT channel, destination, attempts, last_error, sent_at, failed_at, next_attempt_at "
                        + "FROM alert_delivery WHERE alert_id = :id ORDER BY id").param("id", alertId)
                .query((rs, n) -> {
                    Channel channel = Channel.valueOf(rs.getString("channel"));
                    String destination = rs.getString("destination");
                    Instant sent = AlertRegister.instant(rs, "sent_at");
                    Instant failed = AlertRegister.instant(rs, "failed_at");
                    return new Sent(channel, channel == Channel.WEBHOOK ? URI.create(destination).getHost() : destination,
                            sent != null ? "sent" : failed != null ? "given up" : "pending", rs.getInt("attempts"),
                            rs.getString("last_error"), sent != null ? sent : failed != null ? failed
                            : AlertRegister.instant(rs, "next_attempt_at"));
                }).list();
    }

    @PreDestroy
    void stop() {
        waker.shutdownNow();
        senders.shutdownNow();
    }
}
