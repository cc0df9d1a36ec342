package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An online-safety incident or concern, as recorded by a member of staff or reported by a pupil,
 * with its tracked actions.
 *
 * @param id                the incident's id
 * @param subjectType       pupil or staff
 * @param categoryId        the table row's id ({@link ConcernReports#CATEGORY_ID} for a pupil's report)
 * @param categoryText      the table row's text as published when recorded
 * @param occurredAt        when it happened (school time zone)
 * @param location          where, if given
 * @param description       what happened, in the recorder's own words
 * @param childWords        the child's own words, if given
 * @param links             URLs, devices and the like, as typed
 * @param subjects          the people involved
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
public record Incident(long id, SubjectType subjectType, String categoryId, String categoryText,
                       OffsetDateTime occurredAt, String location, String description, String childWords,
                       List<String> links, List<Subject> subjects, Long recordedByAccount, String recordedBy,
                       OffsetDateTime recordedAt, List<IncidentAction> actions, RecordKind recordKind,
                       IncidentSource source, String reporterName, String reporterAddress, boolean illegalPath,
                       List<Long> escalatedFrom, Investigation investigation) {

    /**
     * A person an incident is about.
     *
     * @param personId the person's id in the people directory
     * @param name     their display name
     */
    public record Subject(long personId, String name) {
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
