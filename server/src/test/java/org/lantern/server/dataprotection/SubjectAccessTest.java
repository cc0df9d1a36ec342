package org.lantern.server.dataprotection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.UnblockException.Scope;
import org.lantern.server.alerts.AlertFixtures;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.filtering.bypass.BypassAttempt;
import org.lantern.server.filtering.bypass.PersistentBypassAttempts;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentCategories;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.lantern.server.unblocking.UnblockDraft;
import org.lantern.server.unblocking.Unblocks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Subject access requests: the deadline and its extension, and the export of everything Lantern
 * holds about a member of staff who has data in every table, next to a colleague who must not
 * appear in it.
 */
@PersistenceTest
@AutoConfigureMockMvc
class SubjectAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    People people;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentCategories categories;
    @Autowired
    Unblocks unblocks;
    @Autowired
    SubjectAccessRequests requests;
    @Autowired
    RecordAccessLog accessLog;
    @Autowired
    AuditChain audit;
    @Autowired
    AlertRegister alerts;

    Authentication dsl;
    Authentication admin;
    long subject;
    long colleague;
    String surname;
    String colleagueSurname;
    String username;
    String colleagueUsername;
    Incident shared;
    Incident colleaguesOwn;

    @BeforeEach
    void setUp() {
        DataProtectionFixtures.clear(jdbc);
        dsl = TestUsers.signedIn(accountService, accounts, "sar.dsl", Role.DSL);
        admin = TestUsers.signedIn(accountService, accounts, "sar.admin", Role.ADMIN);
        surname = TestPeople.unique("Pemberton");
        colleagueSurname = TestPeople.unique("Otterbury");
        subject = staff("Perpetua", surname, TestPeople.unique("PP"));
        colleague = staff("Octavian", colleagueSurname, TestPeople.unique("OC"));

        people.addIdentity(subject, NetworkIdentityType.PROXY_USERNAME, TestPeople.unique("pemb."));
        people.grantAccess(subject, "sar.admin", "Joined the maths department");
        username = TestPeople.unique("pemb");
        colleagueUsername = TestPeople.unique("otter");
        long account = accountService.create(username, "Perpetua " + surname, Role.STAFF, "staff password 123", "sar.admin");
        long colleagueAccount = accountService.create(colleagueUsername, "Octavian " + colleagueSurname, Role.STAFF,
                "staff password 123", "sar.admin");
        people.linkAccount(subject, account);
        people.linkAccount(colleague, colleagueAccount);
        logon(username, account, "10.9.8.7");
        logon(colleagueUsername, colleagueAccount, "10.1.1.1");
        accountService.unlock(account, "sar.admin", "Forgot password after half term");

        // A behaviour record: the table's first row follows the illegal-material path, which makes a
        // child-protection record, and those are left out of an export by default (see
        // SubjectAccessChildProtectionTest).
        String category = categories.of(SubjectType.STAFF).stream().filter(c -> !c.illegalMaterial()).findFirst()
                .orElseThrow().id();
        OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        shared = incidents.record(new NewIncident(SubjectType.STAFF, category, List.of(subject, colleague), yesterday,
                "Staff room", "Both seen on a gambling site.", null, List.of()), Viewer.of(dsl));
        incidents.complete(shared.id(), shared.actions().getFirst().id(), "Spoken to by the head.", "sar.dsl");
        colleaguesOwn = incidents.record(new NewIncident(SubjectType.STAFF, category, List.of(colleague), yesterday,
                null, "Colleague-only matter Quillfeather.", null, List.of()), Viewer.of(dsl));
        Instant now = Instant.now();
        alerts.record(AlertFixtures.illegal("http://www.abuse.invalid/pemberton-page", subject, "Perpetua " + surname,
                null, "10.9.8.7", now.minus(Duration.ofHours(3))));
        alerts.record(new PersistentBypassAttempts(bypass(subject, "pemberton-vpn.example", now.minus(Duration.ofHours(2))),
                12, 12, Duration.ofMinutes(30), 1));
        alerts.record(new PersistentBypassAttempts(bypass(colleague, "otterbury-vpn.example", now), 12, 12,
                Duration.ofMinutes(30), 1));
        unblocks.request(new UnblockDraft("https://pemberton-maths.example/", Scope.DOMAIN, List.of("ks4"),
                List.of(colleague), "Probability lesson", null, now.plus(Duration.ofDays(2))), username, now);
        unblocks.request(new UnblockDraft("https://otterbury-only.example/", Scope.DOMAIN, List.of("ks4"),
                List.of(), "Colleague's lesson", null, now.plus(Duration.ofDays(2))), colleagueUsername, now);
    }

    private long staff(String first, String last, String code) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, staff_code, job_title, email, "
                        + "created_at, updated_at) VALUES ('STAFF', :first, :last, :code, 'Teacher of maths', :email, :now, :now)")
                .param("first", first).param("last", last).param("code", code)
                .param("email", last.toLowerCase() + "@school.example").param("now", now).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Records an attempt to get round the filter by {@code personId} in the register, as the filter does. */
    private BypassAttempt bypass(long personId, String host, Instant at) {
        BypassAttempt attempt = new BypassAttempt(at, personId, "Person " + personId, null, "10.9.8.7", host, "vpn",
                "POLICY", "BLOCK");
        jdbc.sql("INSERT INTO bypass_attempt (attempted_at, person_id, subject_name, client_ip, host, category, rule, "
                        + "action) VALUES (:at, :person, :name, :ip, :host, 'vpn', 'POLICY', 'BLOCK')")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("person", personId).param("name", attempt.subjectName())
                .param("ip", attempt.clientIp()).param("host", host).update();
        return attempt;
    }

    private void logon(String user, long account, String ip) {
        jdbc.sql("INSERT INTO logon_attempt (attempted_at, username, account_id, source_ip, user_agent, outcome) "
                        + "VALUES (:at, :user, :account, :ip, 'Firefox', 'SUCCESS')")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("user", user).param("account", account)
                .param("ip", ip).update();
    }

    private SubjectAccessRequest request(LocalDate received) {
        return requests.record(new SubjectAccessRequests.NewRequest("Perpetua " + surname, "the person themselves",
                subject, received, true, "Known to the school; staff ID seen"), "sar.dsl");
    }

    private String exportJson(Authentication user, long id) throws Exception {
        return mvc.perform(get("/data-protection/subject-access/" + id + "/export.json").with(authentication(user)))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aRequestReceivedOnTheThirtyFirstOfJanuaryIsDueOnTheLastDayOfFebruary() throws Exception {
        SubjectAccessRequest request = request(LocalDate.of(2025, 1, 31));

        assertThat(request.dueOn()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(mvc.perform(get("/data-protection/subject-access/" + request.id()).with(authentication(dsl)))
                .andReturn().getResponse().getContentAsString()).contains("Friday 28 February 2025", "overdue");
    }

    @Test
    void anExtensionAddsUpToTwoMonthsWhenTheRequesterWasToldWithinTheFirstMonth() {
        SubjectAccessRequest request = request(LocalDate.of(2025, 1, 31));

        assertThatThrownBy(() -> requests.extend(request.id(), 2, "Many years of records", LocalDate.of(2025, 3, 1), "sar.dsl"))
                .isInstanceOf(DataProtectionException.class).hasMessageContaining("within the first month");
        assertThatThrownBy(() -> requests.extend(request.id(), 2, " ", LocalDate.of(2025, 2, 10), "sar.dsl"))
                .isInstanceOf(DataProtectionException.class).hasMessageContaining("complex or numerous");
        assertThatThrownBy(() -> requests.extend(request.id(), 3, "Many years", LocalDate.of(2025, 2, 10), "sar.dsl"))
                .isInstanceOf(DataProtectionException.class).hasMessageContaining("one or two");
        SubjectAccessRequest extended = requests.extend(request.id(), 2, "Many years of records", LocalDate.of(2025, 2, 28), "sar.dsl");

        assertThat(extended.dueOn()).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(extended.extensionReason()).isEqualTo("Many years of records");
        assertThat(audit.entriesFor(SubjectAccessRequests.RECORD_TYPE, Long.toString(request.id())))
                .extracting(AuditEntry::action).contains("subject-access.recorded", "subject-access.extended");
    }

    @Test
    void aRefusalMustSayWhy() {
        SubjectAccessRequest request = request(People.today());

        assertThatThrownBy(() -> requests.setStatus(request.id(), SarStatus.REFUSED, "", "sar.dsl"))
                .isInstanceOf(DataProtectionException.class);
        assertThat(requests.setStatus(request.id(), SarStatus.COMPLETED, "Sent by secure email", "sar.dsl").status())
                .isEqualTo(SarStatus.COMPLETED);
    }

    @Test
    void theExportHoldsThePersonsDataFromEveryTable() throws Exception {
        SubjectAccessRequest request = request(People.today());

        String json = exportJson(dsl, request.id());

        assertThat(json).contains("Perpetua", surname, "Teacher of maths", surname.toLowerCase() + "@school.example",
                "pemb.", "Joined the maths department", "\"username\":\"" + username + "\"", "10.9.8.7", "UNLOCKED",
                "Forgot password after half term", "Both seen on a gambling site.", "Spoken to by the head.",
                "pemberton-maths.example", "Probability lesson", "\"channel\":\"EXPORT\"");
    }

    @Test
    void theExportHoldsTheFiltersAlertsAboutThePersonAndTheirBypassAttemptsEachLookLogged() throws Exception {
        SubjectAccessRequest request = request(People.today());
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

        String json = exportJson(dsl, request.id());

        assertThat(json).contains("\"alerts\":{\"included\":true", "Illegal content", PersonalDataExports.ALERT_ADDRESS_WITHHELD,
                "Persistent attempts to get round the filter", "pemberton-vpn.example",
                "\"bypassAttempts\":{\"included\":true", "\"host\":\"pemberton-vpn.example\"", "\"action\":\"Blocked\"");
        assertThat(json).doesNotContain("abuse.invalid", "otterbury-vpn.example");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_access WHERE username = 'sar.dsl' AND channel = 'EXPORT' "
                        + "AND record_type = 'alert' AND record_id IN (SELECT id FROM filter_alert WHERE person_id = :p)")
                .param("p", subject).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_access WHERE username = 'sar.dsl' AND channel = 'EXPORT' "
                        + "AND record_type = 'bypass-report' AND accessed_at >= :before")
                .param("before", before).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theExportNamesNoOneElseAndFlagsThirdPartyInformationForReview() throws Exception {
        SubjectAccessRequest request = request(People.today());

        String json = exportJson(dsl, request.id());

        assertThat(json).doesNotContain(colleagueSurname, "Octavian", colleagueUsername, "10.1.1.1",
                "Colleague-only matter Quillfeather", "otterbury-only.example", "Colleague's lesson");
        assertThat(json).contains("\"otherPeopleInvolved\":1", "\"reviewBeforeRelease\":true", "\"namedPeople\":1",
                "Review before release");
    }

    @Test
    void everyExportIsLoggedAuditedAndCountsAsALookAtTheIncidentRecords() throws Exception {
        SubjectAccessRequest request = request(People.today());

        exportJson(dsl, request.id());
        mvc.perform(get("/data-protection/subject-access/" + request.id() + "/export").with(authentication(dsl)));
        mvc.perform(get("/data-protection/subject-access/" + request.id() + "/export.pdf").with(authentication(dsl)));

        assertThat(requests.exports(request.id())).extracting(SubjectAccessRequests.Export::format)
                .containsExactly("PDF", "HTML", "JSON");
        assertThat(audit.entriesFor(SubjectAccessRequests.RECORD_TYPE, Long.toString(request.id())))
                .filteredOn(e -> e.action().equals("subject-access.exported")).hasSize(3)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("sar.dsl"));
        assertThat(accessLog.forIncident(shared.id()))
                .filteredOn(a -> a.channel() == Channel.EXPORT && a.username().equals("sar.dsl")).hasSize(3);
        assertThat(accessLog.forIncident(colleaguesOwn.id())).noneMatch(a -> a.channel() == Channel.EXPORT);
    }

    @Test
    void theNetworkManagersExportLeavesSafeguardingRecordsOutAndSaysWhoCanAddThem() throws Exception {
        SubjectAccessRequest request = request(People.today());

        String json = exportJson(admin, request.id());

        assertThat(json).contains("\"included\":false", "only the DSL's team", PersonalDataExports.SAFEGUARDING_WITHHELD)
                .doesNotContain("Both seen on a gambling site.", "pemberton-vpn.example", "Illegal content");
        assertThat(accessLog.forIncident(shared.id())).noneMatch(a -> a.username().equals("sar.admin"));
    }

    @Test
    void thePdfExportIsReadableAndCarriesTheRedactionWarning() throws Exception {
        SubjectAccessRequest request = request(People.today());
        // A long reason beside short columns: the layout once squeezed those until their words broke.
        people.removeAccess(subject, "sar.admin", "Removed while the acceptable use agreement is signed again with the "
                + "head of department, after the conversation about personal use of school devices during lessons.");

        byte[] pdf = mvc.perform(get("/data-protection/subject-access/" + request.id() + "/export.pdf")
                .with(authentication(dsl))).andReturn().getResponse().getContentAsByteArray();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }

        assertThat(text).contains("Perpetua " + surname, "Review before release", "Both seen on a gambling site.", "10.9.8.7",
                "Filter alerts", "Attempts to get round the filter", "pemberton-vpn.example");
        assertThat(text).doesNotContain(colleagueSurname);
        // The colleague's own actions on the shared record are theirs, not the requester's.
        assertThat(text.split("Suspension", -1)).as("actions for the requester alone").hasSize(2);
        // Short words and dates in narrow columns stay whole (the renderer once broke them: "GRANTE" / "D").
        assertThat(text).contains("Granted", "Removed", "sar.admin", "Done", "Status", "Outcome",
                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(People.today()) + " ");
    }

    @Test
    void recordingThroughTheFormFindsThePersonInTheDirectory() throws Exception {
        String search = mvc.perform(post("/data-protection/subject-access").with(authentication(dsl)).with(csrf())
                .param("q", surname).param("step", "search")).andReturn().getResponse().getContentAsString();
        assertThat(search).contains("Perpetua " + surname, "value=\"" + subject + "\"");

        MvcResult result = mvc.perform(post("/data-protection/subject-access").with(authentication(dsl)).with(csrf())
                .param("requesterName", "Perpetua " + surname).param("requesterRelation", "the person themselves")
                .param("personId", Long.toString(subject)).param("receivedOn", People.today().toString())
                .param("step", "record")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/data-protection/subject-access/");
        assertThat(requests.list()).singleElement().satisfies(r -> {
            assertThat(r.personId()).isEqualTo(subject);
            assertThat(r.identityVerified()).isFalse();
            assertThat(r.dueOn()).isEqualTo(People.today().plusMonths(1));
        });
    }
}
