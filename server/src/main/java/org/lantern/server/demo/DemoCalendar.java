package org.lantern.server.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.reports.SchoolYear;

/**
 * Times for the demo school's records, all counted back from the moment they are seeded, so the
 * reports of the current school year, this week's summary and the registers always have content
 * whenever the demo is started. Events fall in school hours on weekdays where the window allows,
 * and never after {@link #now()}.
 */
final class DemoCalendar {

    private static final LocalTime SCHOOL_OPENS = LocalTime.of(8, 30);
    private static final LocalTime SCHOOL_CLOSES = LocalTime.of(16, 30);

    private final OffsetDateTime now;
    private final Random random;

    /**
     * @param seededAt when seeding starts; every time given out is at least a minute before it, so a
     *                 record written during seeding can be told from one already moved back
     * @param random   the demo's fixed-seed random numbers
     */
    DemoCalendar(OffsetDateTime seededAt, Random random) {
        this.now = seededAt.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime().minusMinutes(1);
        this.random = random;
    }

    /** The latest time any seeded event may have. */
    OffsetDateTime now() {
        return now;
    }

    LocalDate today() {
        return now.toLocalDate();
    }

    SchoolYear currentYear() {
        return SchoolYear.containing(today());
    }

    SchoolYear lastYear() {
        return new SchoolYear(currentYear().startYear() - 1);
    }

    /**
     * {@code hour:minute} on the school day {@code daysAgo} days back (a weekend moves to the Friday
     * before), or now if that is still to come.
     */
    OffsetDateTime daysAgo(int daysAgo, int hour, int minute) {
        return notAfterNow(at(weekdayOnOrBefore(today().minusDays(daysAgo)), hour, minute));
    }

    /** {@code hour:minute} yesterday, whatever day of the week that was. */
    OffsetDateTime yesterday(int hour, int minute) {
        return at(today().minusDays(1), hour, minute);
    }

    /** A time in the demo's past, never later than {@link #now()}. */
    OffsetDateTime notAfterNow(OffsetDateTime at) {
        return at.isAfter(now) ? now : at;
    }

    /** {@code at} plus a random delay of {@code minMinutes} to {@code maxMinutes}, never later than {@link #now()}. */
    OffsetDateTime later(OffsetDateTime at, int minMinutes, int maxMinutes) {
        int span = Math.max(0, maxMinutes - minMinutes);
        return notAfterNow(at.plusMinutes(minMinutes + random.nextInt(span + 1)));
    }

    /**
     * A time in {@code [from, to)} during the school day on a weekday, when the window has one, as
     * staff would do their work; otherwise any time in it. A window reaching past {@link #now()}
     * ends there.
     */
    OffsetDateTime schoolTimeBetween(OffsetDateTime from, OffsetDateTime to) {
        OffsetDateTime end = to.isAfter(now) ? now : to;
        OffsetDateTime start = from.isAfter(end) ? end : from;
        List<OffsetDateTime[]> slots = new ArrayList<>();
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            OffsetDateTime open = latest(start, at(day, SCHOOL_OPENS));
            OffsetDateTime close = earliest(end, at(day, SCHOOL_CLOSES));
            if (open.isBefore(close)) {
                slots.add(new OffsetDateTime[] {open, close});
            }
        }
        if (slots.isEmpty()) {
            return between(start, end);
        }
        OffsetDateTime[] slot = slots.get(random.nextInt(slots.size()));
        return between(slot[0], slot[1]);
    }

    /**
     * {@code count} times spread across {@code [from, to)}, oldest first: the window is cut into
     * equal parts and each part gives one time in school hours if it has any. A window that is empty
     * or in the future shrinks to end at {@link #now()}.
     */
    List<OffsetDateTime> spread(OffsetDateTime from, OffsetDateTime to, int count) {
        OffsetDateTime end = to.isAfter(now) ? now : to;
        OffsetDateTime start = from.isAfter(end) ? end : from;
        Duration part = Duration.between(start, end).dividedBy(count);
        List<OffsetDateTime> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(schoolTimeBetween(start.plus(part.multipliedBy(i)), start.plus(part.multipliedBy(i + 1))));
        }
        times.sort(null);
        return times;
    }

    private OffsetDateTime between(OffsetDateTime from, OffsetDateTime to) {
        long seconds = Duration.between(from, to).toSeconds();
        return seconds <= 0 ? from : from.plusSeconds((long) (random.nextDouble() * seconds));
    }

    private static OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(SchoolTime.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return at(day, LocalTime.of(hour, minute));
    }

    private static LocalDate weekdayOnOrBefore(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }
}
