package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A concern about a child or a record of misuse, as recorded by a member of staff or reported by a
 * pupil, with the people on it in their roles and its tracked actions.
 *
 * @param id                the incident's id
 * @param type              concern or misuse
 * @param subjectType       whose Actions / Sanctions table applies to its misusers: pupil or staff
 * @param categoryId        the concern's or table row's id ({@link ConcernReports#CATEGORY_ID} for a pupil's report)
 * @param categoryText      the concern's or table row's text as published when recorded
 * @param sanctionId        on a concern, the table row applied to its misusers; null otherwise
 * @param sanctionText      that row's text as published when recorded
 * @param occurredAt        when it happened (school time zone)
 * @param location          where, if given
 * @param description       what happened, in the recorder's own words
 * @param childWords        the child's own words, if given
 * @param links             URLs, devices and the like, as typed
 * @param subjects          the people on it, each once with every role they hold
 * @param recordedByAccount the recorder's account id, which decides who may read a behaviour
 *                          record; null for a pupil's report made without signing in
 * @param recordedBy        the recorder's username, or what stands for it on a pupil's report
 * @param recordedAt        when it was recorded (school time zone)
 * @param actions           its tracked actions, in the table's order then as added
 * @param recordKind        behaviour or child protection
 * @param source            recorded by staff or reported by a pupil
 * @param reporterName      the name a pupil typed when reporting without signing in; null otherwise
 * @param reporterAddress   the address of the device such a pupil used; null otherwise (always
 *                          null for an anonymous report)
 * @param illegalPath       whether it follows the illegal-material path
 * @param escalatedFrom     the earlier incidents that made this a continued infringement; empty if
 *                          it was not escalated
 * @param investigation     the illegal-material investigation; null off the illegal path
 */
public record Incident(long id, IncidentType type, SubjectType subjectType, String categoryId, String categoryText,
                       String sanctionId, String sanctionText,
                       OffsetDateTime occurredAt, String location, String description, String childWords,
                       List<String> links, List<Subject> subjects, Long recordedByAccount, String recordedBy,
                       OffsetDateTime recordedAt, List<IncidentAction> actions, RecordKind recordKind,
                       IncidentSource source, String reporterName, String reporterAddress, boolean illegalPath,
                       List<Long> escalatedFrom, Investigation investigation) {

    /**
     * A person on the record.
     *
     * @param personId the person's id in the people directory
     * @param name     their display name
     * @param roles    what they are to the record, in {@link PersonRole} order
     */
    public record Subject(long personId, String name, List<PersonRole> roles) {
        public Subject {
            roles = List.copyOf(roles);
        }

        /** Whether they hold this role on the record. */
        public boolean is(PersonRole role) {
            return roles.contains(role);
        }
    }

    /** The people holding this role, e.g. the children at risk. */
    public List<Subject> people(PersonRole role) {
        return subjects.stream().filter(s -> s.is(role)).toList();
    }

    /** The ids of its misusers: the only people sanctions, escalation and suspension ever apply to. */
    public List<Long> misuserIds() {
        return people(PersonRole.MISUSER).stream().map(Subject::personId).toList();
    }

    /**
     * The misusers an action concerns, whom completing it acts on (a removal of internet access
     * suspends them): the one it names if they are a misuser; every misuser for an action of the
     * record as a whole (a record from before actions named people); nobody for an action about a
     * child at risk, who is never suspended or sanctioned.
     */
    public List<Long> misusersConcerned(IncidentAction action) {
        if (action.personId() == null) {
            return misuserIds();
        }
        return misuserIds().contains(action.personId()) ? List.of(action.personId()) : List.of();
    }

    /** The actions concerning this person (null: the record's own steps). */
    public List<IncidentAction> actionsFor(Long personId) {
        return actions.stream().filter(a -> java.util.Objects.equals(a.personId(), personId)).toList();
    }

    /** The actions grouped by whom they concern: the record's own first, then each person's in turn. */
    public List<IncidentAction> actionsByPerson() {
        List<IncidentAction> grouped = new java.util.ArrayList<>(actionsFor(null));
        subjects.forEach(s -> grouped.addAll(actionsFor(s.personId())));
        actions.stream().filter(a -> !grouped.contains(a)).forEach(grouped::add);
        return grouped;
    }

    /** How many actions are still open. */
    public long openActions() {
        return actions.stream().filter(a -> a.status() == ActionStatus.OPEN).count();
    }

    /** Whether it was escalated as a continued infringement. */
    public boolean escalated() {
        return !escalatedFrom.isEmpty();
    }

    /**
     * The links as lists and chronologies may show them: on the illegal path only a redacted form,
     * so that monitoring of the item is halted and nobody is led to the material.
     */
    public List<String> shownLinks() {
        return illegalPath ? links.stream().map(Links::redact).toList() : links;
    }
}
