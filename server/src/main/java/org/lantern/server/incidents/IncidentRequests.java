package org.lantern.server.incidents;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the API's body into a {@link NewIncident}, naming every field that cannot be read. The
 * first version's shape ({@code subjectIds}, no {@code type}) is still accepted: its people are
 * misusers and, with no choice of file, the record is behaviour. A concern must say its file.
 */
final class IncidentRequests {

    private IncidentRequests() {
    }

    static NewIncident fromJson(IncidentApiController.NewIncidentJson body) {
        List<String> problems = new ArrayList<>();
        IncidentType type = body.type() == null ? IncidentType.MISUSE : IncidentType.parse(body.type()).orElse(null);
        if (type == null) {
            problems.add("type must be concern or misuse.");
        }
        SubjectType subject = body.subjectType() == null ? null : SubjectType.parse(body.subjectType()).orElse(null);
        if (body.subjectType() != null && subject == null) {
            problems.add("subjectType must be pupil or staff.");
        }
        RecordKind kind = body.recordKind() == null ? null : RecordKind.parse(body.recordKind()).orElse(null);
        if (body.recordKind() != null && kind == null) {
            problems.add("recordKind must be behaviour or child-protection.");
        } else if (kind == null && type == IncidentType.MISUSE) {
            kind = RecordKind.BEHAVIOUR;
        }
        List<NewIncident.Involved> people = new ArrayList<>(NewIncident.Involved.all(body.subjectIds(), PersonRole.MISUSER));
        for (IncidentApiController.PersonJson p : body.people() == null ? List.<IncidentApiController.PersonJson>of()
                : body.people()) {
            PersonRole role = PersonRole.parse(p == null ? null : p.role()).orElse(null);
            if (p == null || p.personId() == null) {
                problems.add("Each of people needs a personId.");
            } else if (role == null) {
                problems.add("The role of person " + p.personId() + " must be at-risk, misuser, witness or reporter.");
            } else {
                people.add(new NewIncident.Involved(p.personId(), role));
            }
        }
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        return new NewIncident(type, subject, body.categoryId(), body.sanctionId(), people, body.occurredAt(),
                body.location(), body.description(), body.childWords(), body.links(), kind,
                Boolean.TRUE.equals(body.suspectedIllegal()));
    }
}
