package org.lantern.server.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records every logon attempt, successful or not, with its UTC time, source and outcome (seed
 * 003 §4.1-4.2), and answers questions about them: the logon history page, and how many
 * failures an account has had this hour (for throttling). Each outcome is also counted in the
 * {@code lantern.logon.attempts} metric so a spike of failures shows on a dashboard.
 */
@Service
public class LogonAudit {

    private static final int MAX_USERNAME = 64;
    private static final String SOURCE_FAILURES = Arrays.stream(LogonOutcome.values())
            .filter(LogonOutcome::isSourceFailure).map(o -> "'" + o.name() + "'").collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final Map<LogonOutcome, Counter> counters = new EnumMap<>(LogonOutcome.class);

    LogonAudit(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        for (LogonOutcome outcome : LogonOutcome.values()) {
            counters.put(outcome, Counter.builder("lantern.logon.attempts")
                    .description("Logon attempts by outcome")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(meters));
        }
    }

    /** One recorded attempt, as the history page and API show it. */
    public record LogonAttempt(long id, Instant attemptedAt, String username, String sourceIp, String userAgent,
                               LogonOutcome outcome) {
    }

    void record(String username, Long accountId, LogonDetails details, LogonOutcome outcome) {
        String name = username == null ? "" : username.replaceAll("\\p{Cntrl}", " ").strip();
        if (name.length() > MAX_USERNAME) {
            name = name.substring(0, MAX_USERNAME);
        }
        LogonDetails where = details == null ? new LogonDetails(null, null) : details;
        jdbc.sql("""
                INSERT INTO logon_attempt (attempted_at, username, account_id, source_ip, user_agent, outcome)
                VALUES (:t, :u, :a, :ip, :ua, :o)""")
                .param("t", AccountStore.utc(Instant.now())).param("u", name).param("a", accountId)
                .param("ip", where.sourceIp()).param("ua", where.userAgent()).param("o", outcome.name())
                .update();
        counters.get(outcome).increment();
    }

    /** An address's recent failures: how many, and when the latest was (null if none). */
    record SourceFailures(int count, Instant latest) {
    }

    /** Failures of any kind ({@link LogonOutcome#isSourceFailure}) from one address since {@code since}, whatever username they named. */
    SourceFailures failuresFrom(String sourceIp, Instant since) {
        return jdbc.sql("SELECT COUNT(*), MAX(attempted_at) FROM logon_attempt WHERE source_ip = :ip AND attempted_at > :since"
                        + " AND outcome IN (" + SOURCE_FAILURES + ")")
                .param("ip", sourceIp).param("since", AccountStore.utc(since))
                .query((rs, n) -> new SourceFailures(rs.getInt(1), AccountStore.instant(rs, 2)))
                .single();
    }

    /** Failed password or code checks for the account from one address since {@code since}. */
    int countedFailuresFrom(long accountId, String sourceIp, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM logon_attempt
                WHERE account_id = :a AND source_ip = :ip AND attempted_at > :since AND outcome IN ('BAD_PASSWORD', 'BAD_CODE')""")
                .param("a", accountId).param("ip", sourceIp).param("since", AccountStore.utc(since))
                .query(Integer.class).single();
    }

    /** Failed password or code checks for the account in the hour before {@code now}. */
    int countedFailuresInLastHour(long accountId, Instant now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM logon_attempt
                WHERE account_id = :a AND attempted_at > :since AND outcome IN ('BAD_PASSWORD', 'BAD_CODE')""")
                .param("a", accountId).param("since", AccountStore.utc(now.minus(Duration.ofHours(1))))
                .query(Integer.class).single();
    }

    /**
     * Attempts newest first, optionally only for one username and/or one outcome.
     *
     * @param username exact username, or {@code null} for all
     * @param outcome  one outcome, or {@code null} for all
     * @param limit    at most this many rows
     * @param offset   rows to skip, for paging
     */
    public List<LogonAttempt> search(String username, LogonOutcome outcome, int limit, int offset) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, attempted_at, username, source_ip, user_agent, outcome FROM logon_attempt WHERE 1 = 1");
        if (username != null) {
            sql.append(" AND username = :u");
        }
        if (outcome != null) {
            sql.append(" AND outcome = :o");
        }
        sql.append(" ORDER BY attempted_at DESC, id DESC LIMIT :limit OFFSET :offset");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", limit).param("offset", offset);
        if (username != null) {
            statement = statement.param("u", username);
        }
        if (outcome != null) {
            statement = statement.param("o", outcome.name());
        }
        return statement.query((rs, n) -> new LogonAttempt(rs.getLong("id"), AccountStore.instant(rs, "attempted_at"),
                rs.getString("username"), rs.getString("source_ip"), rs.getString("user_agent"),
                LogonOutcome.valueOf(rs.getString("outcome")))).list();
    }
}
