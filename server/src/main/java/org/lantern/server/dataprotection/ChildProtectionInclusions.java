package org.lantern.server.dataprotection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.Viewer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The child-protection records the DSL has chosen to release in answer to a subject access
 * request. A subject access export leaves a person's child-protection records out: the requester
 * may be a parent, and telling them what the school's safeguarding file holds could put the child
 * at risk. Only someone who may read child-protection records (the DSL and deputies) sees which
 * records there are and may include one, record by record and with a reason; each inclusion and
 * withdrawal is appended to the {@link AuditChain}, and each listing is logged as a look at the
 * records like any other view of them.
 */
@Service
public class ChildProtectionInclusions {

    static final int MAX_REASON = 2000;

    private final SubjectAccessRequests requests;
    private final IncidentService incidents;
    private final AuditChain audit;
    private final JdbcClient jdbc;

    ChildProtectionInclusions(SubjectAccessRequests requests, IncidentService incidents, AuditChain audit,
                              JdbcClient jdbc) {
        this.requests = requests;
        this.incidents = incidents;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * A child-protection record released in answer to a request.
     *
     * @param incidentId the record
     * @param reason     why the DSL judged it safe and right to release
     * @param includedBy who included it
     * @param includedAt when (school time)
     */
    public record Inclusion(long incidentId, String reason, String includedBy, OffsetDateTime includedAt) {
    }

    /**
     * One of the person's child-protection records, as the request page lists it for the DSL.
     *
     * @param incidentId the record
     * @param occurredAt when it happened
     * @param category   its category, in words
     * @param inclusion  its inclusion in this request's export; null while it is left out
     */
    public record Candidate(long incidentId, OffsetDateTime occurredAt, String category, Inclusion inclusion) {
    }

    /** The ids of the child-protection records naming this person in any role, oldest first; nothing is read. */
    List<Long> childProtectionIds(long personId) {
        return jdbc.sql("SELECT DISTINCT i.id FROM incident i JOIN incident_subject s ON s.incident_id = i.id "
                        + "WHERE s.person_id = :person AND i.record_kind = :kind ORDER BY i.id")
                .param("person", personId).param("kind", RecordKind.CHILD_PROTECTION.name()).query(Long.class).list();
    }

    /** The records included in request {@code requestId}'s export, by incident id. */
    public Map<Long, Inclusion> inclusions(long requestId) {
        Map<Long, Inclusion> found = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM subject_access_cp_inclusion WHERE request_id = :id ORDER BY incident_id")
                .param("id", requestId)
                .query((rs, n) -> new Inclusion(rs.getLong("incident_id"), rs.getString("reason"),
                        rs.getString("included_by"), BreachRegister.school(rs, "included_at")))
                .list().forEach(i -> found.put(i.incidentId(), i));
        return found;
    }

    /**
     * The person's child-protection records with whether each is included, for a viewer who may
     * read them (each one listed is logged as a look); empty for anyone else, who is not told
     * whether there are any.
     */
    @Transactional
    public List<Candidate> candidates(long requestId, Viewer viewer) {
        SubjectAccessRequest request = requests.get(requestId);
        if (!viewer.childProtection()) {
            return List.of();
        }
        Map<Long, Inclusion> included = inclusions(requestId);
        return childProtectionIds(request.personId()).stream()
                .map(id -> incidents.read(id, viewer, Channel.LIST)).flatMap(Optional::stream)
                .map(i -> new Candidate(i.id(), i.occurredAt(), i.categoryText(), included.get(i.id())))
                .toList();
    }

    /**
     * Includes one of the person's child-protection records in the request's export, with the
     * DSL's reason.
     *
     * @throws NotFoundException        if there is no such request, or the record is not one of
     *                                  this person's child-protection records; nothing is stored
     * @throws DataProtectionException  for a missing or over-long reason, or a record already included
     * @throws AccessDeniedException    if the viewer may not read child-protection records
     */
    @Transactional
    public Inclusion include(long requestId, long incidentId, String reason, Viewer viewer) {
        Incident incident = personsRecord(requestId, incidentId, viewer);
        List<String> problems = new ArrayList<>();
        Texts.require(problems, "Why this record may be released to the requester", reason, MAX_REASON);
        if (inclusions(requestId).containsKey(incidentId)) {
            problems.add(alreadyIncluded(incidentId));
        }
        if (!problems.isEmpty()) {
            throw new DataProtectionException(problems);
        }
        try {
            jdbc.sql("INSERT INTO subject_access_cp_inclusion (request_id, incident_id, reason, included_by, included_at) "
                            + "VALUES (:request, :incident, :reason, :by, :now)")
                    .param("request", requestId).param("incident", incident.id()).param("reason", reason.strip())
                    .param("by", viewer.username()).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException raced) {
            // Two includes of one record at once (a double click, two deputies) both pass the check
            // above; the primary key lets one in, and the other gets the same words as a late one.
            throw new DataProtectionException(List.of(alreadyIncluded(incidentId)));
        }
        audit.append(viewer.username(), "subject-access.child-protection-included", SubjectAccessRequests.RECORD_TYPE,
                Long.toString(requestId), AuditDetail.json(Map.of("incidentId", incidentId,
                        "reasonSha256", AuditDetail.sha256(reason.strip()))));
        return inclusions(requestId).get(incidentId);
    }

    /**
     * Withdraws an inclusion: the record is left out of the request's exports again.
     *
     * @throws NotFoundException     if the request does not exist or the record is not included in it
     * @throws AccessDeniedException if the viewer may not read child-protection records
     */
    @Transactional
    public void withdraw(long requestId, long incidentId, Viewer viewer) {
        requests.get(requestId);
        requireChildProtection(viewer);
        int removed = jdbc.sql("DELETE FROM subject_access_cp_inclusion WHERE request_id = :request "
                        + "AND incident_id = :incident")
                .param("request", requestId).param("incident", incidentId).update();
        if (removed == 0) {
            throw new NotFoundException("Record " + incidentId + " is not included in request " + requestId
                    + ", so there is nothing to withdraw.");
        }
        audit.append(viewer.username(), "subject-access.child-protection-withdrawn", SubjectAccessRequests.RECORD_TYPE,
                Long.toString(requestId), AuditDetail.json(Map.of("incidentId", incidentId)));
    }

    private static String alreadyIncluded(long incidentId) {
        return "Record " + incidentId + " is already included; withdraw it first to give a new reason.";
    }

    /** The record, read (and the look logged) if it is one of the request's person's child-protection records. */
    private Incident personsRecord(long requestId, long incidentId, Viewer viewer) {
        SubjectAccessRequest request = requests.get(requestId);
        requireChildProtection(viewer);
        NotFoundException notTheirs = new NotFoundException("Record " + incidentId + " is not a child-protection "
                + "record about " + request.personName() + ", so it cannot be included in this request's export.");
        if (!childProtectionIds(request.personId()).contains(incidentId)) {
            throw notTheirs;
        }
        return incidents.read(incidentId, viewer, Channel.PAGE).orElseThrow(() -> notTheirs);
    }

    private static void requireChildProtection(Viewer viewer) {
        if (!viewer.childProtection()) {
            // The controller checks the permission first; this keeps the rule with the data.
            throw new AccessDeniedException("Only the DSL or a deputy may choose which child-protection records to release.");
        }
    }
}
