package org.lantern.server.registers.devices;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.dataprotection.Breach;
import org.lantern.server.dataprotection.BreachRegister;
import org.lantern.server.dataprotection.DataProtectionException;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentCategories;
import org.lantern.server.incidents.IncidentCategory;
import org.lantern.server.incidents.IncidentRejectedException;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.IncidentType;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.PersonRole;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.people.PersonKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a loan's device lost or stolen, in one transaction: the police reference, an incident
 * through the incidents feature (a behaviour record under the row of the borrower's Actions /
 * Sanctions table the member of staff chooses, the borrower on it as the one who reported it, never
 * as a misuser), and, when personal data was on the device, a breach in the breach register, which
 * starts the ICO's 72-hour clock. The loan closes and the device becomes lost or stolen. Whoever
 * records it is the incident's recorder, but the register shows only the incident's number: its
 * contents stay with those who may read incidents.
 */
@Service
public class LossReports {

    static final int MAX_REFERENCE = 100;
    static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final Loans loans;
    private final Devices devices;
    private final People people;
    private final IncidentService incidents;
    private final IncidentCategories categories;
    private final BreachRegister breaches;
    private final DeviceAudit audit;

    LossReports(JdbcClient jdbc, Loans loans, Devices devices, People people, IncidentService incidents,
                IncidentCategories categories, BreachRegister breaches, DeviceAudit audit) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.devices = devices;
        this.people = people;
        this.incidents = incidents;
        this.categories = categories;
        this.breaches = breaches;
        this.audit = audit;
    }

    /** The incident categories a loss of this loan may be recorded under: the borrower's table. */
    public List<IncidentCategory> categoriesFor(Loan loan) {
        return categories.of(subject(loan));
    }

    /** The category the page offers first: careless use of personal data, if the table has it. */
    public Optional<String> suggestedCategory(Loan loan) {
        List<IncidentCategory> rows = categoriesFor(loan);
        return rows.stream().map(IncidentCategory::id).filter(id -> id.contains("personal-data")).findFirst()
                .or(() -> rows.stream().map(IncidentCategory::id).findFirst());
    }

    /**
     * Records the loss or theft. Refused with every problem named, nothing recorded: no kind, a
     * theft with no police reference, a time in the future or before the loan, no description, no
     * category, the personal-data question unanswered, or answered yes without what data and how
     * many people. A loan already closed is refused (409).
     *
     * @return the loan, closed, with its incident and (if opened) breach
     */
    @Transactional
    public Loan record(long loanId, LossReport in, Viewer recorder) {
        Loan loan = loans.get(loanId);
        Loans.refuseClosed(loan, "reported lost or stolen");
        List<String> problems = check(loan, in);
        if (!problems.isEmpty()) {
            throw DeviceException.of(problems);
        }
        String what = loan.device().label() + " (serial number " + loan.device().serialNumber() + ")";
        String verb = in.kind() == LossKind.STOLEN ? "stolen" : "lost";
        String police = DeviceFields.strip(in.policeReference());
        Incident incident;
        try {
            incident = incidents.record(new NewIncident(IncidentType.MISUSE, subject(loan), in.categoryId(), null,
                    List.of(new NewIncident.Involved(loan.personId(), PersonRole.REPORTER)), in.lostAt(), null,
                    "A loaned device was " + verb + ": " + what + ", on loan " + loan.id() + " since "
                            + SchoolTime.day(loan.lentOn()) + "."
                            + (police == null ? "" : " Police reference: " + police + ".")
                            + "\n\n" + in.description().strip(), null, List.of(what), RecordKind.BEHAVIOUR, false),
                    recorder);
        } catch (IncidentRejectedException e) {
            throw DeviceException.of(e.problems());
        }
        Long breachId = null;
        if (in.personalData()) {
            try {
                Breach breach = breaches.record(new BreachRegister.NewBreach(in.lostAt(), loans.now(),
                        "A loaned device with personal data on it was " + verb + ": " + what + " (incident "
                                + incident.id() + ").", in.dataInvolved().strip(), in.peopleAffected()),
                        recorder.username());
                breachId = breach.id();
            } catch (DataProtectionException e) {
                throw DeviceException.of(e.problems());
            }
        }
        jdbc.sql("UPDATE device_loan SET loss_kind = :kind, lost_at = :at, police_reference = :police, "
                        + "personal_data = :personal, incident_id = :incident, breach_id = :breach, "
                        + "loss_recorded_by = :by WHERE id = :id AND returned_on IS NULL AND loss_kind IS NULL")
                .param("kind", in.kind().name()).param("at", in.lostAt().withOffsetSameInstant(ZoneOffset.UTC))
                .param("police", police).param("personal", in.personalData()).param("incident", incident.id())
                .param("breach", breachId).param("by", recorder.username()).param("id", loanId).update();
        devices.setState(loan.device().id(), in.kind().state());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", in.kind().name());
        detail.put("lostAt", in.lostAt().toInstant().toString());
        detail.put("policeReference", police);
        detail.put("personalData", in.personalData());
        detail.put("incidentId", incident.id());
        detail.put("breachId", breachId);
        audit.append(recorder.username(), "loan.loss-recorded", DeviceAudit.LOAN, loanId, detail);
        return loans.get(loanId);
    }

    private List<String> check(Loan loan, LossReport in) {
        List<String> problems = new ArrayList<>();
        if (in.kind() == null) {
            problems.add("Choose whether the device was lost or stolen.");
        } else if (in.kind() == LossKind.STOLEN && DeviceFields.blank(in.policeReference())) {
            problems.add("A theft is reported to the police: give the police reference.");
        }
        DeviceFields.optional(problems, "The police reference", in.policeReference(), MAX_REFERENCE);
        OffsetDateTime now = loans.now();
        if (in.lostAt() == null) {
            problems.add("Say when it was lost or stolen (your best estimate).");
        } else if (in.lostAt().isAfter(now.plusMinutes(5))) {
            problems.add("When it was lost or stolen cannot be in the future.");
        } else if (in.lostAt().atZoneSameInstant(SchoolTime.ZONE).toLocalDate().isBefore(loan.lentOn())) {
            problems.add("It cannot have been lost or stolen before it was lent (" + SchoolTime.day(loan.lentOn()) + ").");
        }
        DeviceFields.require(problems, "What happened", in.description(), MAX_TEXT);
        if (DeviceFields.blank(in.categoryId())) {
            problems.add("Choose the incident category.");
        } else if (categoriesFor(loan).stream().noneMatch(c -> c.id().equals(in.categoryId()))) {
            problems.add("Choose the incident category from the school's " + subject(loan).label().toLowerCase(Locale.ROOT)
                    + " Actions / Sanctions table.");
        }
        if (in.personalData() == null) {
            problems.add("Say whether personal data was on the device: yes opens a breach with the ICO's 72-hour clock.");
        } else if (in.personalData()) {
            DeviceFields.require(problems, "What personal data was on it", in.dataInvolved(), MAX_TEXT);
            if (in.peopleAffected() == null || in.peopleAffected() < 0) {
                problems.add("Say how many people's data was on it (0 or more; your best estimate).");
            }
        }
        return problems;
    }

    private SubjectType subject(Loan loan) {
        return people.get(loan.personId()).kind() == PersonKind.PUPIL ? SubjectType.PUPIL : SubjectType.STAFF;
    }
}
