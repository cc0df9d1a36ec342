package org.lantern.server.incidents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records' part of what the DSL's team has to do today: records nobody in the team has opened
 * yet (pupils' own reports among them), open actions due today or overdue with who owns them,
 * cases with no owner and cases whose review date has come. Only records the viewer may read are
 * listed, and each one shown is logged as a look from a list, as on the incidents list.
 */
@Service
public class CaseWork {

    private final JdbcClient jdbc;
    private final IncidentService incidents;
    private final CaseService cases;
    private final RecordAccessLog accessLog;

    CaseWork(JdbcClient jdbc, IncidentService incidents, CaseService cases, RecordAccessLog accessLog) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.cases = cases;
        this.accessLog = accessLog;
    }

    /**
     * A record on the list.
     *
     * @param incident the record
     * @param kase     its case
     */
    public record Item(Incident incident, Case kase) {
        /** Whether it is a pupil's own report. */
        public boolean pupilReport() {
            return incident.source() == IncidentSource.PUPIL_REPORT;
        }
    }

    /**
     * An open action due today or earlier.
     *
     * @param item    its record
     * @param action  the action
     * @param owner   the person named for it; null when it is the DSL's team's with nobody named
     * @param overdue whether its day has passed
     */
    public record DueAction(Item item, IncidentAction action, Case.Owner owner, boolean overdue) {
    }

    /**
     * Today's work on records.
     *
     * @param unread     records not yet opened by anyone in the DSL's team, oldest first
     * @param actionsDue open actions due today or overdue, the most overdue first
     * @param noOwner    open or monitored cases nobody owns, most urgent first
     * @param reviewsDue open or monitored cases whose review date has come, earliest first
     */
    public record Work(List<Item> unread, List<DueAction> actionsDue, List<Item> noOwner, List<Item> reviewsDue) {
        /** Whether there is nothing at all to do. */
        public boolean empty() {
            return unread.isEmpty() && actionsDue.isEmpty() && noOwner.isEmpty() && reviewsDue.isEmpty();
        }
    }

    /** Today's work on the records this viewer may read. */
    @Transactional
    public Work today(Viewer viewer) {
        LocalDate today = People.today();
        List<String> team = Arrays.stream(Role.values()).filter(r -> r.can(Permission.INCIDENT_MANAGE)).map(Role::name).toList();
        List<Long> unread = ids("SELECT i.id FROM incident i WHERE i.case_status <> 'CLOSED' "
                + "AND NOT EXISTS (SELECT 1 FROM account r WHERE r.id = i.recorded_by_account AND r.role IN (:team)) "
                + "AND NOT EXISTS (SELECT 1 FROM record_access ra JOIN account a ON a.id = ra.account_id "
                + "WHERE ra.record_type = 'incident' AND ra.record_id = i.id AND ra.allowed = TRUE "
                + "AND ra.channel IN ('PAGE', 'API') AND a.role IN (:team)) ORDER BY i.recorded_at, i.id", Map.of("team", team));
        List<Long> noOwner = ids("SELECT id FROM incident WHERE case_status <> 'CLOSED' AND case_owner_account IS NULL "
                + "ORDER BY recorded_at, id", Map.of());
        List<Long> reviews = ids("SELECT id FROM incident WHERE case_status <> 'CLOSED' AND case_review_on <= :today "
                + "ORDER BY case_review_on, id", Map.of("today", today));
        List<long[]> due = jdbc.sql("SELECT a.incident_id, a.id FROM incident_action a WHERE a.status = 'OPEN' "
                        + "AND a.due_on <= :today ORDER BY a.due_on, a.id").param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();

        Set<Long> wanted = new LinkedHashSet<>(unread);
        wanted.addAll(noOwner);
        wanted.addAll(reviews);
        due.forEach(d -> wanted.add(d[0]));
        Map<Long, Item> readable = wanted.stream().map(incidents::load).flatMap(Optional::stream).filter(viewer::mayRead)
                .map(i -> new Item(i, cases.of(i))).collect(Collectors.toMap(i -> i.incident().id(), Function.identity()));
        readable.keySet().forEach(id -> accessLog.log(viewer, id, Channel.LIST, true));

        List<DueAction> actionsDue = new ArrayList<>();
        for (long[] d : due) {
            Item item = readable.get(d[0]);
            if (item != null) {
                item.incident().actions().stream().filter(a -> a.id() == d[1]).findFirst().ifPresent(a -> actionsDue.add(
                        new DueAction(item, a, item.kase().actionOwner(a.id()), a.dueOn().isBefore(today))));
            }
        }
        List<Item> owners = items(noOwner, readable);
        owners.sort(Comparator.comparing((Item i) -> i.kase().priority()).reversed());
        return new Work(items(unread, readable), actionsDue, owners, items(reviews, readable));
    }

    private List<Long> ids(String sql, Map<String, ?> params) {
        return jdbc.sql(sql).params(params).query(Long.class).list();
    }

    private static List<Item> items(List<Long> ids, Map<Long, Item> readable) {
        return ids.stream().map(readable::get).filter(Objects::nonNull).collect(Collectors.toCollection(ArrayList::new));
    }
}
