package org.lantern.server.people;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lantern.policy.Sanctions;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internet access suspended as an incident's sanction (seed 002, Actions / Sanctions: "removal of
 * network / internet access rights"). Completing that action suspends the incident's subjects:
 * their access is removed in the register, naming the incident, and the filter blocks them at
 * their next request. Ordinary grants are refused while a suspension is in force; only someone
 * whose role has {@link Permission#NETWORK_ACCESS_RESTORE} restores it, with a reason. Both steps
 * are appended to the {@link AuditChain}.
 */
@Service
public class AccessSuspensions {

    /** Longest restore reason accepted, matching the column. */
    public static final int MAX_REASON = 500;

    /** What a restore did. */
    public enum Restored {
        /** No suspension was in force: nothing changed. */
        NOTHING_SUSPENDED,
        /** The suspension ended and the person has internet access again. */
        ACCESS_GIVEN_BACK,
        /** The suspension ended; access stays off because the person had none before it, or has left. */
        SUSPENSION_LIFTED
    }

    private static final String COLUMNS = "id, person_id, incident_id, suspended_by, suspended_at, had_access, "
            + "restored_by, restored_at, restore_reason";

    private final JdbcClient jdbc;
    private final People people;
    private final AuditChain audit;

    AccessSuspensions(JdbcClient jdbc, People people, AuditChain audit) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
    }

    /** The roles allowed to restore, as a page says them: "Administrator / network manager, ... or Headteacher ...". */
    public static String whoMayRestore() {
        List<String> titles = Arrays.stream(Role.values()).filter(r -> r.can(Permission.NETWORK_ACCESS_RESTORE))
                .map(Role::title).toList();
        if (titles.size() == 1) {
            return titles.getFirst();
        }
        return String.join(", ", titles.subList(0, titles.size() - 1)) + " or " + titles.getLast();
    }

    @EventListener
    void onIncidentActionCompleted(IncidentActionCompleted completed) {
        if (Sanctions.REMOVE_NETWORK_ACCESS.equals(completed.columnId())) {
            for (long personId : completed.subjectPersonIds()) {
                suspend(personId, completed.incidentId(), completed.actor());
            }
        }
    }

    /**
     * Suspends a person's internet access after an incident.
     *
     * @throws PersonNotFoundException when there is no such person
     */
    @Transactional
    public AccessSuspension suspend(long personId, long incidentId, String actor) {
        Person person = people.get(personId);
        OffsetDateTime now = People.now();
        jdbc.sql("INSERT INTO access_suspension (person_id, incident_id, suspended_by, suspended_at, had_access) "
                        + "VALUES (:person, :incident, :actor, :at, :had)")
                .param("person", personId).param("incident", incidentId).param("actor", actor).param("at", now)
                .param("had", person.internetAccess()).update();
        if (person.internetAccess()) {
            people.changeAccess(personId, AccessAction.REMOVED, actor,
                    "Removal of network / internet access rights, completed on incident " + incidentId, incidentId);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("incidentId", incidentId);
        detail.put("hadAccess", person.internetAccess());
        audit.append(actor, "person.access.suspended", GroupMemberships.AUDIT_RECORD, Long.toString(personId),
                People.json(detail));
        return all(personId).getFirst();
    }

    /**
     * Ends every suspension in force for a person and gives back the access they took, unless the
     * person has left. The caller checks {@link Permission#NETWORK_ACCESS_RESTORE}.
     *
     * @throws AccessRestoreException  for a blank or over-long reason; nothing changes
     * @throws PersonNotFoundException when there is no such person
     */
    @Transactional
    public Restored restore(long personId, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new AccessRestoreException("Say why: restoring internet access is recorded with its reason.");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw new AccessRestoreException("The reason is longer than " + MAX_REASON + " characters.");
        }
        Person person = people.get(personId);
        List<AccessSuspension> open = inForce(personId);
        if (open.isEmpty()) {
            return Restored.NOTHING_SUSPENDED;
        }
        jdbc.sql("UPDATE access_suspension SET restored_by = :actor, restored_at = :at, restore_reason = :reason "
                        + "WHERE person_id = :person AND restored_at IS NULL")
                .param("actor", actor).param("at", People.now()).param("reason", why).param("person", personId)
                .update();
        long incidentId = open.getFirst().incidentId();
        boolean giveBack = open.stream().anyMatch(AccessSuspension::hadAccess) && !person.hasLeft(People.today());
        if (giveBack) {
            people.changeAccess(personId, AccessAction.GRANTED, actor,
                    "Restored after incident " + incidentId + ": " + why, incidentId);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("incidentIds", open.stream().map(AccessSuspension::incidentId).toList());
        detail.put("reason", why);
        detail.put("accessGivenBack", giveBack);
        audit.append(actor, "person.access.restored", GroupMemberships.AUDIT_RECORD, Long.toString(personId),
                People.json(detail));
        return giveBack ? Restored.ACCESS_GIVEN_BACK : Restored.SUSPENSION_LIFTED;
    }

    /** A person's suspensions in force, oldest first. */
    public List<AccessSuspension> inForce(long personId) {
        return all(personId).stream().filter(AccessSuspension::inForce)
                .sorted(Comparator.comparingLong(AccessSuspension::id)).toList();
    }

    /** All of a person's suspensions, newest first. */
    public List<AccessSuspension> all(long personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access_suspension WHERE person_id = :person ORDER BY id DESC")
                .param("person", personId)
                .query((rs, n) -> new AccessSuspension(rs.getLong("id"), rs.getLong("person_id"),
                        rs.getLong("incident_id"), rs.getString("suspended_by"),
                        People.inSchoolZone(rs.getObject("suspended_at", OffsetDateTime.class)),
                        rs.getBoolean("had_access"), rs.getString("restored_by"),
                        People.inSchoolZone(rs.getObject("restored_at", OffsetDateTime.class)),
                        rs.getString("restore_reason")))
                .list();
    }
}
