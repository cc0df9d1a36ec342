package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every look at a safeguarding record, allowed or not: who, when, which record, how. The DSL can
 * then answer "who has seen this child's record?", and attempts to open records one may not see
 * stand out (they are also logged as warnings).
 */
@Component
public class RecordAccessLog {

    static final String INCIDENT = "incident";
    /** A person's chronology as a whole; its record id is the person's id. */
    public static final String CHRONOLOGY = "chronology";
    private static final Logger LOG = LoggerFactory.getLogger(RecordAccessLog.class);

    private final JdbcClient jdbc;

    RecordAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One logged look at a record.
     *
     * @param accessedAt when (UTC)
     * @param accountId  the viewer's account
     * @param username   the viewer's username
     * @param recordType e.g. {@code incident}
     * @param recordId   the record asked for
     * @param channel    page, API or list
     * @param allowed    whether it was shown
     */
    public record Access(OffsetDateTime accessedAt, long accountId, String username, String recordType, long recordId,
                         Channel channel, boolean allowed) {
    }

    @Transactional
    void log(Viewer viewer, long incidentId, Channel channel, boolean allowed) {
        log(viewer, INCIDENT, incidentId, channel, allowed);
    }

    /**
     * Logs a look at any safeguarding record, e.g. a chronology or another feature's entry in one.
     *
     * @param recordType e.g. {@code incident}, {@value #CHRONOLOGY}
     */
    @Transactional
    public void log(Viewer viewer, String recordType, long recordId, Channel channel, boolean allowed) {
        if (!allowed) {
            LOG.warn("Denied: {} (account {}) asked for {} {} via {}", viewer.username(), viewer.accountId(),
                    recordType, recordId, channel);
        }
        jdbc.sql("INSERT INTO record_access (accessed_at, account_id, username, record_type, record_id, channel, allowed) "
                        + "VALUES (:at, :account, :username, :type, :id, :channel, :allowed)")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("account", viewer.accountId())
                .param("username", viewer.username()).param("type", recordType).param("id", recordId)
                .param("channel", channel.name()).param("allowed", allowed).update();
    }

    /** The looks at one incident, oldest first. */
    public List<Access> forIncident(long incidentId) {
        return forRecord(INCIDENT, incidentId);
    }

    /** The looks at one record of any type, oldest first. */
    public List<Access> forRecord(String recordType, long recordId) {
        return jdbc.sql("SELECT accessed_at, account_id, username, record_type, record_id, channel, allowed "
                        + "FROM record_access WHERE record_type = :type AND record_id = :id ORDER BY id")
                .param("type", recordType).param("id", recordId)
                .query((rs, n) -> new Access(rs.getObject("accessed_at", OffsetDateTime.class), rs.getLong("account_id"),
                        rs.getString("username"), rs.getString("record_type"), rs.getLong("record_id"),
                        Channel.valueOf(rs.getString("channel")), rs.getBoolean("allowed")))
                .list();
    }
}
