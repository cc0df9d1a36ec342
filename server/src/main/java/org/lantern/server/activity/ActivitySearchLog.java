package org.lantern.server.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every search of the activity log, kept in the database: who searched, when, how, what they
 * asked and whose requests it showed. A pupil's browsing is as sensitive as their safeguarding
 * record, so looking at it is also logged in the {@link RecordAccessLog} as a look at record type
 * {@value #RECORD_TYPE} of that person, as alerts and incidents are: "who has seen this child's
 * records?" keeps one answer, under one retention rule. The DSL and headteacher see the searches
 * themselves, with what was asked ({@link #searchesShowing}). A search is recorded before its rows
 * are shown: if it cannot be recorded, nothing is shown.
 */
@Component
class ActivitySearchLog {

    /** The record type of a person's browsing in the {@link RecordAccessLog}; its record id is the person's. */
    static final String RECORD_TYPE = "activity";

    /** How a search was made, and how the record access log calls that. */
    enum Channel {
        PAGE(org.lantern.server.incidents.Channel.PAGE),
        CSV(org.lantern.server.incidents.Channel.EXPORT),
        API(org.lantern.server.incidents.Channel.API);

        private final org.lantern.server.incidents.Channel access;

        Channel(org.lantern.server.incidents.Channel access) {
            this.access = access;
        }
    }

    private final JdbcClient jdbc;
    private final RecordAccessLog access;

    ActivitySearchLog(JdbcClient jdbc, RecordAccessLog access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * One search, as the DSL reads it.
     *
     * @param at       when
     * @param username who searched
     * @param channel  the page, a CSV download or the API
     * @param criteria what was asked, in words
     * @param rows     how many requests it showed
     */
    record Search(Instant at, String username, Channel channel, String criteria, int rows) {
    }

    /**
     * Records a search.
     *
     * @param searcher who
     * @param channel  how
     * @param criteria what was asked, in words
     * @param personId the person searched for, or null
     * @param shown    the people whose requests it showed (and the person searched for, if any)
     * @param rows     how many requests it showed
     */
    @Transactional
    void record(Searcher searcher, Channel channel, String criteria, Long personId, Set<Long> shown, int rows) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO activity_search (searched_at, account_id, username, channel, criteria, person_id, rows_shown)"
                        + " VALUES (:at, :account, :username, :channel, :criteria, :person, :rows)")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("account", searcher.accountId())
                .param("username", searcher.username()).param("channel", channel.name())
                .param("criteria", criteria).param("person", personId).param("rows", rows)
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        Viewer viewer = new Viewer(searcher.accountId(), searcher.username(), false);
        for (long person : shown) {
            jdbc.sql("INSERT INTO activity_search_person (search_id, person_id) VALUES (:search, :person)")
                    .param("search", id).param("person", person).update();
            access.log(viewer, RECORD_TYPE, person, channel.access, true);
        }
    }

    /** The searches that showed a person's requests or were for them, newest first. */
    List<Search> searchesShowing(long personId) {
        return jdbc.sql("SELECT s.searched_at, s.username, s.channel, s.criteria, s.rows_shown FROM activity_search s"
                        + " JOIN activity_search_person p ON p.search_id = s.id WHERE p.person_id = :person"
                        + " ORDER BY s.id DESC")
                .param("person", personId)
                .query((rs, n) -> new Search(rs.getObject("searched_at", OffsetDateTime.class).toInstant(),
                        rs.getString("username"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("criteria"), rs.getInt("rows_shown")))
                .list();
    }
}
