package org.lantern.server.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.ActionStatus;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.unblocking.UnblockStatus;
import org.lantern.server.unblocking.Unblocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the DSL's weekly summary. Incidents are read through {@link IncidentService}, so every
 * record the summary mentions is logged as a look by the person it is built for, as a line of
 * the incidents list would be. An email digest can call {@link #build} with the DSL as viewer.
 */
@Service
public class WeeklySummaries {

    /** An open action due within this many days from today is "due soon". */
    public static final int DUE_SOON_DAYS = 3;
    private static final Duration WEEK = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final IncidentService incidents;
    private final Unblocks unblocks;

    WeeklySummaries(JdbcClient jdbc, IncidentService incidents, Unblocks unblocks) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.unblocks = unblocks;
    }

    /**
     * The summary of the seven days up to {@code now}, as {@code viewer} may see it.
     *
     * @param viewer who it is for: only records they may read are included, and each is logged
     */
    @Transactional
    public WeeklySummary build(Viewer viewer, OffsetDateTime now) {
        OffsetDateTime since = now.minus(WEEK);
        LocalDate today = now.atZoneSameInstant(SchoolTime.ZONE).toLocalDate();
        List<Long> ids = jdbc.sql("SELECT id FROM incident WHERE recorded_at >= :since "
                        + "OR id IN (SELECT incident_id FROM incident_action WHERE status = 'OPEN') ORDER BY id DESC")
                .param("since", since.withOffsetSameInstant(ZoneOffset.UTC)).query(Long.class).list();
        List<Incident> read = ids.stream().map(id -> incidents.read(id, viewer, Channel.LIST))
                .flatMap(Optional::stream).toList();

        List<Incident> recent = read.stream().filter(i -> !i.recordedAt().isBefore(since)).toList();
        Map<String, WeeklySummary.CategoryCount> byCategory = new LinkedHashMap<>();
        for (Incident i : recent) {
            byCategory.merge(i.subjectType() + "/" + i.categoryId(),
                    new WeeklySummary.CategoryCount(i.subjectType().label(), i.categoryText(), 1),
                    (a, b) -> new WeeklySummary.CategoryCount(a.subjectType(), a.category(), a.count() + 1));
        }
        List<WeeklySummary.ActionLine> open = read.stream().flatMap(i -> i.actions().stream()
                        .filter(a -> a.status() == ActionStatus.OPEN)
                        .map(a -> new WeeklySummary.ActionLine(i.id(), a.id(), a.columnText(), a.ownerRole(), a.dueOn(),
                                i.categoryText())))
                .sorted(Comparator.comparing(WeeklySummary.ActionLine::dueOn).thenComparing(WeeklySummary.ActionLine::actionId))
                .toList();
        Map<String, Long> owners = new TreeMap<>();
        open.forEach(a -> owners.merge(a.ownerRole(), 1L, Long::sum));

        return new WeeklySummary(today.minusDays(WEEK.toDays() - 1), today,
                byCategory.values().stream().sorted(Comparator.comparingLong(WeeklySummary.CategoryCount::count).reversed()).toList(),
                recent.stream().map(i -> new WeeklySummary.IncidentLine(i.id(), i.subjectType().label(), i.categoryText(),
                        i.occurredAt(), i.recordedAt(), i.openActions())).toList(),
                open.stream().filter(a -> a.dueOn().isBefore(today)).toList(),
                open.stream().filter(a -> !a.dueOn().isBefore(today) && !a.dueOn().isAfter(today.plusDays(DUE_SOON_DAYS))).toList(),
                owners.entrySet().stream().map(e -> new WeeklySummary.OwnerCount(e.getKey(), e.getValue())).toList(),
                unblocks.list(UnblockStatus.REQUESTED).stream()
                        .sorted(Comparator.comparing(r -> r.requestedAt()))
                        .map(r -> new WeeklySummary.UnblockLine(r.id(), r.describeTarget(), r.requestedBy(), r.requestedAt(), r.until()))
                        .toList());
    }
}
