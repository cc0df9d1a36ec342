package org.lantern.server.incidents;

import org.lantern.server.http.SchoolTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads records from the database whole: the incident, its people in their roles, links, actions,
 * escalation and investigation. Nothing here checks who may read them or logs a look; callers do
 * ({@link IncidentService#read}).
 */
@Component
class IncidentStore {

    private final JdbcClient jdbc;
    private final People people;

    IncidentStore(JdbcClient jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    Optional<Incident> load(long id) {
        return jdbc.sql("SELECT * FROM incident WHERE id = :id").param("id", id).query((rs, n) -> new Incident(
                        rs.getLong("id"), IncidentType.valueOf(rs.getString("incident_type")),
                        SubjectType.valueOf(rs.getString("subject_type")), rs.getString("category_id"),
                        rs.getString("category_text"), rs.getString("sanction_id"), rs.getString("sanction_text"),
                        school(rs.getObject("occurred_at", OffsetDateTime.class)),
                        rs.getString("location"), rs.getString("description"), rs.getString("child_words"),
                        List.of(), List.of(), rs.getObject("recorded_by_account", Long.class), rs.getString("recorded_by"),
                        school(rs.getObject("recorded_at", OffsetDateTime.class)), List.of(),
                        RecordKind.valueOf(rs.getString("record_kind")), IncidentSource.valueOf(rs.getString("source")),
                        rs.getString("reporter_name"), rs.getString("reporter_address"), rs.getBoolean("illegal_path"),
                        List.of(), null))
                .optional().map(i -> {
                    List<Incident.Subject> subjects = subjects(id);
                    return new Incident(i.id(), i.type(), i.subjectType(), i.categoryId(), i.categoryText(),
                            i.sanctionId(), i.sanctionText(), i.occurredAt(), i.location(), i.description(), i.childWords(),
                            links(id), subjects, i.recordedByAccount(), i.recordedBy(), i.recordedAt(),
                            actions(id, subjects), i.recordKind(), i.source(), i.reporterName(), i.reporterAddress(),
                            i.illegalPath(), escalatedFrom(id), i.illegalPath() ? investigation(id).orElse(null) : null);
                });
    }

    /** The ids of the records naming this person in any role, oldest first. */
    List<Long> naming(long personId) {
        return jdbc.sql("SELECT DISTINCT i.id, i.occurred_at FROM incident i JOIN incident_subject s ON s.incident_id = i.id "
                        + "WHERE s.person_id = :person ORDER BY i.occurred_at, i.id")
                .param("person", personId).query((rs, n) -> rs.getLong("id")).list();
    }

    private List<Long> escalatedFrom(long id) {
        return jdbc.sql("SELECT earlier_incident_id FROM incident_escalation WHERE incident_id = :id "
                + "ORDER BY earlier_incident_id").param("id", id).query(Long.class).list();
    }

    private Optional<Investigation> investigation(long id) {
        List<Investigation.Investigator> staff = jdbc.sql("SELECT account_id, username, role FROM incident_investigator "
                        + "WHERE incident_id = :id ORDER BY username").param("id", id)
                .query((rs, n) -> new Investigation.Investigator(rs.getLong("account_id"), rs.getString("username"),
                        rs.getString("role"))).list();
        return jdbc.sql("SELECT * FROM incident_investigation WHERE incident_id = :id").param("id", id)
                .query((rs, n) -> new Investigation(school(rs.getObject("monitoring_halted_at", OffsetDateTime.class)),
                        rs.getString("monitoring_halted_by"), rs.getString("designated_computer"), rs.getString("outcome"),
                        staff, rs.getString("closed_by"), school(rs.getObject("closed_at", OffsetDateTime.class))))
                .optional();
    }

    private List<String> links(long id) {
        return jdbc.sql("SELECT link FROM incident_link WHERE incident_id = :id ORDER BY position")
                .param("id", id).query(String.class).list();
    }

    private List<Incident.Subject> subjects(long id) {
        Map<Long, List<PersonRole>> roles = new LinkedHashMap<>();
        jdbc.sql("SELECT person_id, role FROM incident_subject WHERE incident_id = :id ORDER BY person_id")
                .param("id", id).query((rs, n) -> Map.entry(rs.getLong("person_id"), PersonRole.valueOf(rs.getString("role"))))
                .list().forEach(e -> roles.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return roles.entrySet().stream().map(e -> new Incident.Subject(e.getKey(), name(e.getKey()),
                e.getValue().stream().sorted().toList())).toList();
    }

    private String name(long personId) {
        return people.find(personId).map(Person::displayName).orElse("person " + personId);
    }

    private List<IncidentAction> actions(long id, List<Incident.Subject> subjects) {
        return jdbc.sql("SELECT * FROM incident_action WHERE incident_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> {
                    Long person = rs.getObject("person_id", Long.class);
                    return new IncidentAction(rs.getLong("id"), rs.getString("column_id"),
                            rs.getString("column_text"), rs.getString("owner_role"), rs.getObject("due_on", LocalDate.class),
                            ActionStatus.valueOf(rs.getString("status")), rs.getString("added_reason"),
                            rs.getString("outcome"), rs.getString("closed_by"),
                            school(rs.getObject("closed_at", OffsetDateTime.class)),
                            school(rs.getObject("created_at", OffsetDateTime.class)), person,
                            person == null ? null : subjects.stream().filter(s -> s.personId() == person)
                                    .map(Incident.Subject::name).findFirst().orElseGet(() -> name(person)));
                })
                .list();
    }

    static OffsetDateTime school(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(SchoolTime.ZONE).toOffsetDateTime();
    }
}
