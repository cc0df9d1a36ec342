package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The incident pages: the recording form, the list, an incident and its action forms. */
@PersistenceTest
@AutoConfigureMockMvc
class IncidentPagesTest {

    private static final String SCRIPT = "<script>alert(1)</script><b>bold</b>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;";

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
    RecordAccessLog accessLog;

    Authentication teacher;
    Authentication otherTeacher;
    Authentication dsl;
    long pupil;
    String surname;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "pages.teacher", Role.STAFF);
        otherTeacher = TestUsers.signedIn(accountService, accounts, "pages.other", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "pages.dsl", Role.DSL);
        surname = TestPeople.unique("Pagepupil");
        pupil = TestPeople.pupil(jdbc, "Ada", surname);
    }

    private MvcResult submit(Authentication user, String description) throws Exception {
        return mvc.perform(post("/incidents").with(authentication(user)).with(csrf())
                .param("type", "misuse").param("kind", "BEHAVIOUR")
                .param("subject", "PUPIL").param("subjectIds", Long.toString(pupil))
                .param("occurredAt", "2025-03-14T10:30").param("category", "social-media-misuse")
                .param("description", description).param("step", "record")).andReturn();
    }

    private long recordedId(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as("redirect").startsWith("/incidents/");
        return Long.parseLong(location.substring("/incidents/".length()).replace("?recorded", ""));
    }

    @Test
    void theFormOffersThePupilTableCategoriesAsPublished() throws Exception {
        String page = mvc.perform(get("/incidents/new").with(authentication(teacher))).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("Unauthorised / inappropriate use of social media / messaging apps / personal email",
                "<label for=\"description\">");
    }

    @Test
    void searchingByNameListsMatchingPupilsToTick() throws Exception {
        String page = mvc.perform(post("/incidents").with(authentication(teacher)).with(csrf())
                .param("subject", "PUPIL").param("q", surname).param("step", "search")).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("Ada " + surname, "name=\"roles\" id=\"role-" + pupil + "\"");
    }

    @Test
    void recordingThroughTheFormStoresItAndShowsTheIncidentWithItsActions() throws Exception {
        long id = recordedId(submit(teacher, "Messages on a phone."));

        String page = mvc.perform(get("/incidents/" + id).with(authentication(teacher))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Messages on a phone.", "Refer to DSL", "Inform parents / carers",
                "Targeted support/Consequence of continuation");
    }

    @Test
    void aFormWithProblemsShowsThemInAnAlertAndRecordsNothing() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();

        String page = mvc.perform(post("/incidents").with(authentication(teacher)).with(csrf())
                .param("subject", "PUPIL").param("occurredAt", "not a date").param("description", "kept")
                .param("step", "record")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("role=\"alert\"", "When it happened must be a date and time");
        assertThat(page).contains(">kept</textarea>");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anotherTeachersIncidentPageIsNotFoundAndLoggedAsDenied() throws Exception {
        long id = recordedId(submit(teacher, "Mine."));

        int status = mvc.perform(get("/incidents/" + id).with(authentication(otherTeacher))).andReturn()
                .getResponse().getStatus();

        assertThat(status).isEqualTo(404);
        assertThat(accessLog.forIncident(id)).filteredOn(a -> a.username().equals("pages.other"))
                .singleElement().satisfies(a -> {
                    assertThat(a.allowed()).isFalse();
                    assertThat(a.channel()).isEqualTo(Channel.PAGE);
                });
    }

    @Test
    void aTeachersListShowsOnlyTheirOwnRecordsAndEachLineIsLogged() throws Exception {
        long mine = recordedId(submit(teacher, "Mine."));
        long theirs = recordedId(submit(otherTeacher, "Theirs."));

        String page = mvc.perform(get("/incidents").with(authentication(teacher))).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("/incidents/" + mine + "\"").doesNotContain("/incidents/" + theirs + "\"");
        assertThat(accessLog.forIncident(mine)).anyMatch(a -> a.channel() == Channel.LIST && a.username().equals("pages.teacher"));
        assertThat(accessLog.forIncident(theirs)).noneMatch(a -> a.username().equals("pages.teacher"));
    }

    @Test
    void theDslsListShowsEveryRecord() throws Exception {
        long mine = recordedId(submit(teacher, "Mine."));
        long theirs = recordedId(submit(otherTeacher, "Theirs."));

        String page = mvc.perform(get("/incidents").with(authentication(dsl))).andReturn()
                .getResponse().getContentAsString();

        assertThat(page).contains("/incidents/" + mine + "\"", "/incidents/" + theirs + "\"");
    }

    @Test
    void eachPersonOnAnIncidentLinksToTheirBrowsingAroundItsTimeForThoseWhoMaySearchIt() throws Exception {
        long id = recordedId(submit(teacher, "Around then."));
        String link = "href=\"/activity?person=" + pupil + "&amp;around=2025-03-14T10:30:00Z\"";

        String forDsl = mvc.perform(get("/incidents/" + id).with(authentication(dsl))).andReturn().getResponse()
                .getContentAsString();
        String forTeacher = mvc.perform(get("/incidents/" + id).with(authentication(teacher))).andReturn().getResponse()
                .getContentAsString();

        assertThat(forDsl).contains(link, "browsing around then");
        assertThat(forTeacher).contains("Around then.").doesNotContain("/activity?");
    }

    @Test
    void completingAnActionTwiceShowsAClearErrorTheSecondTime() throws Exception {
        long id = recordedId(submit(teacher, "Twice."));
        long action = incidents.read(id, Viewer.of(dsl), Channel.API).orElseThrow().actions().getFirst().id();
        String path = "/incidents/" + id + "/actions/" + action + "/complete";
        mvc.perform(post(path).with(authentication(dsl)).with(csrf()).param("outcome", "done"));

        MvcResult again = mvc.perform(post(path).with(authentication(dsl)).with(csrf()).param("outcome", "again"))
                .andReturn();

        assertThat(again.getFlashMap().get("problems")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .singleElement().asString().contains("already done");
    }

    @Test
    void htmlAndScriptTypedIntoEveryTextFieldAreShownNotRun() throws Exception {
        long scriptPupil = TestPeople.pupil(jdbc, SCRIPT, TestPeople.unique("Xss"));
        Incident incident = incidents.record(new NewIncident(SubjectType.PUPIL, "social-media-misuse",
                List.of(scriptPupil), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), SCRIPT, SCRIPT, SCRIPT,
                List.of(SCRIPT)), Viewer.of(teacher));
        List<IncidentAction> actions = incident.actions();
        incidents.complete(incident.id(), actions.get(0).id(), SCRIPT, "pages.dsl");
        incidents.waive(incident.id(), actions.get(1).id(), SCRIPT, "pages.dsl");
        incidents.addAction(incident.id(), "refer-to-police", SCRIPT, "pages.dsl");

        String detail = mvc.perform(get("/incidents/" + incident.id()).with(authentication(dsl))).andReturn()
                .getResponse().getContentAsString();
        String list = mvc.perform(get("/incidents").with(authentication(dsl))).andReturn()
                .getResponse().getContentAsString();

        assertThat(detail).doesNotContain(SCRIPT);
        // name, location, description, child's words, link, outcome, waive reason, added reason
        assertThat(detail.split(Pattern.quote(ESCAPED), -1).length - 1).isGreaterThanOrEqualTo(8);
        assertThat(list).doesNotContain(SCRIPT).contains(ESCAPED);
    }
}
