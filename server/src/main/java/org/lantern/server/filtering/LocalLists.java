package org.lantern.server.filtering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.match.InvalidEntryException;
import org.lantern.filter.match.ListId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's local allow and block lists: sites the school opens or closes itself, whatever the
 * category lists say (but never over the illegal-content lists). Every addition and removal is
 * recorded in a change log that is never edited, with who made it and why, and announced with a
 * {@link LocalListsChanged} event so the filter swaps in its local-list layer straight away.
 */
@Service
public class LocalLists {

    /** Longest reason accepted, matching the column. */
    public static final int MAX_REASON = 500;
    /** Longest entry accepted, matching the column. */
    public static final int MAX_ENTRY = 2048;

    /** Which of the two local lists. */
    public enum ListName {
        ALLOW, BLOCK;

        /** "allow list" / "block list", as pages say it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT) + " list";
        }
    }

    /**
     * One entry in force.
     *
     * @param kind {@code DOMAINS} for a site and its sub-domains, {@code URLS} for a URL prefix
     * @param entry the entry as normalised, which is what the filter compares
     */
    public record Entry(long id, ListName list, ListKind kind, String entry, String addedBy, Instant addedAt,
                        String reason) {
    }

    /** One line of the change log. */
    public record Change(long id, String action, ListName list, String entry, String actor, Instant at,
                         String reason) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LocalLists(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Adds an entry: a domain ({@code games.example}) or a URL prefix ({@code site.example/games}),
     * with or without {@code http://}.
     *
     * @throws LocalListException when the entry or the reason is unusable or the entry is already
     *     on that list; nothing changes
     */
    @Transactional
    public Entry add(ListName list, String text, String actor, String reason) {
        String why = checkReason(reason);
        if (list == null) {
            throw new LocalListException("Choose the allow list or the block list.");
        }
        if (text == null || text.isBlank()) {
            throw new LocalListException("Enter a site or address.");
        }
        if (text.length() > MAX_ENTRY) {
            throw new LocalListException("The address is longer than " + MAX_ENTRY + " characters.");
        }
        Parsed parsed = parse(text);
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM local_list_entry WHERE list_name = :list AND entry = :entry")
                .param("list", list.name()).param("entry", parsed.entry()).query(Long.class).single() > 0;
        if (exists) {
            throw new LocalListException(parsed.entry() + " is already on the " + list.label() + ".");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO local_list_entry (list_name, entry_kind, entry, added_by, added_at, reason) "
                        + "VALUES (:list, :kind, :entry, :actor, :at, :reason)")
                .param("list", list.name()).param("kind", parsed.kind().name()).param("entry", parsed.entry())
                .param("actor", actor).param("at", now).param("reason", why).update();
        record(now, "ADDED", list, parsed.entry(), actor, why);
        events.publishEvent(new LocalListsChanged(list + " " + parsed.entry() + " added by " + actor));
        return entries().stream().filter(e -> e.list() == list && e.entry().equals(parsed.entry()))
                .findFirst().orElseThrow();
    }

    /**
     * Removes an entry.
     *
     * @return false when there is no such entry, whatever the reason (nothing changes)
     * @throws LocalListException when the reason is unusable
     */
    @Transactional
    public boolean remove(long id, String actor, String reason) {
        List<Entry> found = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(LocalLists::map).list();
        if (found.isEmpty()) {
            return false;
        }
        String why = checkReason(reason);
        Entry entry = found.getFirst();
        jdbc.sql("DELETE FROM local_list_entry WHERE id = :id").param("id", id).update();
        record(OffsetDateTime.now(ZoneOffset.UTC), "REMOVED", entry.list(), entry.entry(), actor, why);
        events.publishEvent(new LocalListsChanged(entry.list() + " " + entry.entry() + " removed by " + actor));
        return true;
    }

    /** Every entry in force: allow list first, then alphabetically. */
    public List<Entry> entries() {
        return jdbc.sql(SELECT + " ORDER BY list_name, entry").query(LocalLists::map).list();
    }

    /** The newest {@code limit} changes, newest first. */
    public List<Change> changes(int limit) {
        return jdbc.sql("SELECT id, action, list_name, entry, actor, occurred_at, reason FROM local_list_change "
                        + "ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getString("action"),
                        ListName.valueOf(rs.getString("list_name")), rs.getString("entry"), rs.getString("actor"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("reason")))
                .list();
    }

    /** Every entry in force as the filter's local-list layer; an entry that no longer parses is skipped. */
    CategoryLists layer() {
        CategoryLists.Builder builder = CategoryLists.builder();
        for (Entry e : entries()) {
            try {
                if (e.list() == ListName.ALLOW) {
                    builder.allow(e.kind(), e.entry());
                } else {
                    builder.block(e.kind(), e.entry());
                }
            } catch (InvalidEntryException skipped) {
                // Entries were validated when added; only a change of normalisation rules could land here.
            }
        }
        return builder.build();
    }

    private record Parsed(ListKind kind, String entry) {
    }

    /** Normalises as the filter will, so the stored entry is exactly what gets compared. */
    private static Parsed parse(String text) {
        String raw = text.strip();
        int scheme = raw.indexOf("://");
        String withoutScheme = scheme >= 0 ? raw.substring(scheme + 3) : raw;
        int slash = withoutScheme.indexOf('/');
        boolean wholeSite = slash < 0 || slash == withoutScheme.length() - 1;
        ListKind kind = wholeSite ? ListKind.DOMAINS : ListKind.URLS;
        String entry = wholeSite ? (slash < 0 ? withoutScheme : withoutScheme.substring(0, slash)) : raw;
        try {
            return new Parsed(kind, CategoryLists.builder().add(new ListId("check", "local"), kind, entry));
        } catch (InvalidEntryException e) {
            throw new LocalListException("\"" + text.strip() + "\" is not a site or address the filter can use: "
                    + e.getMessage());
        }
    }

    private static String checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new LocalListException("Say why: every change to the lists is recorded with its reason.");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new LocalListException("The reason is longer than " + MAX_REASON + " characters.");
        }
        return reason.strip();
    }

    private void record(OffsetDateTime at, String action, ListName list, String entry, String actor, String reason) {
        jdbc.sql("INSERT INTO local_list_change (action, list_name, entry, actor, occurred_at, reason) "
                        + "VALUES (:action, :list, :entry, :actor, :at, :reason)")
                .param("action", action).param("list", list.name()).param("entry", entry).param("actor", actor)
                .param("at", at).param("reason", reason).update();
    }

    private static final String SELECT =
            "SELECT id, list_name, entry_kind, entry, added_by, added_at, reason FROM local_list_entry";

    private static Entry map(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), ListName.valueOf(rs.getString("list_name")),
                ListKind.valueOf(rs.getString("entry_kind")), rs.getString("entry"), rs.getString("added_by"),
                rs.getObject("added_at", OffsetDateTime.class).toInstant(), rs.getString("reason"));
    }
}
