package org.lantern.server.incidents;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Pupils report a concern at {@code /report-concern}: signed in, named without signing in, or
 * anonymously (nothing identifying stored); the report lands in the DSL's child-protection queue
 * and the pupil sees only a kind confirmation.
 */
@PersistenceTest
@AutoConfigureMockMvc
class ConcernReportTest {

    private static final String BLOCKED = "http://games.example/play?level=3";

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
    AuditChain audit;

    Authentication dsl;
    String address;

    @BeforeEach
    void setUp() {
        dsl = TestUsers.signedIn(accountService, accounts, "rep.dsl", Role.DSL);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    private MvcResult send(MockHttpServletRequestBuilder request, Map<String, String> params) throws Exception {
        params.forEach(request::param);
        return mvc.perform(request.with(csrf()).with(from(address))).andReturn();
    }

    /** The newest pupil report whose description is exactly this text. */
    private Incident reported(String what) {
        long id = jdbc.sql("SELECT MAX(id) FROM incident WHERE description = :d").param("d", what).query(Long.class).single();
        return incidents.read(id, Viewer.of(dsl), Channel.API).orElseThrow();
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT * FROM incident WHERE id = :id").param("id", id).query().singleRow();
    }

    @Test
    void theFormIsPublicAndCarriesTheBlockedAddressAndTheAnonymityPromise() throws Exception {
        MvcResult result = mvc.perform(get("/report-concern").param("url", BLOCKED).param("category", "games")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("value=\"http://games.example/play?level=3\"",
                "Stay anonymous", "not your name", "not your account, not your computer's address", "name=\"_csrf\"");
    }

    @Test
    void anAnonymousReportStoresNothingIdentifying() throws Exception {
        String what = TestPeople.unique("Someone sent me a scary video ");

        MvcResult result = send(post("/report-concern"), Map.of("what", what, "url", BLOCKED, "category", "games",
                "anonymous", "true", "name", "Ada Lovelace"));

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/report-concern/thanks");
        Incident incident = reported(what);
        Map<String, Object> row = row(incident.id());
        assertThat(row.get("recorded_by_account")).isNull();
        assertThat(row.get("reporter_name")).isNull();
        assertThat(row.get("reporter_address")).isNull();
        assertThat(row.get("recorded_by")).isEqualTo("anonymous");
        assertThat(incident.subjects()).isEmpty();
        List<AuditEntry> entries = audit.entriesFor("incident", Long.toString(incident.id()));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("anonymous");
            assertThat(e.detailJson()).doesNotContain(address, "Ada");
        });
    }

    @Test
    void aReportBecomesAChildProtectionRecordInTheDslsQueueWithTheBlockedAddress() throws Exception {
        String what = TestPeople.unique("A pop-up asked for my address ");

        send(post("/report-concern"), Map.of("what", what, "url", BLOCKED, "category", "games", "anonymous", "true"));

        Incident incident = reported(what);
        assertThat(incident.source()).isEqualTo(IncidentSource.PUPIL_REPORT);
        assertThat(incident.recordKind()).isEqualTo(RecordKind.CHILD_PROTECTION);
        assertThat(incident.categoryText()).isEqualTo("Concern reported by a pupil");
        assertThat(incident.links()).containsExactly(BLOCKED);
        assertThat(incident.location()).contains("from the block page (filter category: games)");
        assertThat(incident.actions()).extracting(IncidentAction::columnId).containsExactly("refer-to-dsl");
        assertThat(incidents.listChildProtection(Viewer.of(dsl))).extracting(Incident::id).contains(incident.id());
    }

    @Test
    void aPupilWhoIsNotSignedInAndGivesTheirNameIsRecordedWithTheDeviceAddress() throws Exception {
        String what = TestPeople.unique("Older kids are messaging me ");

        send(post("/report-concern"), Map.of("what", what, "name", "Ada Lovelace"));

        Map<String, Object> row = row(reported(what).id());
        assertThat(row.get("reporter_name")).isEqualTo("Ada Lovelace");
        assertThat(row.get("reporter_address")).isEqualTo(address);
        assertThat(row.get("recorded_by_account")).isNull();
    }

    @Test
    void aSignedInPupilIsRecordedAsTheReporterAndAsTheRecordsSubject() throws Exception {
        Authentication pupilUser = TestUsers.signedIn(accountService, accounts, TestPeople.unique("rep.p"), Role.PUPIL);
        long pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Rep"));
        long account = Viewer.of(pupilUser).accountId();
        jdbc.sql("UPDATE person SET account_id = :a WHERE id = :p").param("a", account).param("p", pupil).update();
        String what = TestPeople.unique("I saw something upsetting ");

        send(post("/report-concern").with(authentication(pupilUser)), Map.of("what", what));

        Incident incident = reported(what);
        assertThat(incident.recordedByAccount()).isEqualTo(account);
        assertThat(incident.subjects()).extracting(Incident.Subject::personId).containsExactly(pupil);
        assertThat(row(incident.id()).get("reporter_address")).isNull();
        assertThat(incident.type()).isEqualTo(IncidentType.CONCERN);
        assertThat(incident.subjects().getFirst().roles()).containsExactly(PersonRole.AT_RISK, PersonRole.REPORTER);
        assertThat(incident.misuserIds()).isEmpty();
    }

    @Test
    void aPupilReportingAboutSomeoneElseIsOnlyItsReporterAndNeverAMisuser() throws Exception {
        Authentication pupilUser = TestUsers.signedIn(accountService, accounts, TestPeople.unique("rep.o"), Role.PUPIL);
        long pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Rep"));
        jdbc.sql("UPDATE person SET account_id = :a WHERE id = :p").param("a", Viewer.of(pupilUser).accountId())
                .param("p", pupil).update();
        String what = TestPeople.unique("My friend is being sent horrible messages ");

        send(post("/report-concern").with(authentication(pupilUser)), Map.of("what", what, "aboutSomeoneElse", "true"));

        Incident incident = reported(what);
        assertThat(incident.type()).isEqualTo(IncidentType.CONCERN);
        assertThat(incident.subjects()).singleElement().satisfies(s -> assertThat(s.roles())
                .containsExactly(PersonRole.REPORTER));
        assertThat(incident.actions()).extracting(IncidentAction::columnId).containsExactly("refer-to-dsl");
        assertThat(incident.actions()).allSatisfy(a -> assertThat(a.personId()).isNull());
    }

    @Test
    void theConfirmationIsKindSaysWhoToTalkToAndNeverShowsTheRecord() throws Exception {
        MvcResult sent = send(post("/report-concern"), Map.of("what", "Worried.", "anonymous", "true"));

        String page = mvc.perform(get("/report-concern/thanks").flashAttrs(sent.getFlashMap())).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("Thank you for telling us", "Test rep.dsl (Designated Safeguarding Lead)",
                "nobody can reply to you", "Childline").doesNotContain("Worried.", "/incidents/");
    }

    @Test
    void aReportWithProblemsSaysSoAndKeepsWhatWasTyped() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();

        MvcResult result = send(post("/report-concern"), Map.of("what", "Kept words", "where", "x".repeat(201)));

        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("role=\"alert\"", "Your name must be given", "Where you saw it must be at most 200 characters",
                ">Kept words</textarea>");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void overlongTextIsRefused() throws Exception {
        MvcResult result = send(post("/report-concern"), Map.of("what", "x".repeat(4001), "anonymous", "true"));

        assertThat(result.getResponse().getContentAsString()).contains("What happened must be at most 4000 characters");
    }

    @Test
    void withoutTheCsrfTokenNothingIsSent() throws Exception {
        int status = mvc.perform(post("/report-concern").param("what", "Forged").param("anonymous", "true")
                .with(from(address))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
    }

    @Test
    void oneAddressIsThrottledWithAClearMessageAndTheWordsKept() throws Exception {
        for (int i = 0; i < 5; i++) {
            send(post("/report-concern"), Map.of("what", "Report " + i, "anonymous", "true"));
        }

        MvcResult sixth = send(post("/report-concern"), Map.of("what", "Sixth report", "anonymous", "true"));

        assertThat(sixth.getResponse().getStatus()).isEqualTo(429);
        assertThat(sixth.getResponse().getContentAsString()).contains("Please wait 15 minutes", ">Sixth report</textarea>");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE description = 'Sixth report'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aReportFromTheBlockPageWithTheLongestWhereIsStoredWithItsCategory() throws Exception {
        String where = "w".repeat(ConcernReports.MAX_WHERE);
        String what = TestPeople.unique("Someone keeps messaging me ");

        MvcResult sent = send(post("/report-concern"), Map.of("what", what, "where", where, "url", BLOCKED,
                "category", "c".repeat(ConcernReports.MAX_FILTER_CATEGORY), "anonymous", "true"));

        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
        assertThat(reported(what).location()).startsWith(where).contains("from the block page");
    }

    @Test
    void signedInPupilsBehindOneSchoolAddressAreThrottledEachAsThemselves() throws Exception {
        Authentication first = TestUsers.signedIn(accountService, accounts, TestPeople.unique("rep.t1"), Role.PUPIL);
        Authentication second = TestUsers.signedIn(accountService, accounts, TestPeople.unique("rep.t2"), Role.PUPIL);
        for (int i = 0; i < 5; i++) {
            send(post("/report-concern").with(authentication(first)), Map.of("what", "First pupil's report " + i));
        }

        MvcResult firstAgain = send(post("/report-concern").with(authentication(first)), Map.of("what", "Once more"));
        MvcResult secondsReport = send(post("/report-concern").with(authentication(second)),
                Map.of("what", TestPeople.unique("Second pupil's own report ")));

        assertThat(firstAgain.getResponse().getStatus()).isEqualTo(429);
        assertThat(firstAgain.getResponse().getContentAsString()).contains("Childline");
        assertThat(secondsReport.getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void aReportAboutAnIllegalCategoryFollowsTheIllegalPath() throws Exception {
        String what = TestPeople.unique("Something horrible came up ");

        send(post("/report-concern"), Map.of("what", what, "url", "http://bad.example/x", "category", "child-abuse",
                "anonymous", "true"));

        Incident incident = reported(what);
        assertThat(incident.illegalPath()).isTrue();
        assertThat(incident.investigation()).isNotNull();
    }

    @Test
    void aGovernorWithoutReportConcernIsForbidden() throws Exception {
        Authentication governor = TestUsers.signedIn(accountService, accounts, "rep.governor", Role.GOVERNOR);

        int status = mvc.perform(get("/report-concern").with(authentication(governor))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
    }
}
