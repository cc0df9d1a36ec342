package org.lantern.server.registers.agreements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The register's pages and API as each user meets them: the office role keeps the register and
 * sees no safeguarding record; the interstitial after sign-in; a paper form with a bad date; the
 * CSV with formulas disarmed; script in an agreement shown as text; accepting through the API.
 */
@PersistenceTest
@AutoConfigureMockMvc
class AgreementPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    People people;
    @Autowired
    AgreementTexts texts;
    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "pages", role);
    }

    @Test
    void theOfficeRoleKeepsRegistersAndHoldsNoSafeguardingPermission() throws Exception {
        assertThat(Role.OFFICE.permissions()).contains(Permission.AGREEMENTS_READ, Permission.AGREEMENTS_RECORD)
                .doesNotContain(Permission.INCIDENT_RECORD, Permission.INCIDENT_READ_ALL, Permission.INCIDENT_MANAGE,
                        Permission.CHILD_PROTECTION_READ, Permission.ACTIVITY_READ, Permission.ACTIVITY_READ_TECHNICAL,
                        Permission.ACTIVITY_ACCESS_READ, Permission.BYPASS_REPORT_READ, Permission.MONITOR_CLASSIFY,
                        Permission.DATA_PROTECTION_MANAGE, Permission.PEOPLE_READ_DETAILS);
        mvc.perform(get("/registers/agreements").with(as(Role.OFFICE)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Coverage by audience")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/incidents", "/incidents/child-protection", "/alerts", "/activity", "/reports/weekly",
            "/filtering/bypass-attempts", "/data-protection"})
    void theOfficeRoleIsRefusedEverySafeguardingRecord(String page) throws Exception {
        mvc.perform(get(page).with(as(Role.OFFICE))).andExpect(status().isForbidden());
    }

    @Test
    void theOfficeRoleIsRefusedAPupilsChronology() throws Exception {
        long pupil = TestPeople.pupil(jdbc, "Chron", TestPeople.unique("Office"));
        mvc.perform(get("/people/" + pupil + "/chronology").with(as(Role.OFFICE)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMemberOfStaffIsAskedToAcceptBeforeAnyOtherPageAndNotAfter() throws Exception {
        long person = person("STAFF", null, null);
        String username = TestPeople.unique("staff");
        long account = accountService.create(username, "Stan Staff", Role.STAFF, "test password 1", "test");
        people.linkAccount(person, account);
        Authentication user = TestUsers.signedIn(accountService, accounts, username, Role.STAFF);
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get("/").session(session).with(authentication(user))).andExpect(redirectedUrl("/agreement"));
        mvc.perform(get("/report-concern").session(session).with(authentication(user))).andExpect(status().isOk());
        long version = texts.inForce(Audience.STAFF).orElseThrow().id();
        mvc.perform(get("/agreement").session(session).with(authentication(user)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("I agree")));
        mvc.perform(post("/agreement").param("versionId", Long.toString(version)).session(session)
                        .with(authentication(user)).with(csrf()))
                .andExpect(redirectedUrl("/agreement")).andExpect(flash().attributeExists("accepted"));
        mvc.perform(get("/").session(session).with(authentication(user))).andExpect(status().isOk());

        mvc.perform(post("/agreement").param("versionId", Long.toString(version)).session(session)
                        .with(authentication(user)).with(csrf()))
                .andExpect(flash().attribute("problems", List.of("You have already accepted version "
                        + texts.inForce(Audience.STAFF).orElseThrow().number() + " of the Staff agreement, on "
                        + SchoolTime.day(SchoolTime.today()) + ".")));
    }

    @Test
    void aPaperFormDatedBeforeItsVersionIsRefusedAndNothingRecorded() throws Exception {
        long pupil = person("PUPIL", "3", null);
        AgreementVersion ks2 = texts.inForce(Audience.KS2).orElseThrow();
        mvc.perform(post("/registers/agreements/people/" + pupil + "/paper").param("versionId", Long.toString(ks2.id()))
                        .param("signedOn", "2001-09-01").param("signedBy", "").with(as(Role.OFFICE))
                        .with(csrf()))
                .andExpect(redirectedUrl("/registers/agreements/people/" + pupil + "#paper"))
                .andExpect(flash().attribute("problems", List.of("The form is dated "
                        + SchoolTime.day(LocalDate.of(2001, 9, 1)) + ", before version "
                        + ks2.number() + " was published on "
                        + SchoolTime.day(ks2.createdAt().atZoneSameInstant(SchoolTime.ZONE).toLocalDate())
                        + ": check the date, or record the version the form shows.")));
        mvc.perform(post("/registers/agreements/people/" + pupil + "/paper").param("versionId", Long.toString(ks2.id()))
                        .param("signedOn", "not a date").with(as(Role.OFFICE)).with(csrf()))
                .andExpect(flash().attribute("problems", List.of("'not a date' is not a date: use the date picker.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agreement_acceptance WHERE person_id = :p").param("p", pupil)
                .query(Long.class).single()).isZero();

        mvc.perform(post("/registers/agreements/people/" + pupil + "/paper").param("versionId", Long.toString(ks2.id()))
                        .param("signedOn", SchoolTime.today().toString()).with(as(Role.OFFICE))
                        .with(csrf()))
                .andExpect(flash().attribute("recorded", "The paper form is recorded."));
        mvc.perform(get("/registers/agreements/people/" + pupil).with(as(Role.OFFICE)))
                .andExpect(content().string(containsString("Paper form")))
                .andExpect(content().string(containsString("pages.office")));
    }

    @Test
    void theUnsignedListExportsWithFormulasDisarmed() throws Exception {
        String klass = "F" + TestPeople.unique("").substring(0, 6);
        person("PUPIL", "5", klass, "=HYPERLINK(\"http://evil.example\")");
        String csv = mvc.perform(get("/registers/agreements/unsigned.csv").param("audience", "KS2")
                        .param("class", klass).with(as(Role.OFFICE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains("'=HYPERLINK").contains("Year 5").contains(klass);
        mvc.perform(get("/registers/agreements/unsigned.csv").param("year", "Year 99").with(as(Role.OFFICE)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is not a year group")));
    }

    @Test
    void scriptInAnAgreementIsShownAsText() throws Exception {
        AgreementVersion current = texts.inForce(Audience.VISITORS).orElseThrow();
        mvc.perform(post("/registers/agreements/texts").param("audience", "VISITORS").param("title", "<i>Visitors</i>")
                        .param("body", "<script>alert('agreement')</script>").param("changeKind", "CORRECTION")
                        .param("note", "<b>note</b>").with(as(Role.DSL)).with(csrf()))
                .andExpect(redirectedUrl("/registers/agreements/texts/history?audience=VISITORS"));
        mvc.perform(get("/registers/agreements/texts/history").param("audience", "VISITORS")
                        .with(as(Role.OFFICE)))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;agreement&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<i>Visitors"))));
        texts.publish(Audience.VISITORS, current.title(), current.body(), ChangeKind.CORRECTION, "Put back.", "test");
    }

    @Test
    void aNewVersionWithoutItsKindOfChangeComesBackSayingSo() throws Exception {
        int before = texts.history(Audience.STAFF).size();
        mvc.perform(post("/registers/agreements/texts").param("audience", "STAFF").param("title", "Staff")
                        .param("body", "Text.").param("note", "A note").with(as(Role.HEADTEACHER)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Say whether this is a material change")));
        assertThat(texts.history(Audience.STAFF)).hasSize(before);
    }

    @Test
    void theApiCountsByAudienceAndAcceptsOnceForTheCaller() throws Exception {
        long person = person("GOVERNOR", null, null);
        String username = TestPeople.unique("gov");
        long account = accountService.create(username, "Gil Governor", Role.GOVERNOR, "test password 1", "test");
        people.linkAccount(person, account);
        Authentication governor = TestUsers.signedIn(accountService, accounts, username, Role.GOVERNOR);

        mvc.perform(post("/api/v1/registers/agreements/accept").with(authentication(governor)).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.audience").value("GOVERNORS"))
                .andExpect(jsonPath("$.method").value("ONLINE"));
        mvc.perform(post("/api/v1/registers/agreements/accept").with(authentication(governor)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("already accepted")));
        mvc.perform(get("/api/v1/registers/agreements/coverage").with(as(Role.OFFICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.audiences.length()").value(Audience.values().length))
                .andExpect(jsonPath("$.audiences[?(@.audience == 'GOVERNORS')].signed").isNotEmpty());
    }

    @Test
    void theGatePageTurnsTheGateOnForChosenGroups() throws Exception {
        mvc.perform(post("/registers/agreements/gate").param("group", "no-such-group")
                        .with(as(Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("problems", List.of("The policy in force has no group no-such-group.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agreement_gate").query(Long.class).single()).isZero();
    }

    private long person(String kind, String year, String klass) {
        return person(kind, year, klass, "Agatha");
    }

    private long person(String kind, String year, String klass, String first) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, year_group, registration_class, created_at, "
                        + "updated_at) VALUES (:kind, :first, :last, :year, :klass, :now, :now)")
                .param("kind", kind).param("first", first).param("last", TestPeople.unique("Pages")).param("year", year)
                .param("klass", klass).param("now", now).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }
}
