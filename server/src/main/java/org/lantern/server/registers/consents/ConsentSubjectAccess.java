package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lantern.server.dataprotection.PersonalDataExport;
import org.lantern.server.dataprotection.SubjectAccessSection;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Permission;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.Person;
import org.lantern.server.people.PersonKind;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A pupil's subject access export's part from the photo consent register: their consent for each
 * use as it stands, the publications they appear in, and the "never publish" flag. The flag is the
 * pupil's own data, so it is included whoever asked (the data-protection doc sets no other rule), but
 * only an exporter who may see it (CONSENTS_NEVER_PUBLISH) can add it, the read logged as on the
 * register's pages; anyone else's export says who can add it, not whether there is one.
 */
@Component
class ConsentSubjectAccess implements SubjectAccessSection {

    static final String FLAG_WITHHELD = "Not included: only the DSL and deputies, the headteacher and the office "
            + "staff who keep photo consents may see whether a pupil is marked never to appear in anything the "
            + "school publishes. Ask the DSL or headteacher to make this export.";

    private final Consents consents;
    private final Publications publications;
    private final NeverPublish neverPublish;

    ConsentSubjectAccess(Consents consents, Publications publications, NeverPublish neverPublish) {
        this.consents = consents;
        this.publications = publications;
        this.neverPublish = neverPublish;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<PersonalDataExport.RegisterSection> sections(Person person, Authentication exporter) {
        if (person.kind() != PersonKind.PUPIL) {
            return List.of();
        }
        LocalDate today = SchoolTime.today();
        return List.of(
                new PersonalDataExport.RegisterSection("Photo and video consent", null,
                        List.of("Use", "Status", "Given by", "Date on the form", "The pupil", "Ends", "Withdrawn",
                                "Scan of the form kept"),
                        consents.of(person.id()).values().stream().map(c -> List.of(c.use().label(), c.status(today),
                                c.givenBy(), SchoolTime.day(c.givenOn()), c.pupilAgreed() == null ? "Not asked"
                                        : c.pupilAgreed() ? "Agreed" : "Did not agree",
                                SchoolTime.day(c.expiresOn()), c.withdrawnOn() == null ? ""
                                        : SchoolTime.day(c.withdrawnOn()) + " by " + c.withdrawnBy(),
                                c.evidenceId() == null ? "No" : "Yes")).toList()),
                new PersonalDataExport.RegisterSection("Publications the pupil appears in", null,
                        List.of("Use", "Title", "Where", "Published on"),
                        publications.of(person.id()).stream().map(p -> List.of(p.use().label(), p.title(),
                                p.location(), SchoolTime.day(p.publishedOn()))).toList()),
                neverPublish(person, exporter));
    }

    private PersonalDataExport.RegisterSection neverPublish(Person person, Authentication exporter) {
        List<String> columns = List.of("Reason", "Note", "Set by", "Set on");
        if (!Permission.CONSENTS_NEVER_PUBLISH.heldBy(exporter)) {
            return new PersonalDataExport.RegisterSection("Never publish", FLAG_WITHHELD, columns, List.of());
        }
        List<List<String>> rows = new ArrayList<>();
        neverPublish.read(person.id(), Viewer.of(exporter), Channel.EXPORT).ifPresent(f -> rows.add(List.of(
                f.reason().label(), f.note(), f.setBy(), SchoolTime.when(f.setAt()))));
        return new PersonalDataExport.RegisterSection("Never publish", null, columns, rows);
    }
}
