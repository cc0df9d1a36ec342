package org.lantern.proxy.squidguard;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A squidGuard {@code time} rule: it holds at a moment when any of its {@code weekly} or {@code
 * date} elements does. Evaluated in the helper's local time, as squidGuard uses local time.
 *
 * @param name the rule's name
 * @param elements its elements, any of which makes it hold
 */
public record TimeRule(String name, List<Element> elements) {

    /** Makes the element list immutable. */
    public TimeRule {
        elements = List.copyOf(elements);
    }

    /**
     * @param now the local date and time to test
     * @return whether any element holds
     */
    public boolean holdsAt(LocalDateTime now) {
        for (Element e : elements) {
            if (e.holdsAt(now)) {
                return true;
            }
        }
        return false;
    }

    /** One {@code weekly} or {@code date} line. */
    public sealed interface Element permits Weekly, Dates {

        /** @return the times of day; empty means all day */
        List<Minutes> times();

        /** @param now the moment @return whether the day matches */
        boolean dayMatches(LocalDateTime now);

        /** @param now the moment @return whether the day and a time of day match */
        default boolean holdsAt(LocalDateTime now) {
            if (!dayMatches(now)) {
                return false;
            }
            if (times().isEmpty()) {
                return true;
            }
            int minute = now.getHour() * 60 + now.getMinute();
            for (Minutes m : times()) {
                if (m.contains(minute)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * {@code weekly DAYS [HH:MM-HH:MM ...]}.
     *
     * @param daysMask bit {@code d} set for ISO day-of-week {@code d} (1 = Monday ... 7 = Sunday)
     * @param times the times of day; empty means all day
     */
    public record Weekly(int daysMask, List<Minutes> times) implements Element {

        /** Makes the times immutable. */
        public Weekly {
            times = List.copyOf(times);
        }

        @Override
        public boolean dayMatches(LocalDateTime now) {
            return (daysMask & (1 << now.getDayOfWeek().getValue())) != 0;
        }
    }

    /**
     * {@code date FROM[-TO] [HH:MM-HH:MM ...]}, where each of year, month and day may be a
     * wildcard ({@code *}, stored as -1) that matches any value.
     *
     * @param from first date as {year, month, day}
     * @param to last date as {year, month, day}; equal to {@code from} for a single date
     * @param times the times of day; empty means all day
     */
    public record Dates(int[] from, int[] to, List<Minutes> times) implements Element {

        /** Copies the arrays so the rule is immutable. */
        public Dates {
            from = from.clone();
            to = to.clone();
            times = List.copyOf(times);
        }

        @Override
        public boolean dayMatches(LocalDateTime now) {
            int[] today = {now.getYear(), now.getMonthValue(), now.getDayOfMonth()};
            return compare(today, from) >= 0 && compare(today, to) <= 0;
        }

        /** Lexicographic comparison where a wildcard field equals anything. */
        private static int compare(int[] date, int[] bound) {
            for (int i = 0; i < 3; i++) {
                if (bound[i] < 0 || date[i] == bound[i]) {
                    continue;
                }
                return Integer.compare(date[i], bound[i]);
            }
            return 0;
        }
    }

    /**
     * A time-of-day interval in minutes after midnight, start inclusive, end exclusive.
     *
     * @param from start minute
     * @param to end minute ({@code 24:00} is 1440)
     */
    public record Minutes(int from, int to) {

        /** @param minute minute of the day @return whether it is inside */
        public boolean contains(int minute) {
            return minute >= from && minute < to;
        }
    }
}
