package org.lantern.activity.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.lantern.activity.ActivityStore.ActivityQuery;

/**
 * An {@link ActivityQuery} as a SQL condition on {@code activity a} with its bind values. Only
 * standard SQL is written (no ILIKE, no engine functions) and every value a user typed is bound,
 * never spliced, so the same text runs on another analytical engine and cannot be injected.
 */
final class QueryFilter {

    /** The escape character for LIKE: '!' reads the same in every engine, unlike a backslash. */
    private static final char ESCAPE = '!';

    private final StringBuilder sql = new StringBuilder("1 = 1");
    private final List<Object> values = new ArrayList<>();

    /**
     * @param query what to match
     * @return its condition
     */
    static QueryFilter of(ActivityQuery query) {
        QueryFilter f = new QueryFilter();
        if (query.from() != null) {
            f.and("a.time >= ?", timestamp(query.from()));
        }
        if (query.to() != null) {
            f.and("a.time < ?", timestamp(query.to()));
        }
        f.equal("a.person_id", query.personId());
        f.equal("a.user_name", query.user());
        f.equal("a.group_id", query.groupId());
        f.equal("a.year_group", query.yearGroup());
        f.equal("a.client_ip", query.clientIp());
        f.equal("a.device", query.device());
        f.equal("a.category", query.category());
        if (query.action() != null) {
            f.action(query.action());
        }
        if (query.text() != null) {
            // Matched on the URL dictionary, a few hundred thousand rows, rather than on every request.
            String pattern = contains(query.text());
            f.and("a.url_id IN (SELECT u.url_id FROM activity_urls u WHERE lower(u.host) LIKE lower(?) ESCAPE '!'"
                    + " OR lower(u.url) LIKE lower(?) ESCAPE '!')", pattern, pattern);
        }
        if (query.searchText() != null) {
            f.and("lower(a.search_term) LIKE lower(?) ESCAPE '!'", contains(query.searchText()));
        }
        return f;
    }

    /** @return a filter with this one's conditions, to which more can be added without changing this one */
    QueryFilter copy() {
        QueryFilter copy = new QueryFilter();
        copy.sql.setLength(0);
        copy.sql.append(sql);
        copy.values.addAll(values);
        return copy;
    }

    /** Adds a condition with its values. */
    QueryFilter and(String condition, Object... bound) {
        sql.append(" AND ").append(condition);
        values.addAll(List.of(bound));
        return this;
    }

    /**
     * Matches an action and the filter's own refinements of it: {@code BLOCK} is also
     * {@code BLOCK_AND_ALERT}, {@code ALLOW} also {@code ALLOW_AND_LOG}, since a search for what
     * was blocked means every request that was, whether or not it raised an alert too.
     */
    QueryFilter action(String action) {
        return and("(a.action = ? OR a.action LIKE ? ESCAPE '!')", action, literal(action) + ESCAPE + "_%");
    }

    private void equal(String column, Object value) {
        if (value != null) {
            and(column + " = ?", value);
        }
    }

    /** @return the condition, for after {@code WHERE} */
    String sql() {
        return sql.toString();
    }

    /**
     * Binds this condition's values from parameter {@code first} on.
     *
     * @return the next free parameter index
     */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        for (Object value : values) {
            statement.setObject(i++, value);
        }
        return i;
    }

    /** @return a LIKE pattern matching {@code text} anywhere, its own wildcards taken literally */
    static String contains(String text) {
        return "%" + literal(text) + "%";
    }

    /** @return {@code text} with LIKE's wildcards and the escape character escaped */
    private static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Times are stored as UTC wall-clock TIMESTAMPs, so the JVM's zone never shifts them. */
    static LocalDateTime timestamp(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
