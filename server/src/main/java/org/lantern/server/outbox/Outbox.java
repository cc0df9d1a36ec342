package org.lantern.server.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules every durable outbox in Lantern follows, over one table of owed messages: a row is
 * written in the transaction that owes the message (by its owner, which knows the columns); a
 * server claims a row with one conditional {@code UPDATE} for a lease before sending it, so two
 * servers sharing the database never both send it, and a server that stops mid-send leaves its
 * claim to lapse for another; a failed send is recorded and retried after a back-off; and, where
 * the table has a {@code failed_at} column, a message is given up after a number of attempts.
 *
 * <p>The table has an id column and {@code attempts}, {@code next_attempt_at}, {@code sent_at},
 * {@code last_error}, {@code claimed_by} and {@code claimed_until}. This class holds no state
 * beyond the server's claim id, so each owner makes its own and decides what a send is.
 */
public final class Outbox {

    /** Sends one owed message; throws if it could not be sent. */
    @FunctionalInterface
    public interface Sender {
        /**
         * @param id the row's id
         * @return how many recipients it went to, recorded in the row's {@code recipients} column, or
         *         {@code null} if the table has none
         */
        Integer send(long id) throws Exception;
    }

    /** How long to wait after a number of failed attempts. */
    @FunctionalInterface
    public interface Backoff {
        Duration after(int attempts);

        /** {@code first}, doubling with each failure, up to {@code max}. */
        static Backoff doubling(Duration first, Duration max) {
            return attempts -> {
                Duration wait = first;
                for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
                    wait = wait.multipliedBy(2);
                }
                return wait.compareTo(max) > 0 ? max : wait;
            };
        }

        /** {@code first} times the number of failures, up to {@code max}. */
        static Backoff linear(Duration first, Duration max) {
            return attempts -> {
                Duration wait = first.multipliedBy(attempts);
                return wait.compareTo(max) > 0 ? max : wait;
            };
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final String table;
    private final String id;
    private final Duration lease;
    private final Backoff backoff;
    private final boolean givesUp;
    private final String pending;
    private final String serverId = UUID.randomUUID().toString();

    /**
     * @param table   the outbox table
     * @param idColumn its key
     * @param lease   how long a claim lasts
     * @param backoff the wait after each failure
     * @param givesUp whether the table has {@code failed_at}, so messages can be given up
     */
    public Outbox(JdbcClient jdbc, String table, String idColumn, Duration lease, Backoff backoff, boolean givesUp) {
        this.jdbc = jdbc;
        this.table = table;
        this.id = idColumn;
        this.lease = lease;
        this.backoff = backoff;
        this.givesUp = givesUp;
        this.pending = "sent_at IS NULL" + (givesUp ? " AND failed_at IS NULL" : "");
    }

    /** The wait after {@code attempts} failures. */
    public Duration backoff(int attempts) {
        return backoff.after(attempts);
    }

    /** The ids of up to a batch of messages due by {@code now} that no server holds, oldest due first. */
    public List<Long> due(Instant now) {
        return jdbc.sql("SELECT " + id + " FROM " + table + " WHERE " + pending + " AND next_attempt_at <= :now "
                        + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY next_attempt_at, " + id
                        + " LIMIT " + BATCH)
                .param("now", utc(now)).query(Long.class).list();
    }

    /**
     * Sends every message due by {@code now} that no other server is sending, one after another.
     * The caller makes sure only one of its threads runs this at a time.
     *
     * @return how many were sent
     */
    public int deliverDue(Instant now, Sender sender) {
        long started = System.nanoTime();
        List<Long> due;
        try {
            due = due(now);
        } catch (RuntimeException e) {
            log.error("Unsent messages in {} could not be read; they will be retried", table, e);
            return 0;
        }
        int delivered = 0;
        for (long row : due) {
            // A batch can take minutes when the mail server is slow, and each claim's lease must
            // run from when it is taken, or it could lapse before its message is even sent.
            if (claim(row, now.plusNanos(System.nanoTime() - started))) {
                delivered += send(row, now, sender, 0) ? 1 : 0;
            }
        }
        return delivered;
    }

    /**
     * Sends one claimed message and records the outcome.
     *
     * @param giveUpAfter attempts after which to give up, or 0 never to
     * @return whether it was sent
     */
    public boolean send(long row, Instant now, Sender sender, int giveUpAfter) {
        try {
            sent(row, sender.send(row));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(row, now, e, giveUpAfter);
        } catch (Exception e) {
            failed(row, now, e, giveUpAfter);
        }
        return false;
    }

    /**
     * Takes a message for this server to send, unless it has been sent or given up, is not due, or
     * another server holds a claim on it that has not lapsed. One statement, so of two servers
     * claiming at once the database lets exactly one have it.
     *
     * @param at when the claim is taken; it lasts for the lease from then
     * @return whether this server now holds the claim
     */
    public boolean claim(long row, Instant at) {
        try {
            return jdbc.sql("UPDATE " + table + " SET claimed_by = :me, claimed_until = :until WHERE " + id + " = :id "
                            + "AND " + pending + " AND next_attempt_at <= :at "
                            + "AND (claimed_until IS NULL OR claimed_until < :at)")
                    .param("me", serverId).param("until", utc(at.plus(lease))).param("id", row).param("at", utc(at))
                    .update() == 1;
        } catch (RuntimeException e) {
            log.error("Message {} in {} could not be claimed for sending; it will be retried", row, table, e);
            return false;
        }
    }

    private void sent(long row, Integer recipients) {
        jdbc.sql("UPDATE " + table + " SET attempts = attempts + 1, sent_at = :now, last_error = NULL, "
                        + (recipients == null ? "" : "recipients = :n, ")
                        + "claimed_by = NULL, claimed_until = NULL WHERE " + id + " = :id")
                .param("now", utc(Instant.now())).param("n", recipients).param("id", row).update();
    }

    private void failed(long row, Instant now, Exception e, int giveUpAfter) {
        String reason = reason(e);
        try {
            int attempts = jdbc.sql("SELECT attempts FROM " + table + " WHERE " + id + " = :id").param("id", row)
                    .query(Integer.class).single() + 1;
            boolean giveUp = givesUp && giveUpAfter > 0 && attempts >= giveUpAfter;
            Instant next = now.plus(backoff(attempts));
            jdbc.sql("UPDATE " + table + " SET attempts = :attempts, next_attempt_at = :next, last_error = :error, "
                            + (givesUp ? "failed_at = :failed, " : "")
                            + "claimed_by = NULL, claimed_until = NULL WHERE " + id + " = :id")
                    .param("attempts", attempts).param("next", utc(next)).param("error", reason)
                    .param("failed", giveUp ? utc(Instant.now()) : null).param("id", row).update();
            if (giveUp) {
                log.error("Message {} in {} given up after {} attempts: {}", row, table, attempts, reason);
            } else {
                log.warn("Message {} in {} could not be sent (attempt {}); next try at {}: {}", row, table, attempts,
                        next, reason);
            }
        } catch (RuntimeException again) {
            log.error("Message {} in {} could not be sent, nor the failure recorded; it will be retried", row, table,
                    again);
        }
    }

    /** Why a send failed, short enough for a {@code last_error} column. */
    public static String reason(Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
