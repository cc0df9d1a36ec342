package org.lantern.activity.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Numbers each distinct (URL, host, domain) once, so a request row stores a small integer
 * instead of its URL (see {@link Schema}). A bounded cache of recent entries answers most
 * look-ups in memory; while it holds the whole table (the usual case: a school sees a few hundred
 * thousand URLs in a retention period) a miss is known to be new without asking the database.
 *
 * <p>Used under the store's write lock, but for {@link #known}, which readers call to turn a
 * page's URL numbers back into URLs without a query. Entries made in a transaction reach the cache
 * only once it commits, so a rolled-back batch leaves no number pointing at nothing.
 */
final class UrlDictionary {

    /** Look-ups of uncached URLs go to the database this many at a time. */
    private static final int LOOKUP_CHUNK = 500;

    record Key(String url, String host, String domain) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, Long> cache;
    private boolean complete;
    private long nextId;
    private long committedNextId;
    /** Made by the open transaction; published by {@link #committed}, dropped by {@link #rolledBack}. */
    private final Map<Key, Long> pending = new HashMap<>();
    /**
     * The cache the other way round, for readers. Fetching a page's hundred URLs from the table by
     * their numbers took 15 ms (95th percentile 73 ms) on a loaded machine, as long as choosing the
     * page; this costs about 60 bytes a cached URL. A number is never given to a second URL while
     * this process runs (see {@link #load}), so a reader looking at an older snapshot cannot be
     * told the wrong URL; a number missing here is looked up in the table.
     */
    private final Map<Long, Key> byId = new ConcurrentHashMap<>();

    UrlDictionary(int capacity) {
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
                if (size() > UrlDictionary.this.capacity) {
                    complete = false;
                    byId.remove(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /** (Re)reads the table: after opening, and after retention removed URLs nobody requests any more. */
    void load(Connection connection) throws SQLException {
        cache.clear();
        byId.clear();
        pending.clear();
        try (Statement s = connection.createStatement();
                ResultSet count = s.executeQuery("SELECT count(*), coalesce(max(url_id), 0) FROM activity_urls")) {
            count.next();
            long rows = count.getLong(1);
            // Never lower: a reader of a snapshot from before retention may still hold a deleted number.
            nextId = Math.max(nextId, count.getLong(2) + 1);
            committedNextId = nextId;
            complete = rows <= capacity;
            if (!complete) {
                return;
            }
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT url_id, url, host, domain FROM activity_urls")) {
            while (rs.next()) {
                Key key = new Key(rs.getString(2), rs.getString(3), rs.getString(4));
                cache.put(key, rs.getLong(1));
                byId.put(rs.getLong(1), key);
            }
        }
    }

    /**
     * Numbers every key, adding the new ones to {@code activity_urls} in the open transaction.
     *
     * @return the number of each key
     */
    Map<Key, Long> resolve(DuckDBConnection connection, Iterable<Key> keys) throws SQLException {
        Map<Key, Long> ids = new HashMap<>();
        List<Key> unknown = new ArrayList<>();
        for (Key key : keys) {
            if (ids.containsKey(key)) {
                continue;
            }
            Long id = cache.get(key);
            if (id != null) {
                ids.put(key, id);
            } else {
                ids.put(key, null);
                unknown.add(key);
            }
        }
        if (!complete) {
            lookUp(connection, unknown, ids);
        }
        List<Key> fresh = unknown.stream().filter(k -> ids.get(k) == null).toList();
        if (!fresh.isEmpty()) {
            try (DuckDBAppender appender =
                    connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "activity_urls")) {
                for (Key key : fresh) {
                    long id = nextId++;
                    appender.beginRow().append(id).append(key.url()).append(key.host());
                    if (key.domain() == null) {
                        appender.appendNull();
                    } else {
                        appender.append(key.domain());
                    }
                    appender.endRow();
                    ids.put(key, id);
                    pending.put(key, id);
                }
            }
        }
        return ids;
    }

    private static void lookUp(Connection connection, List<Key> unknown, Map<Key, Long> ids) throws SQLException {
        for (int from = 0; from < unknown.size(); from += LOOKUP_CHUNK) {
            List<Key> chunk = unknown.subList(from, Math.min(unknown.size(), from + LOOKUP_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT url_id, url, host, domain FROM activity_urls WHERE url IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i).url());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Key found = new Key(rs.getString(2), rs.getString(3), rs.getString(4));
                        if (ids.containsKey(found) && ids.get(found) == null) {
                            ids.put(found, rs.getLong(1));
                        }
                    }
                }
            }
        }
    }

    /**
     * @param id a URL number
     * @return its URL if it is cached, else {@code null}; safe to call from any thread
     */
    Key known(long id) {
        return byId.get(id);
    }

    /** The open transaction committed: its new entries are real. */
    void committed() {
        pending.forEach((key, id) -> byId.put(id, key));
        cache.putAll(pending); // may evict the eldest, which marks the cache incomplete
        pending.clear();
        committedNextId = nextId;
    }

    /** The open transaction rolled back: its numbers were never stored, so they may be given again. */
    void rolledBack() {
        pending.clear();
        nextId = committedNextId;
    }
}
