package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a member of staff submits to record an incident. Checked in full by
 * {@link IncidentService#record}; nothing is stored unless all of it is valid.
 *
 * @param subjectType      pupil or staff; null to take it from the people named
 * @param categoryId       the id of a row of that subject type's table
 * @param subjectIds       the people involved
 * @param occurredAt       when it happened
 * @param location         where (optional)
 * @param description      what happened, in the recorder's own words
 * @param childWords       the child's own words (optional)
 * @param links            URLs, devices and the like (optional)
 * @param recordKind       behaviour or child protection; null for behaviour. The illegal path
 *                         always makes a child-protection record.
 * @param suspectedIllegal the recorder suspects illegal material, whatever the category
 */
public record NewIncident(SubjectType subjectType, String categoryId, List<Long> subjectIds, OffsetDateTime occurredAt,
                          String location, String description, String childWords, List<String> links,
                          RecordKind recordKind, boolean suspectedIllegal) {
    public NewIncident {
        subjectIds = subjectIds == null ? List.of() : List.copyOf(subjectIds);
        links = links == null ? List.of() : links.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).toList();
        recordKind = recordKind == null ? RecordKind.BEHAVIOUR : recordKind;
    }

    /** A behaviour record, with no suspicion of illegal material beyond what its category says. */
    public NewIncident(SubjectType subjectType, String categoryId, List<Long> subjectIds, OffsetDateTime occurredAt,
                       String location, String description, String childWords, List<String> links) {
        this(subjectType, categoryId, subjectIds, occurredAt, location, description, childWords, links, null, false);
    }
}
