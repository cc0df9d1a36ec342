package org.lantern.server.incidents;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The DSL gives a pupil's report its concern from the safeguarding list, on the record's page and
 * through the API: the concern's steps become tracked actions (never a sanction), the choice is
 * audited and is one event in the history, and it is refused for a blank or unknown concern, a
 * second time, to those who may not read the record (404) and to those who may read but not change
 * it (403).
 */
@PersistenceTest
@AutoConfigureMockMvc
class PupilReportCategoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConcernReports reports;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentCategories categories;
    @Autowired
    AuditChain audit;
    @Autowired
    CaseHistory history;
    @Autowired
    Chronology chronology;
    @Autowired
    CaseWork caseWork;

    Authentication dsl;
    Authentication deputy;
    Authentication head;
    Authentication teacher;
    long pupil;

    @BeforeEach
    void setUp() {
        dsl = TestUsers.signedIn(accountService, accounts, "prc.dsl", Role.DSL);
        deputy = TestUsers.signedIn(accountService, accounts, "prc.deputy", Role.DEPUTY_DSL);
        head = TestUsers.signedIn(accountService, accounts, "prc.head", Role.HEADTEACHER);
        teacher = TestUsers.signedIn(accountService, accounts, "prc.teacher", Role.STAFF);
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Prc"));
    }

    /** A signed-in pupil's report about themselves: the pupil is its reporter and child at risk. */
    private long report() {
        Authentication pupilUser = TestUsers.signedIn(accountService, accounts, TestPeople.unique("prc.p"), Role.PUPIL);
        jdbc.sql("UPDATE person SET account_id = :a WHERE id = :p").param("a", Viewer.of(pupilUser).accountId())
                .param("p", pupil).update();
        return reports.report(new ConcernReports.Report("A man in a game asked me to keep a secret and send photos.",
                null, null, null, false, null), new ConcernReports.Reporter(Viewer.of(pupilUser), "10.0.0.9"));
    }

    private Incident load(long id) {
        return incidents.load(id).orElseThrow();
    }

    private MvcResult choose(long id, String category, Authentication user) throws Exception {
        return mvc.perform(post("/incidents/" + id + "/category").param("category", category)
                .with(authentication(user)).with(csrf())).andReturn();
    }

    private MvcResult api(long id, String body, Authentication user) throws Exception {
        return mvc.perform(post("/api/v1/incidents/" + id + "/category").with(authentication(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    @Test
    void theRecordPageOffersTheSafeguardingListGroupedOnlyToThoseWhoMayChooseIt() throws Exception {
        long id = report();

        String forDsl = mvc.perform(get("/incidents/" + id).with(authentication(dsl))).andReturn().getResponse()
                .getContentAsString();

        assertThat(forDsl).contains("What kind of concern is it?", "action=\"/incidents/" + id + "/category\"",
                "<optgroup label=\"Online harms\">", "<option value=\"grooming\">Online grooming</option>",
                "the concern is not chosen yet");
        choose(id, "grooming", dsl);
        String after = mvc.perform(get("/incidents/" + id).with(authentication(dsl))).andReturn().getResponse()
                .getContentAsString();
        assertThat(after).doesNotContain("What kind of concern is it?")
                .contains("Online grooming", "it is chosen once", "The pupil, signed in as");
    }

    @Test
    void choosingTheConcernBringsItsStepsForTheRecordAndTheChildAtRiskAndNoSanction() throws Exception {
        long id = report();

        MvcResult result = choose(id, "grooming", dsl);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/incidents/" + id + "#actions");
        assertThat(result.getFlashMap().get("message")).isEqualTo("Concern chosen: its steps are now tracked actions.");
        Incident incident = load(id);
        assertThat(incident.categoryId()).isEqualTo("grooming");
        assertThat(incident.categoryText()).isEqualTo("Online grooming");
        assertThat(incident.source()).isEqualTo(IncidentSource.PUPIL_REPORT);
        assertThat(incident.description()).isEqualTo("A man in a game asked me to keep a secret and send photos.");
        IncidentCategory grooming = categories.find(IncidentType.CONCERN, SubjectType.PUPIL, "grooming").orElseThrow();
        List<String> recordSteps = grooming.actions().stream().filter(s -> s.appliesTo() == null)
                .map(IncidentCategory.Step::id).toList();
        List<String> childSteps = grooming.actions().stream().filter(s -> s.appliesTo() == PersonRole.AT_RISK)
                .map(IncidentCategory.Step::id).toList();
        // "Refer to DSL" came with the report and is not added twice.
        assertThat(incident.actionsFor(null).stream().map(IncidentAction::columnId).toList())
                .containsExactlyInAnyOrderElementsOf(recordSteps);
        assertThat(incident.actionsFor(pupil).stream().map(IncidentAction::columnId).toList())
                .containsExactlyElementsOf(childSteps);
        List<String> sanctions = categories.of(SubjectType.PUPIL).stream().flatMap(c -> c.actions().stream())
                .map(IncidentCategory.Step::text).distinct().toList();
        List<IncidentAction> added = incident.actions().stream()
                .filter(a -> CaseService.CATEGORY_STEP_REASON.equals(a.addedReason())).toList();
        assertThat(added).hasSize(incident.actions().size() - 1)
                .extracting(IncidentAction::columnText).doesNotContainAnyElementsOf(sanctions);
        assertThat(incident.actions()).allMatch(a -> a.status() == ActionStatus.OPEN);
    }

    @Test
    void aConcernOfIllegalMaterialPutsTheReportOnTheIllegalPath() throws Exception {
        long id = report();

        choose(id, "sharing-nudes", dsl);

        Incident incident = load(id);
        assertThat(incident.illegalPath()).isTrue();
        assertThat(incident.recordKind()).isEqualTo(RecordKind.CHILD_PROTECTION);
        assertThat(incident.investigation()).isNotNull();
        assertThat(incident.investigation().monitoringHaltedBy()).isEqualTo("prc.dsl");
        assertThat(incident.actionsFor(null)).extracting(IncidentAction::columnId).contains("do-not-view-images");
        assertThat(audit.entriesFor("incident", Long.toString(id))).extracting(AuditEntry::action)
                .containsSubsequence("incident.case.category", "incident.monitoring-halted");
    }

    @Test
    void anAnonymousReportGetsTheStepsOfTheRecordAndTheHistorySaysNoChildIsNamed() throws Exception {
        long id = reports.report(new ConcernReports.Report("Someone is being sent horrible messages.", null, null, null,
                true, null), new ConcernReports.Reporter(null, "10.0.0.8"));

        choose(id, "cyberbullying", dsl);

        Incident incident = load(id);
        assertThat(incident.actions()).allMatch(a -> a.personId() == null)
                .extracting(IncidentAction::columnId).containsExactlyInAnyOrder("refer-to-dsl", "preserve-evidence");
        assertThat(history.of(incident)).filteredOn(e -> e.type().equals("Category set")).singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith("(no child at risk is named, so no step for each child)."));
    }

    @Test
    void theChoiceIsAuditedOnceAndIsOneEventInTheHistoryAndTheChildsChronology() throws Exception {
        long id = report();

        choose(id, "grooming", deputy);

        List<AuditEntry> entries = audit.entriesFor("incident", Long.toString(id));
        List<AuditEntry> chosen = entries.stream().filter(e -> e.action().equals("incident.case.category")).toList();
        assertThat(chosen).hasSize(1);
        assertThat(chosen.getFirst().actor()).isEqualTo("prc.deputy");
        assertThat(chosen.getFirst().detailJson()).contains("\"from\":\"pupil-report\"", "\"to\":\"grooming\"",
                "preserve-evidence");
        assertThat(entries).noneMatch(e -> e.action().equals("incident.action.added"));
        Incident incident = load(id);
        List<ChronologyEntry> events = history.of(incident);
        assertThat(events).filteredOn(e -> e.type().equals("Category set")).singleElement()
                .satisfies(e -> {
                    assertThat(e.summary()).isEqualTo("Incident " + id + ": Category set to Online grooming by prc.deputy"
                            + " (was: Concern reported by a pupil)");
                    assertThat(e.detail()).contains("Report to the police or to CEOP");
                });
        assertThat(events).noneMatch(e -> e.type().equals("Action added"));
        assertThat(events).filteredOn(e -> e.type().equals("Concern reported")).singleElement()
                .satisfies(e -> assertThat(e.summary()).endsWith("Concern reported by a pupil"));
        assertThat(chronology.read(pupil, Viewer.of(dsl), false).orElseThrow().entries()).filteredOn(e -> e.recordId() == id)
                .extracting(ChronologyEntry::type).containsOnlyOnce("Category set").doesNotContain("Action added");
    }

    @Test
    void aReportWithItsConcernChosenStillNeedsAnOwnerOnTheDslsList() throws Exception {
        long id = report();
        mvc.perform(get("/incidents/" + id).with(authentication(dsl))).andReturn();

        choose(id, "grooming", dsl);

        assertThat(caseWork.today(Viewer.of(dsl)).noOwner()).anyMatch(i -> i.incident().id() == id && i.pupilReport());
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(value = {
            "'', Choose a concern from the school's safeguarding list.",
            "'   ', Choose a concern from the school's safeguarding list.",
            "offensive-messages, '\"offensive-messages\" is not on the school''s safeguarding list: choose a concern from it.'",
            "pupil-report, '\"pupil-report\" is not on the school''s safeguarding list: choose a concern from it.'"})
    void aBlankOrUnknownConcernIsRefusedAndNothingChanges(String category, String problem) throws Exception {
        long id = report();
        Incident before = load(id);

        MvcResult result = choose(id, category, dsl);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/incidents/" + id + "#actions");
        assertThat(result.getFlashMap().get("problems")).asList().containsExactly(problem);
        assertThat(load(id)).isEqualTo(before);
        assertThat(audit.entriesFor("incident", Long.toString(id))).noneMatch(e -> e.action().equals("incident.case.category"));
    }

    @Test
    void theConcernIsChosenOnceAndOnlyForAPupilsReport() throws Exception {
        long id = report();
        choose(id, "grooming", dsl);
        Incident staffRecord = incidents.record(IncidentFixtures.phoneMisuse(pupil, RecordKind.CHILD_PROTECTION, false),
                Viewer.of(teacher));

        MvcResult again = choose(id, "cyberbullying", dsl);
        MvcResult staff = choose(staffRecord.id(), "grooming", dsl);

        assertThat(again.getFlashMap().get("problems")).asList().containsExactly("This report's concern is already "
                + "\"Online grooming\": it is chosen once. Add any further step as an action.");
        assertThat(staff.getFlashMap().get("problems")).asList().containsExactly("Only a pupil's report has its concern "
                + "chosen here; a record made by staff keeps the concern it was recorded with.");
        assertThat(load(id).categoryId()).isEqualTo("grooming");
    }

    @Test
    void whoMayNotReadTheReportFindsNothingAndWhoMayReadButNotChangeItIsRefused() throws Exception {
        long id = report();
        long lowered = report();
        incidents.reclassify(lowered, RecordKind.BEHAVIOUR, "Not a safeguarding matter after all.", Viewer.of(dsl));

        int headHidden = choose(id, "grooming", head).getResponse().getStatus();
        int teacherHidden = choose(id, "grooming", teacher).getResponse().getStatus();
        int apiHidden = api(id, "{\"category\": \"grooming\"}", head).getResponse().getStatus();
        int missing = choose(999_999_999L, "grooming", dsl).getResponse().getStatus();
        int headRefused = choose(lowered, "grooming", head).getResponse().getStatus();
        int apiRefused = api(lowered, "{\"category\": \"grooming\"}", head).getResponse().getStatus();

        assertThat(List.of(headHidden, teacherHidden, apiHidden, missing, headRefused, apiRefused))
                .containsExactly(404, 404, 404, 404, 403, 403);
        assertThat(load(id).categoryId()).isEqualTo(ConcernReports.CATEGORY_ID);
        assertThat(load(lowered).categoryId()).isEqualTo(ConcernReports.CATEGORY_ID);
        assertThat(audit.entriesFor("incident", Long.toString(lowered)))
                .anyMatch(e -> e.action().equals("incident.case.change-refused") && e.actor().equals("prc.head"));
    }

    @Test
    void theApiChoosesTheConcernAndNamesEveryProblem() throws Exception {
        long id = report();

        MvcResult blank = api(id, "{\"category\": \"\"}", dsl);
        MvcResult chosen = api(id, "{\"category\": \"cyberbullying\"}", dsl);

        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(blank.getResponse().getContentAsString()).get("problems").get(0).asText())
                .isEqualTo("Choose a concern from the school's safeguarding list.");
        assertThat(chosen.getResponse().getStatus()).isEqualTo(200);
        JsonNode body = JSON.readTree(chosen.getResponse().getContentAsString());
        assertThat(body.get("categoryId").asText()).isEqualTo("cyberbullying");
        assertThat(body.get("source").asText()).isEqualTo("PUPIL_REPORT");
        assertThat(body.get("actions").findValuesAsText("columnId")).contains("report-to-platform", "preserve-evidence");
        assertThat(api(id, "{\"category\": \"grooming\"}", dsl).getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesTheRouteAndItsBodyBesideTheCategoriesList() throws Exception {
        JsonNode document = JSON.readTree(mvc.perform(get("/api/openapi.json")).andReturn().getResponse()
                .getContentAsString());

        JsonNode body = document.at("/paths/~1api~1v1~1incidents~1{id}~1category/post/requestBody/content/application~1json/schema");
        String name = body.get("$ref").asText().replace("#/components/schemas/", "");
        assertThat(document.at("/components/schemas/" + name + "/properties").has("category")).isTrue();
        // The categories list keeps its own schema: the two bodies do not share a name.
        assertThat(document.at("/components/schemas/CategoryJson/properties").has("illegalMaterial")).isTrue();
    }
}
