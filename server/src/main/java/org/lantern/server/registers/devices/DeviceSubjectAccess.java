package org.lantern.server.registers.devices;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lantern.server.dataprotection.PersonalDataExport;
import org.lantern.server.dataprotection.SubjectAccessSection;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.Person;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A subject access export's part from the devices register: the school devices lent to the person
 * (when, due, the condition out and back, the name they signed with, where the loan stands) and
 * their personal devices on the register, removed ones included.
 */
@Component
class DeviceSubjectAccess implements SubjectAccessSection {

    private final Loans loans;
    private final PersonalDevices personal;

    DeviceSubjectAccess(Loans loans, PersonalDevices personal) {
        this.loans = loans;
        this.personal = personal;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<PersonalDataExport.RegisterSection> sections(Person person, Authentication exporter) {
        Map<String, String> kinds = personal.kinds().stream()
                .collect(Collectors.toMap(PersonalDeviceKind::id, PersonalDeviceKind::label, (a, b) -> a));
        return List.of(
                new PersonalDataExport.RegisterSection("School devices lent", null,
                        List.of("Device", "Lent on", "Due back", "Condition when lent", "Signed for as", "Returned on",
                                "Condition when returned", "Where it stands"),
                        loans.ofPerson(person.id()).stream().map(l -> List.of(l.device().label(),
                                SchoolTime.day(l.lentOn()), SchoolTime.day(l.dueOn()), l.conditionOut(), l.signedName(),
                                SchoolTime.day(l.returnedOn()), l.conditionBack() == null ? "" : l.conditionBack(),
                                l.status(SchoolTime.today()))).toList()),
                new PersonalDataExport.RegisterSection("Personal devices registered", null,
                        List.of("Kind", "Description", "Registered", "Taken off the register"),
                        personal.ofPerson(person.id()).stream().map(d -> List.of(kinds.getOrDefault(d.kind(), d.kind()),
                                d.description(), SchoolTime.when(d.registeredAt()), SchoolTime.when(d.removedAt())))
                                .toList()));
    }
}
