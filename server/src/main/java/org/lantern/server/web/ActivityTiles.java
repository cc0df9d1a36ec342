package org.lantern.server.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.UnaryOperator;

import org.lantern.activity.ActivityStore;
import org.lantern.activity.ActivityStore.ActivityQuery;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.policy.PolicyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's view of the activity log, for those who search it: how many requests the filter
 * saw today and how many it blocked, and the categories blocked most this week, each linked to the
 * {@code /activity} search that lists them. Days and weeks are the school's (midnight, Monday, in
 * its time zone), so the morning's figures start at the school's midnight, not UTC's.
 */
@Component
class ActivityTiles {

    /** How many categories the week's tile lists. */
    static final int TOP = 5;

    private final ActivityStore store;
    private final UnaryOperator<String> categoryNames;

    @Autowired
    ActivityTiles(ActivityStore store, PolicyService policies) {
        this(store, policies::categoryName);
    }

    /** @param categoryNames a category's name from its id */
    ActivityTiles(ActivityStore store, UnaryOperator<String> categoryNames) {
        this.store = store;
        this.categoryNames = categoryNames;
    }

    /**
     * Today's requests and blocks.
     *
     * @param requests the requests since the school's midnight
     * @param blocks   how many of them were blocked
     * @param link     the search listing today's blocks
     */
    record Today(long requests, long blocks, String link) {
    }

    /**
     * A category blocked this week.
     *
     * @param name   the category's name in the policy
     * @param blocks how many requests it blocked
     * @param link   the search listing them
     */
    record Blocked(String name, long blocks, String link) {
    }

    /** @param day the school's today */
    Today today(LocalDate day) {
        Instant from = start(day);
        Instant to = start(day.plusDays(1));
        return new Today(store.count(query(from, to, null, null)), store.count(query(from, to, null, "BLOCK")),
                link(day, day, null));
    }

    /** @param day the school's today: the week is Monday to the end of today */
    List<Blocked> blockedThisWeek(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant from = start(monday);
        Instant to = start(day.plusDays(1));
        return store.topBlockedCategories(query(from, to, null, null), TOP).stream()
                .map(c -> new Blocked(categoryNames.apply(c.key()), c.count(), link(monday, day, c.key()))).toList();
    }

    private static ActivityQuery query(Instant from, Instant to, String category, String action) {
        return new ActivityQuery(from, to, null, null, null, null, null, null, null, category, action, null);
    }

    /**
     * The search page's address for the blocks of a category (or of all) from one school day to
     * another, inclusive. Days rather than instants, so the search log records what was asked as
     * the days people read, not as timestamps.
     */
    static String link(LocalDate first, LocalDate last, String category) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/activity").queryParam("action", "BLOCK");
        if (category != null) {
            uri.queryParam("category", category);
        }
        return uri.queryParam("from", first.toString()).queryParam("to", last.toString()).encode().build().toUriString();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(SchoolTime.ZONE).toInstant();
    }
}
