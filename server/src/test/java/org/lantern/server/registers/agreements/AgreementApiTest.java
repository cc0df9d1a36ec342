package org.lantern.server.registers.agreements;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The agreements register's API with an API token, as a school's script would use it (H2 and
 * PostgreSQL): the texts and their versions, a paper form recorded and then listed among the
 * version's acceptances, the unsigned list as the page's formula-safe CSV, and every refusal
 * with nothing recorded.
 */
@PersistenceTest
@AutoConfigureMockMvc
class AgreementApiTest {

    private static final String API = "/api/v1/registers/agreements";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AgreementTexts texts;
    @Autowired
    JdbcClient jdbc;

    private String token(Role role) {
        return TestUsers.bearer(accountService, accounts, tokens, "agreeapi." + role.name().toLowerCase(), role);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM agreement_acceptance").query(Long.class).single();
    }

    private static String paper(Object personId, String audience, Object version, String signedOn, String signedBy) {
        return "{\"personId\":" + personId + ",\"audience\":" + quoted(audience) + ",\"version\":" + version
                + ",\"signedOn\":" + quoted(signedOn) + ",\"signedBy\":" + quoted(signedBy) + "}";
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void theTextsAreListedByAudienceWithEveryVersion() throws Exception {
        AgreementVersion staff = texts.inForce(Audience.STAFF).orElseThrow();
        mvc.perform(get(API).header("Authorization", token(Role.HEADTEACHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agreements.length()").value(Audience.values().length))
                .andExpect(jsonPath("$.agreements[?(@.audience == 'STAFF')].inForce").value(staff.number()))
                .andExpect(jsonPath("$.agreements[?(@.audience == 'STAFF')].versions[0].title").value(staff.title()))
                .andExpect(jsonPath("$.agreements[?(@.audience == 'STAFF')].versions[0].change")
                        .value(staff.changeKind().name()))
                .andExpect(jsonPath("$.agreements[?(@.audience == 'STAFF')].versions[0].material")
                        .value(staff.changeKind().needsSigning()))
                .andExpect(jsonPath("$.agreements[?(@.audience == 'STAFF')].versions[0].published")
                        .value(staff.createdAt().toString()))
                .andExpect(jsonPath("$.agreements[*].label", hasItem(Audience.PARENTS.label())));
    }

    @Test
    void aParentsPaperFormIsRecordedAuditedAndListedAmongTheVersionsAcceptances() throws Exception {
        String office = token(Role.OFFICE);
        String last = TestPeople.unique("Paper");
        long pupil = TestPeople.pupil(jdbc, "Agnes", last);
        int version = texts.inForce(Audience.PARENTS).orElseThrow().number();
        LocalDate today = SchoolTime.today();

        mvc.perform(post(API + "/paper").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content(paper(pupil, "parents", version, today.toString(), "<b>Ruth</b> " + last)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.personId").value(pupil))
                .andExpect(jsonPath("$.method").value("PAPER")).andExpect(jsonPath("$.signedOn").value(today.toString()))
                .andExpect(jsonPath("$.signedBy").value("<b>Ruth</b> " + last))
                .andExpect(jsonPath("$.recordedBy").value("agreeapi.office")).andExpect(jsonPath("$.scan").value(false));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_chain a JOIN agreement_acceptance x ON a.record_id = "
                        + "CAST(x.id AS VARCHAR(20)) WHERE a.record_type = 'agreement-acceptance' AND x.person_id = :p")
                .param("p", pupil).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get(API + "/acceptances").param("audience", "PARENTS").header("Authorization", office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.acceptances[?(@.personId == " + pupil + ")].name").value("Agnes " + last))
                .andExpect(jsonPath("$.acceptances[?(@.personId == " + pupil + ")].method").value("PAPER"));
        mvc.perform(get(API + "/acceptances").param("audience", "PARENTS").param("version", Integer.toString(version))
                        .param("page", "999").header("Authorization", office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.acceptances.length()").value(0))
                .andExpect(jsonPath("$.total").isNumber());

        long before = count();
        mvc.perform(post(API + "/paper").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content(paper(pupil, "PARENTS", version, today.toString(), "Ruth " + last)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("already recorded")));
        assertThat(count()).isEqualTo(before);
    }

    static Stream<Arguments> badForms() {
        LocalDate today = SchoolTime.today();
        return Stream.of(
                Arguments.of("a date in the future", "KS3", 1, today.plusDays(1).toString(), 400, "is in the future"),
                Arguments.of("a date before the version was published", "KS3", 1, today.minusYears(1).toString(), 400,
                        "before version 1 was published"),
                Arguments.of("a date that is not one", "KS3", 1, "31/02/2026", 400, "is not a date"),
                Arguments.of("no date", "KS3", 1, null, 400, "Give the date on the form."),
                Arguments.of("an audience that is not one", "KS9", 1, today.toString(), 400,
                        "There is no agreement for 'KS9'."),
                Arguments.of("no version", "KS3", null, today.toString(), 400, "Give the number of the version"),
                Arguments.of("a version the audience does not have", "KS3", 999, today.toString(), 404,
                        "There is no version 999 of the"),
                Arguments.of("another audience's agreement", "STAFF", 1, today.toString(), 400, "does not sign"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badForms")
    void aBadPaperFormIsRefusedSayingWhyAndRecordsNothing(String what, String audience, Integer version,
                                                         String signedOn, int status, String says) throws Exception {
        long pupil = TestPeople.pupil(jdbc, "Bad", TestPeople.unique("Form"));
        long before = count();
        mvc.perform(post(API + "/paper").header("Authorization", token(Role.OFFICE))
                        .contentType(MediaType.APPLICATION_JSON).content(paper(pupil, audience, version, signedOn, null)))
                .andExpect(status().is(status)).andExpect(jsonPath("$.detail", containsString(says)));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anUnknownPersonIsNotFoundAndAnEmptyFormNamesEveryProblem() throws Exception {
        String office = token(Role.OFFICE);
        long before = count();
        mvc.perform(post(API + "/paper").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content(paper(999999999, "KS3", 1, SchoolTime.today().toString(), null)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("There is no person 999999999."));
        mvc.perform(post(API + "/paper").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems.length()").value(4));
        mvc.perform(post(API + "/paper").header("Authorization", office).contentType(MediaType.APPLICATION_JSON)
                        .content("not json"))
                .andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void acceptancesRefuseWhatCannotBeRead() throws Exception {
        String office = token(Role.OFFICE);
        mvc.perform(get(API + "/acceptances").header("Authorization", office))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0]", containsString("Give the audience")));
        mvc.perform(get(API + "/acceptances").param("audience", "STAFF").param("page", "0").header("Authorization", office))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("counts from 1")));
        mvc.perform(get(API + "/acceptances").param("audience", "STAFF").param("version", "abc")
                        .header("Authorization", office))
                .andExpect(status().isBadRequest());
        mvc.perform(get(API + "/acceptances").param("audience", "STAFF").param("version", "999")
                        .header("Authorization", office))
                .andExpect(status().isNotFound());
    }

    @Test
    void theUnsignedListIsThePagesFormulaSafeCsv() throws Exception {
        String office = token(Role.OFFICE);
        TestPeople.pupil(jdbc, "=HYPERLINK(\"http://x\")", TestPeople.unique("Unsigned"));
        String csv = mvc.perform(get(API + "/unsigned.csv").param("audience", "KS3").param("year", "7")
                        .header("Authorization", office))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("agreements-unsigned-")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("Agreement,Version in force,Name,Kind,Year group,Class");
        assertThat(csv).contains("'=HYPERLINK").doesNotContain("\n=HYPERLINK").doesNotContain(",=HYPERLINK");
        String page = mvc.perform(get("/registers/agreements/unsigned.csv").param("audience", "KS3").param("year", "7")
                        .with(authentication(TestUsers.signedIn(accountService, accounts, "agreeapi.page", Role.OFFICE))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("the page's download").isEqualTo(csv);
        mvc.perform(get(API + "/unsigned.csv").param("year", "Year 99").header("Authorization", office))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is not a year group")));
    }

    @Test
    void aNewVersionIsPublishedInForceAndWhatCannotBePublishedIsRefusedWithNothingChanged() throws Exception {
        String dsl = token(Role.DSL);
        int before = texts.inForce(Audience.VISITORS).orElseThrow().number();
        String text = "Use the guest network for the visit only. " + TestPeople.unique("Api");
        mvc.perform(post(API + "/versions").header("Authorization", dsl).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"audience\":\"VISITORS\",\"title\":\"Visitors' agreement\",\"text\":\"" + text
                                + "\",\"change\":\"MATERIAL\",\"note\":\"The guest network.\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(before + 1))
                .andExpect(jsonPath("$.material").value(true))
                .andExpect(jsonPath("$.text").value(text))
                .andExpect(jsonPath("$.publishedBy").value("agreeapi.dsl"));
        assertThat(texts.inForce(Audience.VISITORS).orElseThrow().number()).isEqualTo(before + 1);

        mvc.perform(post(API + "/versions").header("Authorization", dsl).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"audience\":\"NOBODY\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0]").value("There is no agreement for 'NOBODY'."));
        mvc.perform(post(API + "/versions").header("Authorization", dsl).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"audience\":\"VISITORS\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(API + "/versions").header("Authorization", token(Role.OFFICE))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"audience\":\"VISITORS\"}"))
                .andExpect(status().isForbidden());
        assertThat(texts.inForce(Audience.VISITORS).orElseThrow().number()).isEqualTo(before + 1);
    }

    @Test
    void theGateIsReadAndSetAndAGroupThePolicyLacksChangesNothing() throws Exception {
        String dsl = token(Role.DSL);
        mvc.perform(get(API + "/gate").header("Authorization", dsl))
                .andExpect(status().isOk()).andExpect(jsonPath("$.groups[*].id", hasItem("ks3")));
        mvc.perform(put(API + "/gate").header("Authorization", dsl).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"groups\":[\"ks3\",\"no-such-group\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("no-such-group")));
        mvc.perform(put(API + "/gate").header("Authorization", dsl).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"groups\":[]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.groups[?(@.on == true)]").isEmpty());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agreement_gate").query(Long.class).single()).isZero();
    }

    @Test
    void onlyThoseWhoKeepTheRegisterMayReadOrRecordIt() throws Exception {
        String staff = token(Role.STAFF);
        mvc.perform(get(API).header("Authorization", staff)).andExpect(status().isForbidden());
        mvc.perform(get(API + "/acceptances").param("audience", "STAFF").header("Authorization", staff))
                .andExpect(status().isForbidden());
        mvc.perform(get(API + "/unsigned.csv").header("Authorization", staff)).andExpect(status().isForbidden());
        long before = count();
        mvc.perform(post(API + "/paper").header("Authorization", token(Role.PUPIL)).contentType(MediaType.APPLICATION_JSON)
                        .content(paper(1, "KS3", 1, SchoolTime.today().toString(), null)))
                .andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before);
    }
}
