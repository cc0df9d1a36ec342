package org.lantern.server.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lantern.policy.Column;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.IncidentCategories;
import org.lantern.server.incidents.IncidentCategory;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.people.People;
import org.lantern.server.people.YearGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the governors' annual report from the incident records. It reads counts only: no name,
 * identifier, free text or date finer than a month leaves the database query, so the report
 * cannot carry them. Categories and actions are listed in the order of the school's policy tables
 * (every row, including those with no incidents), then any recorded under a policy since changed.
 */
@Service
public class GovernorsReports {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    static final String UNKNOWN_YEAR = "Year group not known";
    private static final String STAFF = "Staff";

    private final JdbcClient jdbc;
    private final IncidentCategories categories;

    GovernorsReports(JdbcClient jdbc, IncidentCategories categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    private record IncidentRow(long id, SubjectType subject, String categoryId, String categoryText, YearMonth month) {
    }

    private record Involvement(String kind, String yearGroup, LocalDate leavingDate) {
    }

    /** The report for one school year, as of today. */
    @Transactional(readOnly = true)
    public GovernorsReport build(SchoolYear year) {
        return build(year, People.today());
    }

    GovernorsReport build(SchoolYear year, LocalDate today) {
        List<IncidentRow> incidents = jdbc.sql("SELECT id, subject_type, category_id, category_text, occurred_at FROM incident "
                        + "WHERE occurred_at >= :from AND occurred_at < :to")
                .param("from", year.start().withOffsetSameInstant(ZoneOffset.UTC))
                .param("to", year.end().withOffsetSameInstant(ZoneOffset.UTC))
                .query((rs, n) -> new IncidentRow(rs.getLong("id"), SubjectType.valueOf(rs.getString("subject_type")),
                        rs.getString("category_id"), rs.getString("category_text"),
                        YearMonth.from(rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(SchoolTime.ZONE))))
                .list();
        long pupil = incidents.stream().filter(i -> i.subject() == SubjectType.PUPIL).count();
        long staff = incidents.size() - pupil;
        SmallNumbers.Range all = SmallNumbers.Range.published(incidents.size());
        SmallNumbers.Protected split = SmallNumbers.protect(List.of(pupil, staff), all);

        Map<String, Long> months = new LinkedHashMap<>();
        year.months().forEach(m -> months.put(MONTH.format(m), 0L));
        incidents.forEach(i -> months.merge(MONTH.format(i.month()), 1L, Long::sum));

        return new GovernorsReport(year.startYear(), year.label(), year.firstDay(), year.lastDay(),
                OffsetDateTime.now(SchoolTime.ZONE),
                SmallNumbers.headline(incidents.size()), split.counts().get(0), split.counts().get(1),
                breakdown("Incidents by month", months, all, SmallNumbers.headline(incidents.size())),
                breakdown("Pupil incidents by category", byCategory(incidents, SubjectType.PUPIL),
                        split.known().get(0), split.counts().get(0)),
                breakdown("Staff incidents by category", byCategory(incidents, SubjectType.STAFF),
                        split.known().get(1), split.counts().get(1)),
                breakdown("Pupil incidents by action taken", byAction(year, SubjectType.PUPIL),
                        SmallNumbers.Range.UNKNOWN, null),
                breakdown("Staff incidents by action taken", byAction(year, SubjectType.STAFF),
                        SmallNumbers.Range.UNKNOWN, null),
                peopleInvolved(year, today),
                notes());
    }

    static Breakdown breakdown(String title, Map<String, Long> values, SmallNumbers.Range total, Count shownTotal) {
        SmallNumbers.Protected safe = SmallNumbers.protect(List.copyOf(values.values()), total);
        List<Breakdown.Row> rows = new ArrayList<>();
        int i = 0;
        for (String label : values.keySet()) {
            rows.add(new Breakdown.Row(label, safe.counts().get(i++)));
        }
        return new Breakdown(title, safe.withdrawn() ? List.of() : rows, shownTotal, safe.withdrawn());
    }

    private Map<String, Long> byCategory(List<IncidentRow> incidents, SubjectType subject) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (IncidentCategory c : categories.of(subject)) {
            labels.put(c.id(), c.text());
        }
        Map<String, Long> counts = new HashMap<>();
        for (IncidentRow i : incidents) {
            if (i.subject() == subject) {
                labels.putIfAbsent(i.categoryId(), i.categoryText());
                counts.merge(i.categoryId(), 1L, Long::sum);
            }
        }
        Map<String, Long> byLabel = new LinkedHashMap<>();
        labels.forEach((id, text) -> byLabel.merge(text, counts.getOrDefault(id, 0L), Long::sum));
        return byLabel;
    }

    private Map<String, Long> byAction(SchoolYear year, SubjectType subject) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Column c : categories.columns(subject)) {
            labels.put(c.id(), c.text());
        }
        Map<String, Set<Long>> incidents = new HashMap<>();
        jdbc.sql("SELECT a.incident_id, a.column_id, a.column_text FROM incident_action a JOIN incident i ON i.id = a.incident_id "
                        + "WHERE i.occurred_at >= :from AND i.occurred_at < :to AND i.subject_type = :subject "
                        + "AND a.status <> 'WAIVED' ORDER BY a.id")
                .param("from", year.start().withOffsetSameInstant(ZoneOffset.UTC))
                .param("to", year.end().withOffsetSameInstant(ZoneOffset.UTC)).param("subject", subject.name())
                .query(rs -> {
                    labels.putIfAbsent(rs.getString("column_id"), rs.getString("column_text"));
                    incidents.computeIfAbsent(rs.getString("column_id"), k -> new HashSet<>()).add(rs.getLong("incident_id"));
                });
        Map<String, Long> byLabel = new LinkedHashMap<>();
        labels.forEach((id, text) -> byLabel.merge(text, (long) incidents.getOrDefault(id, Set.of()).size(), Long::sum));
        return byLabel;
    }

    private Breakdown peopleInvolved(SchoolYear year, LocalDate today) {
        List<Involvement> involved = jdbc.sql("SELECT p.kind, p.year_group, p.leaving_date FROM incident_subject s "
                        + "JOIN incident i ON i.id = s.incident_id JOIN person p ON p.id = s.person_id "
                        + "WHERE i.occurred_at >= :from AND i.occurred_at < :to")
                .param("from", year.start().withOffsetSameInstant(ZoneOffset.UTC))
                .param("to", year.end().withOffsetSameInstant(ZoneOffset.UTC))
                .query((rs, n) -> new Involvement(rs.getString("kind"), rs.getString("year_group"),
                        rs.getObject("leaving_date", LocalDate.class)))
                .list();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (YearGroup g : YearGroup.values()) {
            rows.put(g.label(), 0L);
        }
        rows.put(UNKNOWN_YEAR, 0L);
        rows.put(STAFF, 0L);
        for (Involvement p : involved) {
            String row = "STAFF".equals(p.kind()) ? STAFF : yearGroupThen(p, year, today);
            rows.merge(row, 1L, Long::sum);
        }
        long total = involved.size();
        return breakdown("People involved, by year group at the time (pupils) or as staff", rows,
                SmallNumbers.Range.published(total), SmallNumbers.headline(total));
    }

    /**
     * The year group a pupil was in during {@code year}. The directory holds the current year group
     * only (or the one they left in), so it is moved back one year for every September since.
     */
    static String yearGroupThen(String code, LocalDate leavingDate, SchoolYear year, LocalDate today) {
        if (code == null) {
            return UNKNOWN_YEAR;
        }
        SchoolYear known = leavingDate != null && !leavingDate.isAfter(today)
                ? SchoolYear.containing(leavingDate.minusDays(1)) : SchoolYear.containing(today);
        int then = YearGroup.ofCode(code).ordinal() - (known.startYear() - year.startYear());
        return then < 0 || then >= YearGroup.values().length ? UNKNOWN_YEAR : YearGroup.values()[then].label();
    }

    private static String yearGroupThen(Involvement p, SchoolYear year, LocalDate today) {
        return yearGroupThen(p.yearGroup(), p.leavingDate(), year, today);
    }

    private static List<String> notes() {
        return List.of(
                "Counts of 1 or 2 are shown as <3 so that no pupil or member of staff can be recognised. Where a "
                        + "<3 could be worked out from a total, another count is withheld as well.",
                "Incidents are counted in the month they happened. An incident can lead to several actions, so "
                        + "the action tables do not add up to the number of incidents; waived actions are not counted.",
                "An incident can involve more than one person, so people involved can exceed incidents. Year groups "
                        + "are those at the time, worked out from the directory's current year group.",
                "The report holds no names, identifiers or descriptions.");
    }
}
