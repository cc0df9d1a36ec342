package org.lantern.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person's alerts together, so the DSL sees a pattern no single alert shows ("three self-harm
 * searches this week, one bypass attempt"): the alerts grouped by kind and category, for the last
 * seven days and for all time, and each alert listed. Every alert shown is logged as a look.
 */
@Component
class PersonAlerts {

    static final Duration WEEK = Duration.ofDays(7);

    private final AlertRegister register;
    private final AlertAccessLog looks;

    PersonAlerts(AlertRegister register, AlertAccessLog looks) {
        this.register = register;
        this.looks = looks;
    }

    /**
     * Alerts of one kind and category.
     *
     * @param kind     the kind
     * @param category the category as people read it
     * @param alerts   how many alerts
     * @param requests how many requests (or attempts) they counted
     * @param open     how many are not closed
     */
    record Group(AlertKind kind, String category, int alerts, long requests, int open) {
        /** "3 alerts (5 requests)", in words. */
        public String summary() {
            String what = kind == AlertKind.PERSISTENT_BYPASS ? "attempt" : "request";
            return (alerts == 1 ? "1 alert" : alerts + " alerts") + " (" + requests + " " + what
                    + (requests == 1 ? "" : "s") + ")";
        }
    }

    /**
     * What the page shows.
     *
     * @param thisWeek the groups of the alerts first seen in the last seven days, most first
     * @param allTime  the groups of every alert, most first
     * @param alerts   every alert, newest first
     * @param open     how many are not closed
     */
    record View(List<Group> thisWeek, List<Group> allTime, List<Alert> alerts, long open) {
    }

    @Transactional
    View of(long personId, Viewer viewer, Instant now) {
        List<Alert> alerts = new ArrayList<>(register.about(personId));
        alerts.sort(Comparator.comparing(Alert::lastSeenAt).thenComparing(Alert::id).reversed());
        alerts.forEach(a -> looks.log(viewer, a.id(), Channel.LIST));
        Instant weekAgo = now.minus(WEEK);
        return new View(groups(alerts.stream().filter(a -> !a.firstSeenAt().isBefore(weekAgo)).toList()),
                groups(alerts), List.copyOf(alerts),
                alerts.stream().filter(a -> a.status() != AlertStatus.CLOSED).count());
    }

    private static List<Group> groups(List<Alert> alerts) {
        Map<String, List<Alert>> byGroup = new LinkedHashMap<>();
        for (Alert a : alerts) {
            byGroup.computeIfAbsent(a.kind().name() + "\n" + a.categoryName(), k -> new ArrayList<>()).add(a);
        }
        return byGroup.values().stream()
                .map(g -> new Group(g.getFirst().kind(), g.getFirst().categoryName(), g.size(),
                        g.stream().mapToLong(Alert::occurrences).sum(),
                        (int) g.stream().filter(a -> a.status() != AlertStatus.CLOSED).count()))
                .sorted(Comparator.comparingInt(Group::alerts).reversed())
                .toList();
    }
}
