package org.lantern.server.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.lantern.activity.ActivityRow;
import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityPage;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.activity.ActivityStore.Count;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Searches of the activity log for the page, the CSV download and the API: reads the filters,
 * runs the search on the store, puts names to the rows for a searcher who sees names, and records
 * the search in the {@link ActivitySearchLog} before anything is shown.
 */
@Service
class ActivitySearches {

    /** The people a typed name may match before the searcher is asked to type more. */
    static final int NAME_CHOICES = 10;
    /** How many blocked attempts and searches a timeline lists. */
    static final int TIMELINE_ROWS = 20;
    /** The period a timeline covers when the search gives none: the week up to now. */
    static final Duration DEFAULT_TIMELINE = Duration.ofDays(7);
    /** The longest period a timeline draws hour by hour. */
    static final Duration MAX_TIMELINE = Duration.ofDays(31);
    /** A CSV download holds at most this many requests, read a page at a time. */
    static final int MAX_CSV_ROWS = 100_000;
    private static final int CSV_PAGE = 1_000;

    private final ActivityStore store;
    private final People people;
    private final ActivitySearchLog log;
    private final ActivityNamesSetting setting;

    ActivitySearches(ActivityStore store, People people, ActivitySearchLog log, ActivityNamesSetting setting) {
        this.store = store;
        this.people = people;
        this.log = log;
        this.setting = setting;
    }

    /** The signed-in user as a searcher, with whether they see names by the school's setting. */
    Searcher searcher(Authentication user) {
        return Searcher.of(user, setting.technicalSeesNames());
    }

    /** Reads filters; a typed name is looked up in the people directory. */
    ActivityFilters.Parsed parse(ActivityFilters filters, Searcher searcher) {
        return filters.parse(searcher.names(), name -> people.search(name, null, null, 0, NAME_CHOICES).people());
    }

    /**
     * A page of results, recorded in the search log; on the page, the first page of a search for one
     * subject comes with their timeline.
     *
     * @param searcher who is searching
     * @param parsed   filters without errors
     * @param limit    the page size
     * @param channel  the page or the API
     * @return the page
     * @throws BadCursorException if the cursor is not one the store handed out
     */
    Results search(Searcher searcher, ActivityFilters.Parsed parsed, int limit, ActivitySearchLog.Channel channel) {
        ActivityPage page = page(parsed.query(), parsed.filters().cursor(), limit);
        Names names = new Names(searcher.names());
        List<ActivityEntry> rows = names.entries(page.rows());
        Timeline timeline = null;
        if (channel == ActivitySearchLog.Channel.PAGE && parsed.oneSubject() && parsed.filters().cursor() == null) {
            timeline = timeline(parsed.query(), names);
        }
        int shown = rows.size() + (timeline == null ? 0 : timeline.blocked().size() + timeline.searches().size());
        record(searcher, parsed, channel, names, shown);
        return new Results(rows, page.next(), timeline, names.of(parsed.query().personId()));
    }

    /**
     * Every matching request up to {@value #MAX_CSV_ROWS}, newest first, for a download; recorded in
     * the search log. All are read before any is written, so a search that fails (a bad cursor) is
     * refused before the file starts, and the search is in the log before the file is sent.
     *
     * @throws BadCursorException if the cursor is not one the store handed out
     */
    List<ActivityEntry> download(Searcher searcher, ActivityFilters.Parsed parsed) {
        Names names = new Names(searcher.names());
        List<ActivityEntry> rows = new ArrayList<>();
        String cursor = parsed.filters().cursor();
        do {
            ActivityPage page = page(parsed.query(), cursor, Math.min(CSV_PAGE, MAX_CSV_ROWS - rows.size()));
            rows.addAll(names.entries(page.rows()));
            cursor = page.next();
        } while (cursor != null && rows.size() < MAX_CSV_ROWS);
        record(searcher, parsed, ActivitySearchLog.Channel.CSV, names, rows.size());
        return rows;
    }

    private ActivityPage page(ActivityQuery query, String cursor, int limit) {
        try {
            return store.search(query, cursor, limit);
        } catch (IllegalArgumentException e) {
            // The store refuses a cursor it did not hand out; anything else it refuses is our mistake.
            if (cursor == null) {
                throw e;
            }
            throw new BadCursorException();
        }
    }

    private void record(Searcher searcher, ActivityFilters.Parsed parsed, ActivitySearchLog.Channel channel,
                        Names names, int rows) {
        Long personId = parsed.query().personId();
        Set<Long> shown = new LinkedHashSet<>(names.seen());
        if (personId != null) {
            shown.add(personId);
        }
        log.record(searcher, channel, parsed.filters().describe(personId, names.of(personId)), personId, shown, rows);
    }

    /** Requests per hour, blocked attempts and searches for one subject over the search's period. */
    private Timeline timeline(ActivityQuery query, Names names) {
        Instant to = query.to() != null ? query.to() : Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant from = query.from() != null ? query.from() : to.minus(DEFAULT_TIMELINE);
        if (Duration.between(from, to).compareTo(MAX_TIMELINE) > 0) {
            from = to.minus(MAX_TIMELINE);
        }
        ActivityQuery period = withPeriod(query, from, to);
        List<Count> perHour = store.perHour(period);
        List<ActivityEntry> blocked = names.entries(store.search(withAction(period, "BLOCK"), null, TIMELINE_ROWS).rows());
        // An empty search text matches every row that has a search term, and only those.
        List<ActivityEntry> searches = names.entries(store.search(withSearchText(period, ""), null, TIMELINE_ROWS).rows());
        return new Timeline(from, to, HourChart.of(from, to, perHour), perHour, blocked, searches);
    }

    private static ActivityQuery withPeriod(ActivityQuery q, Instant from, Instant to) {
        return new ActivityQuery(from, to, q.personId(), q.user(), q.groupId(), q.yearGroup(), q.clientIp(),
                q.device(), q.text(), q.category(), q.action(), q.searchText());
    }

    private static ActivityQuery withAction(ActivityQuery q, String action) {
        return new ActivityQuery(q.from(), q.to(), q.personId(), q.user(), q.groupId(), q.yearGroup(), q.clientIp(),
                q.device(), q.text(), q.category(), action, q.searchText());
    }

    private static ActivityQuery withSearchText(ActivityQuery q, String searchText) {
        return new ActivityQuery(q.from(), q.to(), q.personId(), q.user(), q.groupId(), q.yearGroup(), q.clientIp(),
                q.device(), q.text(), q.category(), q.action(), q.searchText() != null ? q.searchText() : searchText);
    }

    /**
     * A page of results.
     *
     * @param rows       the requests, newest first
     * @param next       the cursor of the next page, or null at the end
     * @param timeline   the subject's timeline, on the first page of a search on the page; else null
     * @param personName the name of the person searched for, for a searcher who sees names
     */
    record Results(List<ActivityEntry> rows, String next, Timeline timeline, String personName) {
    }

    /**
     * One subject's activity over a period.
     *
     * @param from     the start of the period
     * @param to       its end
     * @param chart    requests per hour, drawn
     * @param perHour  the same as figures, hours with none left out
     * @param blocked  the latest blocked attempts
     * @param searches the latest searches typed
     */
    record Timeline(Instant from, Instant to, HourChart chart, List<Count> perHour, List<ActivityEntry> blocked,
                    List<ActivityEntry> searches) {
    }

    /** A cursor that is not one the store handed out. */
    static final class BadCursorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadCursorException() {
            super("Cursor: not one this server handed out; start again from the first page.");
        }
    }

    /** Names for the people in the rows shown, looked up once each, and who they were. */
    private final class Names {
        private final boolean shown;
        private final Map<Long, String> names = new HashMap<>();
        private final Set<Long> seen = new LinkedHashSet<>();

        Names(boolean shown) {
            this.shown = shown;
        }

        List<ActivityEntry> entries(List<ActivityRow> rows) {
            rows.stream().map(ActivityRow::personId).filter(Objects::nonNull).forEach(seen::add);
            return rows.stream().map(r -> ActivityEntry.of(r, shown, of(r.personId()))).toList();
        }

        String of(Long personId) {
            if (!shown || personId == null) {
                return null;
            }
            return names.computeIfAbsent(personId, id -> people.find(id).map(Person::displayName).orElse("person #" + id));
        }

        /** Everyone whose rows were read, named or not: a look at their browsing either way. */
        Set<Long> seen() {
            return seen;
        }
    }
}
