package org.lantern.server.registers.agreements;

import java.util.List;

import org.lantern.server.dataprotection.PersonalDataExport;
import org.lantern.server.dataprotection.SubjectAccessSection;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.Person;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A subject access export's part from the agreements register: every acceptance recorded against
 * the person (a pupil's include their parents' paper forms), with whether a scan of the form is kept.
 * The scan itself is not copied in: the school sends it with the export if the requester asks.
 */
@Component
class AgreementSubjectAccess implements SubjectAccessSection {

    private final Acceptances acceptances;

    AgreementSubjectAccess(Acceptances acceptances) {
        this.acceptances = acceptances;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<PersonalDataExport.RegisterSection> sections(Person person, Authentication exporter) {
        return List.of(new PersonalDataExport.RegisterSection("Acceptable-use agreements", null,
                List.of("Agreement", "Version", "Signed on", "Signed by", "How", "Recorded by", "Scan of the form kept"),
                acceptances.of(person.id()).stream().map(a -> List.of(a.audience().label(),
                        Integer.toString(a.versionNumber()), SchoolTime.day(a.signedOn()), a.signedBy(),
                        a.method().label(), a.recordedBy() + ", " + SchoolTime.when(a.recordedAt()),
                        a.scanId() == null ? "No" : "Yes")).toList()));
    }
}
