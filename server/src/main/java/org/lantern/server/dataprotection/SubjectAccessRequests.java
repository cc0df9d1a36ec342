package org.lantern.server.dataprotection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.audit.AuditChain;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subject access requests log: receipt, identity check, extension, outcome, and every export
 * of a person's data made to answer one. Every change and export is appended to the
 * {@link AuditChain} in the same transaction.
 */
@Service
public class SubjectAccessRequests {

    static final String RECORD_TYPE = "subject-access-request";
    static final int MAX_NAME = 200;
    static final int MAX_NOTE = 1000;
    static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final People people;
    private final AuditChain audit;

    SubjectAccessRequests(JdbcClient jdbc, People people, AuditChain audit) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
    }

    /**
     * A request as first entered.
     *
     * @param requesterName     who asked
     * @param requesterRelation their relation to the person
     * @param personId          the person it is about
     * @param receivedOn        the day it was received
     * @param identityVerified  whether identity has already been checked
     * @param identityNote      how
     */
    public record NewRequest(String requesterName, String requesterRelation, Long personId, LocalDate receivedOn,
                             boolean identityVerified, String identityNote) {
    }

    /**
     * One export made for a request.
     *
     * @param format     JSON, HTML or PDF
     * @param exportedBy who
     * @param exportedAt when (school time)
     */
    public record Export(String format, String exportedBy, OffsetDateTime exportedAt) {
    }

    /** Every request, newest receipt first. */
    public List<SubjectAccessRequest> list() {
        return jdbc.sql("SELECT * FROM subject_access_request ORDER BY received_on DESC, id DESC").query(this::map).list();
    }

    /** Request {@code id}. */
    public SubjectAccessRequest get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("subject access request", id));
    }

    private Optional<SubjectAccessRequest> find(long id) {
        return jdbc.sql("SELECT * FROM subject_access_request WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** Enters a request in the log. */
    @Transactional
    public SubjectAccessRequest record(NewRequest in, String actor) {
        List<String> problems = new ArrayList<>();
        Texts.require(problems, "Who made the request", in.requesterName(), MAX_NAME);
        Texts.require(problems, "Their relation to the person", in.requesterRelation(), MAX_NAME);
        if (in.personId() == null || people.find(in.personId()).isEmpty()) {
            problems.add("Choose the person the request is about from the people directory.");
        }
        if (in.receivedOn() == null) {
            problems.add("Say when the request was received: the deadline runs from that day.");
        } else if (in.receivedOn().isAfter(People.today())) {
            problems.add("The day it was received cannot be in the future.");
        }
        identityProblems(problems, in.identityVerified(), in.identityNote());
        if (!problems.isEmpty()) {
            throw new DataProtectionException(problems);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO subject_access_request (requester_name, requester_relation, person_id, received_on, "
                        + "identity_verified, identity_note, extension_months, status, recorded_by, recorded_at) VALUES "
                        + "(:name, :relation, :person, :received, :verified, :note, 0, 'OPEN', :by, :now)")
                .param("name", in.requesterName().strip()).param("relation", in.requesterRelation().strip())
                .param("person", in.personId()).param("received", in.receivedOn())
                .param("verified", in.identityVerified()).param("note", Texts.blankToNull(in.identityNote()))
                .param("by", actor).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("personId", in.personId());
        detail.put("receivedOn", in.receivedOn().toString());
        detail.put("requesterSha256", AuditDetail.sha256(in.requesterName().strip()));
        detail.put("identityVerified", in.identityVerified());
        audit.append(actor, "subject-access.recorded", RECORD_TYPE, Long.toString(id), AuditDetail.json(detail));
        return get(id);
    }

    /** Records that the requester's identity has been checked, and how. */
    @Transactional
    public SubjectAccessRequest verifyIdentity(long id, String note, String actor) {
        get(id);
        List<String> problems = new ArrayList<>();
        identityProblems(problems, true, note);
        if (!problems.isEmpty()) {
            throw new DataProtectionException(problems);
        }
        jdbc.sql("UPDATE subject_access_request SET identity_verified = TRUE, identity_note = :note WHERE id = :id")
                .param("note", note.strip()).param("id", id).update();
        audit.append(actor, "subject-access.identity-verified", RECORD_TYPE, Long.toString(id),
                AuditDetail.json(Map.of("noteSha256", AuditDetail.sha256(note.strip()))));
        return get(id);
    }

    /**
     * Extends the deadline by one or two further months. The requester must have been told, with
     * the reasons, within the first month.
     */
    @Transactional
    public SubjectAccessRequest extend(long id, Integer months, String reason, LocalDate toldOn, String actor) {
        SubjectAccessRequest request = get(id);
        List<String> problems = new ArrayList<>();
        if (request.status() != SarStatus.OPEN) {
            problems.add("Only an open request can be extended.");
        }
        if (months == null || months < 1 || months > SubjectAccessDeadline.MAX_EXTENSION_MONTHS) {
            problems.add("An extension is one or two further months.");
        }
        Texts.require(problems, "Why the request is complex or numerous enough to extend", reason, MAX_TEXT);
        if (toldOn == null) {
            problems.add("Say when the requester was told of the extension and why.");
        } else if (toldOn.isBefore(request.receivedOn())) {
            problems.add("The requester cannot have been told before the request was received.");
        } else if (toldOn.isAfter(request.originalDueOn())) {
            problems.add("The requester must be told of an extension within the first month, by "
                    + request.originalDueOn() + ".");
        } else if (toldOn.isAfter(People.today())) {
            problems.add("The day the requester was told cannot be in the future.");
        }
        if (!problems.isEmpty()) {
            throw new DataProtectionException(problems);
        }
        jdbc.sql("UPDATE subject_access_request SET extension_months = :months, extension_reason = :reason, "
                        + "extension_told_on = :told WHERE id = :id")
                .param("months", months).param("reason", reason.strip()).param("told", toldOn).param("id", id).update();
        audit.append(actor, "subject-access.extended", RECORD_TYPE, Long.toString(id), AuditDetail.json(Map.of(
                "months", months, "toldOn", toldOn.toString(), "reasonSha256", AuditDetail.sha256(reason.strip()))));
        return get(id);
    }

    /** Moves the request to a new status; a refusal must say why. */
    @Transactional
    public SubjectAccessRequest setStatus(long id, SarStatus status, String note, String actor) {
        get(id);
        List<String> problems = new ArrayList<>();
        if (status == null) {
            problems.add("Choose a status.");
        } else if (status == SarStatus.REFUSED) {
            Texts.require(problems, "Why the request is refused", note, MAX_TEXT);
        } else {
            Texts.optional(problems, "The note", note, MAX_TEXT);
        }
        if (!problems.isEmpty()) {
            throw new DataProtectionException(problems);
        }
        jdbc.sql("UPDATE subject_access_request SET status = :status, status_note = :note WHERE id = :id")
                .param("status", status.name()).param("note", Texts.blankToNull(note)).param("id", id).update();
        audit.append(actor, "subject-access.status", RECORD_TYPE, Long.toString(id), AuditDetail.json(Map.of(
                "status", status.name(), "noteSha256", AuditDetail.sha256(Texts.blankToNull(note)))));
        return get(id);
    }

    /** Logs and audits one export of the person's data made for request {@code id}. */
    @Transactional
    public void exported(long id, String format, String actor) {
        SubjectAccessRequest request = get(id);
        jdbc.sql("INSERT INTO subject_access_export (request_id, export_format, exported_by, exported_at) "
                        + "VALUES (:id, :format, :by, :now)")
                .param("id", id).param("format", format).param("by", actor)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        audit.append(actor, "subject-access.exported", RECORD_TYPE, Long.toString(id), AuditDetail.json(Map.of(
                "format", format, "personId", request.personId())));
    }

    /** The exports made for request {@code id}, newest first. */
    public List<Export> exports(long id) {
        return jdbc.sql("SELECT * FROM subject_access_export WHERE request_id = :id ORDER BY id DESC").param("id", id)
                .query((rs, n) -> new Export(rs.getString("export_format"), rs.getString("exported_by"),
                        BreachRegister.school(rs, "exported_at")))
                .list();
    }

    private static void identityProblems(List<String> problems, boolean verified, String note) {
        if (verified) {
            Texts.require(problems, "How identity was checked", note, MAX_NOTE);
        } else {
            Texts.optional(problems, "How identity was checked", note, MAX_NOTE);
        }
    }

    private SubjectAccessRequest map(ResultSet rs, int n) throws SQLException {
        long personId = rs.getLong("person_id");
        return new SubjectAccessRequest(rs.getLong("id"), rs.getString("requester_name"),
                rs.getString("requester_relation"), personId,
                people.find(personId).map(Person::displayName).orElse("person " + personId),
                rs.getObject("received_on", LocalDate.class), rs.getBoolean("identity_verified"),
                rs.getString("identity_note"), rs.getInt("extension_months"), rs.getString("extension_reason"),
                rs.getObject("extension_told_on", LocalDate.class), SarStatus.valueOf(rs.getString("status")),
                rs.getString("status_note"), rs.getString("recorded_by"), BreachRegister.school(rs, "recorded_at"));
    }
}
