package org.lantern.server.filtering.bypass;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bypass register summarised over a period of school days: how many attempts each day, by
 * category, by host, and who made the most. Built in one pass over the attempts, so a long
 * period costs memory only for the counts.
 *
 * @param from        the first day (school time)
 * @param to          the last day (school time), inclusive
 * @param total       attempts in the period
 * @param blocked     of which the filter blocked
 * @param perDay      every day of the period in order, with its count (zero days included)
 * @param perCategory categories, most attempts first
 * @param topHosts    the hosts most tried, most first
 * @param topPeople   the people (or unresolved users and devices) with most attempts, most first
 * @param people      how many different people, users or devices made attempts
 */
public record BypassReport(LocalDate from, LocalDate to, long total, long blocked, List<Count> perDay,
                           List<Count> perCategory, List<Count> topHosts, List<PersonCount> topPeople, int people) {

    /**
     * A label and how many.
     *
     * @param label the day (ISO date), category or host
     * @param count attempts
     */
    public record Count(String label, long count) {
    }

    /**
     * Someone's attempts.
     *
     * @param personId the person, or {@code null} when unresolved
     * @param name     the name the filter judged them as, with the user or device when unresolved
     * @param count    attempts
     * @param blocked  of which blocked
     */
    public record PersonCount(Long personId, String name, long count, long blocked) {
    }

    /** The largest daily count, for scaling a chart; at least 1. */
    public long busiestDay() {
        return Math.max(1, perDay.stream().mapToLong(Count::count).max().orElse(0));
    }

    /** Adds attempts one at a time, then {@link #build}s the report. */
    static final class Builder {
        private final LocalDate from;
        private final LocalDate to;
        private final ZoneId zone;
        private final int top;
        private final Map<LocalDate, Long> days = new LinkedHashMap<>();
        private final Map<String, Long> categories = new HashMap<>();
        private final Map<String, Long> hosts = new HashMap<>();
        private final Map<BypassAttempt.Who, long[]> byWho = new HashMap<>();
        private final Map<BypassAttempt.Who, BypassAttempt> lastOfWho = new HashMap<>();
        private long total;
        private long blocked;

        Builder(LocalDate from, LocalDate to, ZoneId zone, int top) {
            this.from = from;
            this.to = to;
            this.zone = zone;
            this.top = top;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.put(d, 0L);
            }
        }

        void add(BypassAttempt a) {
            total++;
            if (!a.allowed()) {
                blocked++;
            }
            days.merge(a.at().atZone(zone).toLocalDate(), 1L, Long::sum);
            categories.merge(a.category(), 1L, Long::sum);
            hosts.merge(a.host(), 1L, Long::sum);
            BypassAttempt.Who who = a.who();
            long[] counts = byWho.computeIfAbsent(who, w -> new long[2]);
            counts[0]++;
            if (!a.allowed()) {
                counts[1]++;
            }
            lastOfWho.put(who, a);
        }

        BypassReport build() {
            List<Count> perDay = new ArrayList<>();
            days.forEach((day, n) -> {
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    perDay.add(new Count(day.toString(), n));
                }
            });
            List<PersonCount> topPeople = byWho.entrySet().stream()
                    .map(e -> {
                        BypassAttempt last = lastOfWho.get(e.getKey());
                        return new PersonCount(last.personId(), name(last), e.getValue()[0], e.getValue()[1]);
                    })
                    .sorted(Comparator.comparingLong(PersonCount::count).reversed().thenComparing(PersonCount::name))
                    .limit(top).toList();
            return new BypassReport(from, to, total, blocked, perDay, ranked(categories, Integer.MAX_VALUE),
                    ranked(hosts, top), topPeople, byWho.size());
        }

        private static String name(BypassAttempt a) {
            if (a.personId() != null) {
                return a.subjectName();
            }
            return a.proxyUser() != null ? a.subjectName() + " (user " + a.proxyUser() + ")"
                    : a.clientIp() != null ? a.subjectName() + " (device " + a.clientIp() + ")" : a.subjectName();
        }

        private static List<Count> ranked(Map<String, Long> counts, int limit) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(e -> new Count(e.getKey(), e.getValue())).toList();
        }
    }
}
