package org.lantern.server.incidents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A person's chronology: every source's entries in time order, printable, every view and print logged. */
@PersistenceTest
@AutoConfigureMockMvc
class ChronologyTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncidentService incidents;
    @Autowired
    Chronology chronology;
    @Autowired
    People people;
    @Autowired
    RecordAccessLog accessLog;

    Authentication teacher;
    Authentication dsl;
    Authentication head;
    long pupil;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "chr.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "chr.dsl", Role.DSL);
        head = TestUsers.signedIn(accountService, accounts, "chr.head", Role.HEADTEACHER);
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Chr"));
    }

    private Incident record(String category, OffsetDateTime at, RecordKind kind, String description) {
        return incidents.record(new NewIncident(SubjectType.PUPIL, category, List.of(pupil), at, null, description, null,
                List.of(), kind, false), Viewer.of(teacher));
    }

    private IncidentAction action(Incident incident, String columnId) {
        return incident.actions().stream().filter(a -> a.columnId().equals(columnId)).findFirst().orElseThrow();
    }

    @Test
    void everyIncidentActionDecisionAndEscalationIsThereInTimeOrder() {
        Incident first = record("using-proxy-sites", NOW.minusDays(3), RecordKind.BEHAVIOUR, "Used a proxy.");
        incidents.complete(first.id(), action(first, "refer-to-dsl").id(), "Spoke to the pupil.", "chr.dsl");
        incidents.waive(first.id(), action(first, "refer-to-technical-support").id(), "Proxy already blocked.", "chr.dsl");
        incidents.decideNotToRefer(first.id(), action(first, "refer-to-headteacher").id(), "Handled by the DSL.", "chr.dsl");
        incidents.addAction(first.id(), "targeted-support", "Needs support.", "chr.dsl");
        // Happening after the actions above were worked, so it comes after them in the chronology.
        Incident second = record("social-media-misuse", OffsetDateTime.now(ZoneOffset.UTC), RecordKind.BEHAVIOUR, "Messages.");

        List<ChronologyEntry> entries = chronology.read(pupil, Viewer.of(dsl), false).orElseThrow().entries();

        assertThat(entries).extracting(ChronologyEntry::at).isSorted();
        assertThat(entries).extracting(ChronologyEntry::type).containsSubsequence("Incident", "Recorded",
                "Action completed", "Waived", "Decided not to refer", "Action added", "Incident", "Recorded", "Escalated");
        assertThat(entries).filteredOn(e -> e.type().equals("Decided not to refer")).singleElement().satisfies(e -> {
            assertThat(e.detail()).isEqualTo("Handled by the DSL.");
            assertThat(e.by()).isEqualTo("chr.dsl");
            assertThat(e.summary()).isEqualTo("Incident " + first.id() + ": Refer to Headteacher");
        });
        assertThat(entries).filteredOn(e -> e.type().equals("Escalated")).singleElement()
                .satisfies(e -> assertThat(e.recordId()).isEqualTo(second.id()));
    }

    @Test
    void whatTheSystemDidByItselfIsOneEventAndWhatPeopleDidIsEachItsOwn() {
        Incident first = record("using-proxy-sites", NOW.minusDays(3), RecordKind.BEHAVIOUR, "Used a proxy.");
        incidents.complete(first.id(), action(first, "refer-to-dsl").id(), "Spoke to the pupil.", "chr.dsl");
        incidents.addAction(first.id(), "targeted-support", "Needs support.", "chr.dsl");
        Incident second = record("social-media-misuse", OffsetDateTime.now(ZoneOffset.UTC), RecordKind.BEHAVIOUR, "Messages.");
        List<String> escalationAdded = second.actions().stream().filter(a -> a.addedReason() != null)
                .map(IncidentAction::columnText).toList();

        List<ChronologyEntry> entries = chronology.read(pupil, Viewer.of(dsl), false).orElseThrow().entries();

        assertThat(entries).extracting(ChronologyEntry::type).doesNotContain("Action created");
        assertThat(entries).filteredOn(e -> e.recordId() == first.id() && e.type().equals("Recorded")).singleElement()
                .satisfies(e -> assertThat(e.summary()).isEqualTo("Incident " + first.id() + ": "
                        + first.actions().size() + " actions created from the table: "
                        + String.join(", ", first.actions().stream().map(IncidentAction::columnText).toList())));
        assertThat(entries).filteredOn(e -> e.recordId() == first.id() && e.type().startsWith("Action"))
                .extracting(ChronologyEntry::type).containsExactly("Action completed", "Action added");
        assertThat(escalationAdded).isNotEmpty();
        assertThat(entries).filteredOn(e -> e.recordId() == second.id() && e.type().equals("Escalated")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains(escalationAdded.size() + " action")
                        .contains(String.join(", ", escalationAdded)));
        assertThat(entries).filteredOn(e -> e.recordId() == second.id()).extracting(ChronologyEntry::type)
                .doesNotContain("Action added");
    }

    @Test
    void childProtectionEntriesAreShownOnlyToThoseWhoMayReadThem() {
        record("social-media-misuse", NOW, RecordKind.CHILD_PROTECTION, "A disclosure.");
        record("mobile-device-misuse", NOW, RecordKind.BEHAVIOUR, "A phone.");

        List<ChronologyEntry> forDsl = chronology.read(pupil, Viewer.of(dsl), false).orElseThrow().entries();
        List<ChronologyEntry> forHead = chronology.read(pupil, Viewer.of(head), false).orElseThrow().entries();

        assertThat(forDsl).anyMatch(ChronologyEntry::childProtection);
        assertThat(forHead).isNotEmpty().noneMatch(ChronologyEntry::childProtection);
        assertThat(forHead).extracting(ChronologyEntry::detail).doesNotContain("A disclosure.");
    }

    @Test
    void everyViewAndPrintIsLoggedForTheChronologyAndEachRecordInIt() throws Exception {
        Incident incident = record("mobile-device-misuse", NOW, RecordKind.BEHAVIOUR, "A phone.");

        mvc.perform(get("/people/" + pupil + "/chronology").with(authentication(dsl)));
        mvc.perform(get("/people/" + pupil + "/chronology/print").with(authentication(dsl)));

        assertThat(accessLog.forRecord(RecordAccessLog.CHRONOLOGY, pupil)).extracting(RecordAccessLog.Access::channel)
                .containsExactly(Channel.PAGE, Channel.PRINT);
        assertThat(accessLog.forIncident(incident.id())).extracting(RecordAccessLog.Access::channel)
                .containsExactly(Channel.CHRONOLOGY, Channel.PRINT);
    }

    @Test
    void theChronologyOfSomeoneWhoDoesNotExistIsNotFoundAndLoggedAsDenied() throws Exception {
        long missing = 987_654_321L;

        int status = mvc.perform(get("/people/" + missing + "/chronology").with(authentication(dsl))).andReturn()
                .getResponse().getStatus();

        assertThat(status).isEqualTo(404);
        assertThat(accessLog.forRecord(RecordAccessLog.CHRONOLOGY, missing)).singleElement()
                .satisfies(a -> assertThat(a.allowed()).isFalse());
    }

    @Test
    void thePrintVersionSaysWhoPrintedItAndWhenAndOffersAPrintButton() throws Exception {
        record("mobile-device-misuse", NOW, RecordKind.BEHAVIOUR, "A phone.");

        String page = mvc.perform(get("/people/" + pupil + "/chronology/print").with(authentication(dsl))).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("Printed by chr.dsl on " + LocalDate.now(SchoolTime.ZONE)
                        .format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                "data-print", "/js/print.js", "A phone.");
    }

    @Test
    void thePersonPageLinksToTheChronologyForThoseWhoMayReadIt() throws Exception {
        String forDsl = mvc.perform(get("/people/" + pupil).with(authentication(dsl))).andReturn().getResponse()
                .getContentAsString();
        String forTeacher = mvc.perform(get("/people/" + pupil).with(authentication(teacher))).andReturn().getResponse()
                .getContentAsString();

        assertThat(forDsl).contains("href=\"/people/" + pupil + "/chronology\"");
        assertThat(forTeacher).doesNotContain("/chronology");
    }

    @Test
    void aStaffSubjectHasAChronologyToo() {
        long staff = TestPeople.person(jdbc, "STAFF", "Sam", TestPeople.unique("Chr"));
        Incident incident = incidents.record(new NewIncident(SubjectType.STAFF, "breaching-copyright", List.of(staff), NOW,
                null, "Copied software.", null, List.of()), Viewer.of(dsl));

        assertThat(chronology.read(staff, Viewer.of(dsl), false).orElseThrow().entries())
                .extracting(ChronologyEntry::summary)
                .contains("Incident " + incident.id() + ": Breaching copyright or licensing regulations");
    }

    @Test
    void entriesFromEverySourceAreMergedInTimeOrder() {
        record("mobile-device-misuse", NOW.minusDays(1), RecordKind.BEHAVIOUR, "A phone.");
        ChronologySource alerts = (person, viewer) -> List.of(new ChronologyEntry(NOW.minusDays(2), "Filter alert",
                "Blocked: illegal content", null, null, "alert", 7, null, false));
        Chronology merged = new Chronology(List.of(new IncidentChronology(incidents, new IncidentRules(null, null, null)),
                alerts), people, accessLog);

        List<ChronologyEntry> entries = merged.read(pupil, Viewer.of(dsl), false).orElseThrow().entries();

        assertThat(entries.getFirst().type()).isEqualTo("Filter alert");
        assertThat(entries.get(1).type()).isEqualTo("Incident");
        assertThat(accessLog.forRecord("alert", 7)).isNotEmpty();
    }

}
