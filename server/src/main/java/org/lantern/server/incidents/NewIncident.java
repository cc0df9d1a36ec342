package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a member of staff submits to record a concern or misuse. Checked in full by
 * {@link IncidentService#record}; nothing is stored unless all of it is valid.
 *
 * @param type             concern (about a child at risk) or misuse (an infringement)
 * @param subjectType      for misuse, whose Actions / Sanctions table (pupil or staff); null to
 *                         take it from the misusers. For a concern, the table of {@code sanctionId}.
 * @param categoryId       a concern of the safeguarding list, or a row of the table, by type
 * @param sanctionId       on a concern with misusers (bullying), the table row applied to them; optional
 * @param people           the people on the record and their roles
 * @param occurredAt       when it happened
 * @param location         where (optional)
 * @param description      what happened, in the recorder's own words
 * @param childWords       the child's own words (optional)
 * @param links            URLs, devices and the like (optional)
 * @param recordKind       behaviour or child protection: required, an explicit choice. The illegal
 *                         path always makes a child-protection record.
 * @param suspectedIllegal the recorder suspects illegal material, whatever the category
 */
public record NewIncident(IncidentType type, SubjectType subjectType, String categoryId, String sanctionId,
                          List<Involved> people, OffsetDateTime occurredAt, String location, String description,
                          String childWords, List<String> links, RecordKind recordKind, boolean suspectedIllegal) {
    public NewIncident {
        people = people == null ? List.of() : List.copyOf(people);
        links = links == null ? List.of() : links.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
    }

    /**
     * Misuse in the shape of the first slice: the people named are the misusers, and no choice of
     * file means behaviour.
     */
    public NewIncident(SubjectType subjectType, String categoryId, List<Long> subjectIds, OffsetDateTime occurredAt,
                       String location, String description, String childWords, List<String> links,
                       RecordKind recordKind, boolean suspectedIllegal) {
        this(IncidentType.MISUSE, subjectType, categoryId, null, Involved.all(subjectIds, PersonRole.MISUSER), occurredAt,
                location, description, childWords, links, recordKind == null ? RecordKind.BEHAVIOUR : recordKind,
                suspectedIllegal);
    }

    /** A behaviour record of misuse by the people named, with no suspicion of illegal material beyond its category. */
    public NewIncident(SubjectType subjectType, String categoryId, List<Long> subjectIds, OffsetDateTime occurredAt,
                       String location, String description, String childWords, List<String> links) {
        this(subjectType, categoryId, subjectIds, occurredAt, location, description, childWords, links, null, false);
    }

    /**
     * A person on the record.
     *
     * @param personId the person's id in the people directory
     * @param role     what they are to the record
     */
    public record Involved(long personId, PersonRole role) {

        /** Each of these people in one role. */
        public static List<Involved> all(List<Long> personIds, PersonRole role) {
            return personIds == null ? List.of() : personIds.stream().map(id -> new Involved(id, role)).toList();
        }
    }
}
