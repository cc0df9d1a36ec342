package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An online-safety incident or concern as recorded by a member of staff, with its tracked actions.
 *
 * @param id                the incident's id
 * @param subjectType       pupil or staff
 * @param categoryId        the table row's id
 * @param categoryText      the table row's text as published when recorded
 * @param occurredAt        when it happened (school time zone)
 * @param location          where, if given
 * @param description       what happened, in the recorder's own words
 * @param childWords        the child's own words, if given
 * @param links             URLs, devices and the like, as typed
 * @param subjects          the people involved
 * @param recordedByAccount the recorder's account id, which decides who may read it
 * @param recordedBy        the recorder's username
 * @param recordedAt        when it was recorded (school time zone)
 * @param actions           its tracked actions, in the table's order then as added
 */
public record Incident(long id, SubjectType subjectType, String categoryId, String categoryText,
                       OffsetDateTime occurredAt, String location, String description, String childWords,
                       List<String> links, List<Subject> subjects, long recordedByAccount, String recordedBy,
                       OffsetDateTime recordedAt, List<IncidentAction> actions) {

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
}
