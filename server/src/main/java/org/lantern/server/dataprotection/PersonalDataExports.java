package org.lantern.server.dataprotection;

import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.alerts.AlertTriage;
import org.lantern.server.filtering.bypass.BypassAttempts;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountEvents;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.LogonAudit;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.lantern.server.unblocking.Unblocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a {@link PersonalDataExport} for a subject access request. Each feature's data is read
 * through that feature's own service, so incident records are read (and logged as looks, channel
 * EXPORT) like any other view of them. Incidents are included only for someone who may read
 * every incident (the DSL's team): the network manager may keep the register, but a safeguarding
 * record is not theirs to see, so the export tells them to ask the DSL instead. Child-protection
 * records are left out even then, and counted in their place, unless the DSL or a deputy has
 * included them one by one with a reason ({@link ChildProtectionInclusions}): the requester may be a
 * parent. The filter's alerts, bypass attempts and activity log follow the DSL's-team rule, each look
 * logged as for their own pages; an alert's address is left out when it may be illegal material.
 * The activity log is counted in the export and its rows are a CSV part of their own
 * ({@link #activityCsv}), downloaded and logged separately. The registers' parts come from each
 * register's {@link SubjectAccessSection}, which applies that register's own rules on who sees what.
 */
@Service
public class PersonalDataExports {

    static final int MAX_LOGONS = 10_000;
    static final int MAX_BYPASS_ATTEMPTS = 10_000;
    static final String ALERT_ADDRESS_WITHHELD = "[withheld: suspected illegal material]";
    static final String REDACTION_WARNING = "Review before release: incident records may name or describe other "
            + "people (third-party information) and name the staff who recorded or read them. Redact what the "
            + "requester is not entitled to, and withhold anything whose release could cause serious harm, before "
            + "sending this export.";
    static final String INCIDENTS_WITHHELD = "Incident records are not included: only the DSL's team (who may read "
            + "every incident) can add them. Ask the DSL or headteacher to make this export.";
    static final String CHILD_PROTECTION_WITHHELD = "Child-protection records are not included: only the DSL or a "
            + "deputy may see them and decide, record by record, whether any may be released. Ask the DSL to make "
            + "this export.";
    static final String SAFEGUARDING_WITHHELD = "Not included: only the DSL's team (who may read every incident) can "
            + "add the filter's alerts and attempts to get round it. Ask the DSL or headteacher to make this export.";

    private final SubjectAccessRequests requests;
    private final People people;
    private final AccountService accounts;
    private final LogonAudit logons;
    private final AccountEvents accountEvents;
    private final IncidentService incidents;
    private final RecordAccessLog recordAccess;
    private final Unblocks unblocks;
    private final AlertRegister alerts;
    private final AlertTriage triage;
    private final BypassAttempts bypassAttempts;
    private final ChildProtectionInclusions inclusions;
    private final PersonalActivity activity;
    private final List<SubjectAccessSection> registers;
    private final JdbcClient jdbc;

    PersonalDataExports(SubjectAccessRequests requests, People people, AccountService accounts, LogonAudit logons,
                        AccountEvents accountEvents, IncidentService incidents, RecordAccessLog recordAccess,
                        Unblocks unblocks, AlertRegister alerts, AlertTriage triage, BypassAttempts bypassAttempts,
                        ChildProtectionInclusions inclusions, PersonalActivity activity,
                        List<SubjectAccessSection> registers, JdbcClient jdbc) {
        this.requests = requests;
        this.people = people;
        this.accounts = accounts;
        this.logons = logons;
        this.accountEvents = accountEvents;
        this.incidents = incidents;
        this.recordAccess = recordAccess;
        this.unblocks = unblocks;
        this.alerts = alerts;
        this.triage = triage;
        this.bypassAttempts = bypassAttempts;
        this.inclusions = inclusions;
        this.activity = activity;
        this.registers = registers.stream().sorted(Comparator.comparingInt(SubjectAccessSection::order)).toList();
        this.jdbc = jdbc;
    }

    /**
     * Gathers the export for request {@code requestId}, logs and audits it.
     *
     * @param user   who is exporting; incident records are included only when they may read every
     *               incident, child-protection records only when they may read those too and the DSL
     *               included them in this request, and each register's records as that register allows
     * @param format the form it is delivered in (JSON, HTML, PDF), for the log
     */
    @Transactional
    public PersonalDataExport export(long requestId, Authentication user, String format) {
        Viewer viewer = Viewer.of(user);
        SubjectAccessRequest request = requests.get(requestId);
        Person person = people.get(request.personId());
        requests.exported(requestId, format, viewer.username());

        Optional<AccountService.AccountSummary> account = person.accountId() == null ? Optional.empty()
                : accounts.list().stream().filter(a -> a.id() == person.accountId()).findFirst();
        List<String> warnings = new ArrayList<>();
        PersonalDataExport.Incidents incidentSection = incidents(requestId, person, viewer, warnings);

        return new PersonalDataExport(requestId, OffsetDateTime.now(SchoolTime.ZONE), viewer.username(),
                details(person),
                person.networkIdentities().stream()
                        .map(n -> new PersonalDataExport.Identity(n.type().label(), n.value())).toList(),
                people.accessHistory(person.id()).stream()
                        .map(e -> new PersonalDataExport.AccessEntry(e.occurredAt(), e.action().name(), e.actor(), e.reason()))
                        .toList(),
                account.map(a -> new PersonalDataExport.AccountDetails(a.username(), a.displayName(), a.role().title(),
                        a.enabled(), a.locked(), a.twoFactor(), a.lastLogonAt())).orElse(null),
                account.map(a -> logons.search(a.username(), null, MAX_LOGONS, 0).stream()
                        .map(l -> new PersonalDataExport.Logon(l.attemptedAt(), l.sourceIp(), l.userAgent(), l.outcome().name()))
                        .toList()).orElse(List.of()),
                account.map(a -> accountEvents.forAccount(a.id()).stream()
                        .map(e -> new PersonalDataExport.AccountChange(e.occurredAt(), e.actor(), e.action(), e.reason()))
                        .toList()).orElse(List.of()),
                incidentSection, alerts(person, viewer), bypassAttempts(person, viewer), activity(requestId, person, viewer),
                account.map(a -> unblocks.requestedBy(a.username()).stream()
                        .map(r -> new PersonalDataExport.UnblockEntry(r.id(), r.describeTarget(), r.reason(), r.from(),
                                r.until(), r.requestedAt(), r.status().name(), r.decidedBy(), r.decidedAt(),
                                r.decisionReason(), r.groupIds(), r.personIds().size()))
                        .toList()).orElse(List.of()),
                registers.stream().flatMap(r -> r.sections(person, user).stream()).toList(),
                List.copyOf(warnings));
    }

    private PersonalDataExport.Incidents incidents(long requestId, Person person, Viewer viewer, List<String> warnings) {
        if (!viewer.readAll()) {
            warnings.add(INCIDENTS_WITHHELD);
            return new PersonalDataExport.Incidents(false, INCIDENTS_WITHHELD, List.of(), null, null);
        }
        // The incidents feature has no "incidents about a person" query; its join table is read here
        // and each record is then read through IncidentService so the look is logged. A person may
        // hold two roles on one record, hence DISTINCT.
        List<Long> ids = jdbc.sql("SELECT DISTINCT incident_id FROM incident_subject WHERE person_id = :person "
                        + "ORDER BY incident_id")
                .param("person", person.id()).query(Long.class).list();
        List<Long> childProtection = inclusions.childProtectionIds(person.id());
        // Someone who may not read child-protection records gets none, included or not, and is not
        // told whether there are any; nor is their export logged as an attempt to read them.
        Map<Long, ChildProtectionInclusions.Inclusion> included = viewer.childProtection()
                ? inclusions.inclusions(requestId) : Map.of();
        List<PersonalDataExport.IncidentEntry> records = ids.stream()
                .filter(id -> !childProtection.contains(id) || included.containsKey(id))
                .map(id -> incidents.read(id, viewer, Channel.EXPORT)).flatMap(Optional::stream)
                .map(i -> entry(i, person.id(), included.get(i.id()))).toList();
        if (!records.isEmpty()) {
            warnings.add(REDACTION_WARNING);
        }
        Integer leftOut = null;
        String childProtectionNote = CHILD_PROTECTION_WITHHELD;
        if (viewer.childProtection()) {
            leftOut = (int) childProtection.stream().filter(id -> !included.containsKey(id)).count();
            childProtectionNote = leftOut == 0 ? null : leftOutNote(leftOut);
        }
        return new PersonalDataExport.Incidents(true, records.isEmpty() ? null : REDACTION_WARNING, records, leftOut,
                childProtectionNote);
    }

    /** What the DSL reads in place of the child-protection records this export leaves out. */
    static String leftOutNote(int leftOut) {
        return (leftOut == 1 ? "1 child-protection record about this person is" : leftOut
                + " child-protection records about this person are") + " left out of this export. Telling the "
                + "requester what the safeguarding file holds could put the child at risk, so each record stays out "
                + "unless the DSL or a deputy includes it, with a reason, on the request's page. Before release, "
                + "remove this note if telling the requester that such records exist could itself cause harm.";
    }

    private PersonalDataExport.Section<PersonalDataExport.AlertEntry> alerts(Person person, Viewer viewer) {
        if (!viewer.readAll()) {
            return new PersonalDataExport.Section<>(false, SAFEGUARDING_WITHHELD, List.of());
        }
        return new PersonalDataExport.Section<>(true, null, alerts.about(person.id(), viewer, Channel.EXPORT).stream()
                .map(a -> new PersonalDataExport.AlertEntry(a.id(), a.kind().label(), a.categoryName(), a.firstSeenAt(),
                        a.lastSeenAt(), a.occurrences(), a.kind().illegal() ? ALERT_ADDRESS_WITHHELD : a.url(),
                        a.reason(), a.status().label(), a.outcome() == null ? null : a.outcome().label(),
                        triage.notes(a.id())))
                .toList());
    }

    private PersonalDataExport.Section<PersonalDataExport.BypassEntry> bypassAttempts(Person person, Viewer viewer) {
        if (!viewer.readAll()) {
            return new PersonalDataExport.Section<>(false, SAFEGUARDING_WITHHELD, List.of());
        }
        bypassAttempts.logNamedView(viewer.accountId(), viewer.username(), Channel.EXPORT.name());
        return new PersonalDataExport.Section<>(true, null, bypassAttempts.byPerson(person.id(), MAX_BYPASS_ATTEMPTS)
                .stream().map(b -> new PersonalDataExport.BypassEntry(b.at(), b.host(), b.category(),
                        b.allowed() ? "Let through" : "Blocked", b.clientIp())).toList());
    }

    private PersonalDataExport.Activity activity(long requestId, Person person, Viewer viewer) {
        if (!viewer.readAll()) {
            return new PersonalDataExport.Activity(false, SAFEGUARDING_WITHHELD, 0, null);
        }
        return new PersonalDataExport.Activity(true, null, activity.count(person.id()), activityCsvName(requestId));
    }

    /** The file name of request {@code requestId}'s activity CSV part. */
    static String activityCsvName(long requestId) {
        return "subject-access-" + requestId + "-activity.csv";
    }

    /**
     * Writes the person's activity rows, the export's CSV part, after logging and auditing the export.
     *
     * @param viewer who is exporting: only the DSL's team, as for the rest of the safeguarding registers
     * @param out    where the CSV goes; written a page at a time
     * @throws AccessDeniedException for anyone else
     */
    public void activityCsv(long requestId, Viewer viewer, Writer out) throws IOException {
        if (!viewer.readAll()) {
            throw new AccessDeniedException(SAFEGUARDING_WITHHELD);
        }
        long personId = requests.get(requestId).personId();
        requests.exported(requestId, "CSV", viewer.username());
        activity.writeCsv(personId, out);
    }

    private PersonalDataExport.IncidentEntry entry(Incident i, long personId,
                                                   ChildProtectionInclusions.Inclusion inclusion) {
        int others = (int) i.subjects().stream().filter(s -> s.personId() != personId).count();
        return new PersonalDataExport.IncidentEntry(i.id(), i.subjectType().label(), i.categoryText(), i.occurredAt(),
                i.location(), i.description(), i.childWords(), i.links(), i.recordedBy(), i.recordedAt(), others,
                i.actions().stream().filter(a -> a.personId() == null || a.personId() == personId)
                        .map(a -> new PersonalDataExport.ActionEntry(a.columnText(), a.dueOn(),
                        a.status().name(), a.addedReason(), a.outcome(), a.closedBy(), a.closedAt())).toList(),
                recordAccess.forIncident(i.id()).stream().map(a -> new PersonalDataExport.RecordAccess(
                        a.accessedAt(), a.username(), a.channel().name(), a.allowed())).toList(),
                true, i.recordKind() == RecordKind.CHILD_PROTECTION, inclusion);
    }

    private static PersonalDataExport.PersonDetails details(Person p) {
        return new PersonalDataExport.PersonDetails(p.id(), p.kind().label(), p.legalFirstName(), p.legalLastName(),
                p.preferredFirstName(), p.admissionNumber(), p.upn(), p.dateOfBirth(),
                p.yearGroup() == null ? null : p.yearGroup().label(), p.registrationClass(), p.staffCode(),
                p.jobTitle(), p.staffRole(), p.email(), p.startDate(), p.leavingDate(), p.internetAccess(),
                p.createdAt(), p.updatedAt());
    }
}
