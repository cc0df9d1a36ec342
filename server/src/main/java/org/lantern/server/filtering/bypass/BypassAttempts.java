package org.lantern.server.filtering.bypass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.lantern.filter.decision.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bypass-attempt register: every request on the proxy path the filter judged an attempt to
 * get round it (seed 002: "Using proxy sites or other means to subvert the school's filtering
 * system"), allowed or not.
 *
 * <p>The proxy thread only {@link #offer offers} an attempt to a bounded queue and goes on; one
 * background thread writes the queue in batches, so a slow database never slows browsing. When
 * the queue is full an attempt is dropped and counted ({@code lantern.bypass.attempts.dropped}),
 * because blocking the proxy would be worse; the decision log still holds it. After each batch,
 * anyone at or over the threshold within the window is published as
 * {@link PersistentBypassAttempts}, so the DSL is alerted.
 */
@Service
public class BypassAttempts {

    private static final Logger log = LoggerFactory.getLogger(BypassAttempts.class);
    private static final int BATCH = 500;
    private static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final String COLUMNS =
            "attempted_at, person_id, subject_name, proxy_user, client_ip, host, category, rule, action";

    /** An attempt waiting to be written, with the policy version its alert would name. */
    private record Pending(BypassAttempt attempt, long policyVersion) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final BypassProperties settings;
    private final BlockingQueue<Pending> queue;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastDropLogged = new AtomicLong(System.nanoTime() - DROP_LOG_INTERVAL_NANOS);
    private final Object progress = new Object();
    private final Thread writer;
    private volatile boolean running = true;

    BypassAttempts(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions,
                   ApplicationEventPublisher events, BypassProperties settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueSize());
        FunctionCounter.builder("lantern.bypass.attempts.recorded", written, AtomicLong::get)
                .description("Bypass attempts written to the register").register(meters);
        FunctionCounter.builder("lantern.bypass.attempts.dropped", dropped, AtomicLong::get)
                .description("Bypass attempts dropped because the write queue was full").register(meters);
        FunctionCounter.builder("lantern.bypass.attempts.failed", failed, AtomicLong::get)
                .description("Bypass attempts lost because the database refused the write").register(meters);
        Gauge.builder("lantern.bypass.attempts.queued", queue, BlockingQueue::size)
                .description("Bypass attempts waiting to be written").register(meters);
        this.writer = new Thread(this::writeLoop, "lantern-bypass-register");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues a decision's attempt for the register without waiting. Safe on the proxy thread.
     *
     * @return whether it was queued; {@code false} when the queue was full and it was dropped
     */
    public boolean offer(Decision decision) {
        if (queue.offer(new Pending(BypassAttempt.of(decision), decision.policyVersion()))) {
            accepted.incrementAndGet();
            return true;
        }
        long drops = dropped.incrementAndGet();
        long now = System.nanoTime();
        long last = lastDropLogged.get();
        if (now - last >= DROP_LOG_INTERVAL_NANOS && lastDropLogged.compareAndSet(last, now)) {
            log.warn("Bypass-attempt queue full ({} waiting): {} attempts dropped so far; they remain in the decision log",
                    queue.size(), drops);
        }
        return false;
    }

    /** Attempts dropped because the queue was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Waits until everything queued before the call has been written (or failed) and checked for
     * persistent attempts, any alert handed to its listeners, for tests, the demo's seeding and an
     * orderly shutdown.
     *
     * @return whether it finished within {@code timeout}
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (written.get() + failed.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    /**
     * Every attempt from {@code from} (inclusive) to {@code to} (exclusive), oldest first, handed
     * to {@code each} one at a time so a long period is never held in memory.
     */
    public void forEach(Instant from, Instant to, Consumer<BypassAttempt> each) {
        jdbc.sql("SELECT " + COLUMNS + " FROM bypass_attempt WHERE attempted_at >= :from AND attempted_at < :to "
                        + "ORDER BY attempted_at, id")
                .param("from", utc(from)).param("to", utc(to))
                .query((RowCallbackHandler) rs -> each.accept(attempt(rs)));
    }

    /**
     * A person's attempts, newest first, at most {@code limit} of them (for a subject access
     * export: whoever calls it is shown who made them, so log it with {@link #logNamedView}).
     */
    public List<BypassAttempt> byPerson(long personId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bypass_attempt WHERE person_id = :person "
                        + "ORDER BY attempted_at DESC, id DESC LIMIT :limit")
                .param("person", personId).param("limit", limit).query((rs, row) -> attempt(rs)).list();
    }

    private static BypassAttempt attempt(ResultSet rs) throws SQLException {
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        return new BypassAttempt(rs.getObject("attempted_at", OffsetDateTime.class).toInstant(), personId,
                rs.getString("subject_name"), rs.getString("proxy_user"), rs.getString("client_ip"),
                rs.getString("host"), rs.getString("category"), rs.getString("rule"), rs.getString("action"));
    }

    /**
     * The register summarised from {@code from} to {@code to} inclusive, days counted in {@code zone}.
     *
     * @param top how many hosts and people to rank
     */
    public BypassReport report(LocalDate from, LocalDate to, ZoneId zone, int top) {
        BypassReport.Builder builder = new BypassReport.Builder(from, to, zone, top);
        forEach(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), builder::add);
        return builder.build();
    }

    /**
     * Logs that someone saw who made attempts (the report or its export with names), in the same
     * access log as safeguarding records, so the DSL can tell who has looked.
     */
    public void logNamedView(long accountId, String username, String channel) {
        jdbc.sql("INSERT INTO record_access (accessed_at, account_id, username, record_type, record_id, channel, allowed) "
                        + "VALUES (:at, :account, :username, 'bypass-report', 0, :channel, TRUE)")
                .param("at", utc(Instant.now())).param("account", accountId).param("username", username)
                .param("channel", channel).update();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void writeLoop() {
        List<Pending> pending = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                pending.add(first);
                queue.drainTo(pending, BATCH - 1);
                write(pending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                pending.clear();
            }
        }
    }

    private void write(List<Pending> pending) {
        AtomicLong outcome = written;
        try {
            transactions.executeWithoutResult(status -> insert(pending));
        } catch (RuntimeException e) {
            outcome = failed;
            log.error("{} bypass attempts could not be written to the register; they remain in the decision log",
                    pending.size(), e);
        }
        try {
            raisePersistent(pending);
        } catch (RuntimeException e) {
            log.error("Persistent bypass attempts could not be checked", e);
        }
        // Counted only once the batch's persistence check has handed any alert on, so a flush()
        // that returns leaves no alert of its attempts still to be raised.
        outcome.addAndGet(pending.size());
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void insert(List<Pending> pending) {
        batch.batchUpdate("INSERT INTO bypass_attempt (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", pending,
                pending.size(), (ps, p) -> {
                    BypassAttempt a = p.attempt();
                    ps.setObject(1, utc(a.at()));
                    ps.setObject(2, a.personId());
                    ps.setString(3, clip(a.subjectName(), 200));
                    ps.setString(4, clip(a.proxyUser(), 128));
                    ps.setString(5, clip(a.clientIp(), 64));
                    ps.setString(6, clip(a.host(), 255));
                    ps.setString(7, clip(a.category(), 100));
                    ps.setString(8, a.rule());
                    ps.setString(9, a.action());
                });
    }

    /** Counts each person of the batch over the window ending at their newest attempt. */
    private void raisePersistent(List<Pending> pending) {
        Map<BypassAttempt.Who, List<Pending>> byWho = new LinkedHashMap<>();
        for (Pending p : pending) {
            byWho.computeIfAbsent(p.attempt().who(), w -> new ArrayList<>()).add(p);
        }
        Duration window = settings.alertWindow();
        byWho.forEach((who, theirs) -> {
            Pending latest = theirs.stream().max(Comparator.comparing(p -> p.attempt().at())).orElseThrow();
            Instant until = latest.attempt().at();
            int count = count(who, until.minus(window), until);
            if (count >= settings.alertThreshold()) {
                events.publishEvent(new PersistentBypassAttempts(latest.attempt(), count, theirs.size(), window,
                        latest.policyVersion()));
            }
        });
    }

    private int count(BypassAttempt.Who who, Instant from, Instant to) {
        String where = switch (who.kind()) {
            case PERSON -> "person_id = CAST(:v AS BIGINT)";
            case USER -> "person_id IS NULL AND proxy_user = :v";
            case DEVICE -> "person_id IS NULL AND proxy_user IS NULL AND client_ip = :v";
            case UNKNOWN -> "person_id IS NULL AND proxy_user IS NULL AND client_ip IS NULL AND :v = ''";
        };
        return jdbc.sql("SELECT COUNT(*) FROM bypass_attempt WHERE " + where
                        + " AND attempted_at > :from AND attempted_at <= :to")
                .param("v", who.value()).param("from", utc(from)).param("to", utc(to))
                .query(Integer.class).single();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
