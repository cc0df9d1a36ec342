package org.lantern.server.dataprotection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.IncidentType;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.NewIncident.Involved;
import org.lantern.server.incidents.PersonRole;
import org.lantern.server.incidents.RecordAccessLog;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
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

/**
 * A parent asks for their child's data (issue 15): the export leaves the child's child-protection
 * records out, and counts them, until the DSL includes one with a reason; a behaviour record about
 * the child is in it as before, and another child's record can never be brought in.
 */
@PersistenceTest
@AutoConfigureMockMvc
class SubjectAccessChildProtectionTest {

    private static final OffsetDateTime YESTERDAY = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
    private static final String GROOMING_TEXT = "Disclosed messages from an adult calling himself Wolverstone.";
    private static final String BULLYING_TEXT = "Name-calling in the lunch queue.";
    private static final String OTHER_CHILDS_TEXT = "Another child's disclosure about Harrowgate.";
    private static final String REASON = "Mother already knows of the referral; nothing here identifies anyone else.";

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
    SubjectAccessRequests requests;
    @Autowired
    ChildProtectionInclusions inclusions;
    @Autowired
    RecordAccessLog accessLog;
    @Autowired
    AuditChain audit;

    Authentication dsl;
    Authentication headteacher;
    long child;
    Incident grooming;
    Incident bullying;
    Incident otherChilds;
    SubjectAccessRequest request;

    @BeforeEach
    void setUp() {
        DataProtectionFixtures.clear(jdbc);
        dsl = TestUsers.signedIn(accountService, accounts, "sarcp.dsl", Role.DSL);
        headteacher = TestUsers.signedIn(accountService, accounts, "sarcp.head", Role.HEADTEACHER);
        child = TestPeople.pupil(jdbc, "Cressida", TestPeople.unique("Fenwick"));
        long otherChild = TestPeople.pupil(jdbc, "Oswin", TestPeople.unique("Fenwick"));
        grooming = incidents.record(concern("grooming", child, GROOMING_TEXT, RecordKind.CHILD_PROTECTION), Viewer.of(dsl));
        bullying = incidents.record(concern("child-on-child-abuse", child, BULLYING_TEXT, RecordKind.BEHAVIOUR),
                Viewer.of(dsl));
        otherChilds = incidents.record(concern("grooming", otherChild, OTHER_CHILDS_TEXT, RecordKind.CHILD_PROTECTION),
                Viewer.of(dsl));
        request = requests.record(new SubjectAccessRequests.NewRequest("Mrs Fenwick", "mother", child, People.today(),
                true, "Passport seen at reception"), "sarcp.dsl");
    }

    private static NewIncident concern(String category, long atRisk, String description, RecordKind kind) {
        return new NewIncident(IncidentType.CONCERN, null, category, null, List.of(new Involved(atRisk, PersonRole.AT_RISK)),
                YESTERDAY, "Library", description, null, List.of(), kind, false);
    }

    private String path(String tail) {
        return "/data-protection/subject-access/" + request.id() + tail;
    }

    private String pdfText(Authentication user) throws Exception {
        byte[] pdf = mvc.perform(get(path("/export.pdf")).with(authentication(user))).andReturn().getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private String page(Authentication user, String tail) throws Exception {
        return mvc.perform(get(path(tail)).with(authentication(user))).andReturn().getResponse().getContentAsString();
    }

    private MvcResult include(Authentication user, long incidentId, String reason) throws Exception {
        return mvc.perform(post(path("/child-protection/" + incidentId)).with(authentication(user)).with(csrf())
                .param("reason", reason)).andReturn();
    }

    private List<AuditEntry> audited(String action) {
        return audit.entriesFor(SubjectAccessRequests.RECORD_TYPE, Long.toString(request.id())).stream()
                .filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void byDefaultTheExportLeavesChildProtectionRecordsOutAndSaysHowManyAndWhoMayIncludeOne() throws Exception {
        String pdf = pdfText(dsl);
        String json = page(dsl, "/export.json");

        assertThat(pdf).contains(BULLYING_TEXT, "1 child-protection record about this person is left out",
                "unless the DSL or a deputy includes it, with a reason").doesNotContain(GROOMING_TEXT, OTHER_CHILDS_TEXT);
        assertThat(json).contains(BULLYING_TEXT, "\"childProtectionLeftOut\":1").doesNotContain(GROOMING_TEXT);
        // A record left out was not read for the export, so its log shows no look through one.
        assertThat(accessLog.forIncident(grooming.id())).noneMatch(a -> a.channel() == Channel.EXPORT);
    }

    @Test
    void theDslSeesTheChildsChildProtectionRecordsOnTheRequestPageAndNoOneElses() throws Exception {
        String page = page(dsl, "");

        assertThat(page).contains("Child-protection records", grooming.categoryText(),
                path("/child-protection/" + grooming.id())).doesNotContain(path("/child-protection/" + otherChilds.id()),
                path("/child-protection/" + bullying.id()));
        assertThat(accessLog.forIncident(grooming.id()))
                .anyMatch(a -> a.channel() == Channel.LIST && a.username().equals("sarcp.dsl") && a.allowed());
    }

    @Test
    void includingARecordWithAReasonBringsItIntoTheExportAndKeepsWhoWhenAndWhy() throws Exception {
        MvcResult result = include(dsl, grooming.id(), "  " + REASON + " ");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(path("#child-protection"));
        assertThat(inclusions.inclusions(request.id())).containsOnlyKeys(grooming.id()).extractingByKey(grooming.id())
                .satisfies(i -> {
                    assertThat(i.reason()).isEqualTo(REASON);
                    assertThat(i.includedBy()).isEqualTo("sarcp.dsl");
                    assertThat(i.includedAt()).isNotNull();
                });
        assertThat(audited("subject-access.child-protection-included")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("sarcp.dsl");
            assertThat(e.detailJson()).contains("\"incidentId\":" + grooming.id(), AuditDetail.sha256(REASON))
                    .doesNotContain(REASON);
        });
        assertThat(accessLog.forIncident(grooming.id()))
                .anyMatch(a -> a.channel() == Channel.PAGE && a.username().equals("sarcp.dsl") && a.allowed());
        assertThat(page(dsl, "")).contains(REASON, "Leave it out again");

        String pdf = pdfText(dsl);
        assertThat(pdf).contains(GROOMING_TEXT, BULLYING_TEXT, "child protection, included by the DSL")
                .doesNotContain("left out of this export", REASON);
        assertThat(page(dsl, "/export")).contains(GROOMING_TEXT, REASON);
        assertThat(page(dsl, "/export.json")).contains(GROOMING_TEXT, "\"childProtectionLeftOut\":0",
                "\"childProtection\":true").doesNotContain(REASON);
    }

    @Test
    void aWithdrawnInclusionLeavesTheRecordOutAgainAndIsAudited() throws Exception {
        include(dsl, grooming.id(), REASON);

        MvcResult result = mvc.perform(post(path("/child-protection/" + grooming.id() + "/withdraw"))
                .with(authentication(dsl)).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(path("#child-protection"));
        assertThat(inclusions.inclusions(request.id())).isEmpty();
        assertThat(audited("subject-access.child-protection-withdrawn")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("sarcp.dsl"));
        assertThat(pdfText(dsl)).doesNotContain(GROOMING_TEXT).contains("1 child-protection record about this person");
    }

    @Test
    void aMissingReasonIsRefusedWithAMessageAndNothingIsStored() throws Exception {
        MvcResult result = include(dsl, grooming.id(), "   ");

        assertThat(result.getFlashMap().get("problems")).asInstanceOf(InstanceOfAssertFactories.list(String.class))
                .containsExactly("Why this record may be released to the requester must be given.");
        assertThat(inclusions.inclusions(request.id())).isEmpty();
        assertThat(audited("subject-access.child-protection-included")).isEmpty();
        assertThat(pdfText(dsl)).doesNotContain(GROOMING_TEXT);
    }

    @Test
    void includesOfOneRecordAtOnceStoreOneAndTellTheOthersItIsAlreadyIncluded() throws Exception {
        int callers = 8;
        CyclicBarrier together = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> calls = new ArrayList<>();
        for (int n = 0; n < callers; n++) {
            calls.add(pool.submit(() -> {
                together.await();
                return inclusions.include(request.id(), grooming.id(), REASON, Viewer.of(dsl));
            }));
        }
        int stored = 0;
        for (Future<?> call : calls) {
            try {
                call.get(30, TimeUnit.SECONDS);
                stored++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(DataProtectionException.class)
                        .hasMessageContaining("already included");
            }
        }
        pool.shutdown();

        assertThat(stored).isEqualTo(1);
        assertThat(inclusions.inclusions(request.id())).containsOnlyKeys(grooming.id());
        assertThat(audited("subject-access.child-protection-included")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"another child's child-protection record", "the child's behaviour record", "no such record"})
    void aRecordThatIsNotOneOfThisPersonsChildProtectionRecordsIsRefusedWithWordsAndNothingIsStored(String which)
            throws Exception {
        long incidentId = switch (which) {
            case "another child's child-protection record" -> otherChilds.id();
            case "the child's behaviour record" -> bullying.id();
            default -> 999_999_999L;
        };

        MvcResult result = include(dsl, incidentId, REASON);

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString()).contains("Nothing was changed",
                "Record " + incidentId + " is not a child-protection record about Cressida");
        assertThat(inclusions.inclusions(request.id())).isEmpty();
        assertThat(audited("subject-access.child-protection-included")).isEmpty();
        assertThat(pdfText(dsl)).doesNotContain(OTHER_CHILDS_TEXT, GROOMING_TEXT);
    }

    @Test
    void aRequestThatDoesNotExistIsNotFound() throws Exception {
        int status = mvc.perform(post("/data-protection/subject-access/999999999/child-protection/" + grooming.id())
                .with(authentication(dsl)).with(csrf()).param("reason", REASON)).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subject_access_cp_inclusion").query(Long.class).single()).isZero();
    }

    @Test
    void theHeadteacherNeitherSeesTheListNorIncludesNorGetsAnIncludedRecord() throws Exception {
        include(dsl, grooming.id(), REASON);

        assertThat(page(headteacher, "")).doesNotContain("Child-protection records", grooming.categoryText(), REASON,
                "/child-protection/");
        assertThat(include(headteacher, grooming.id(), "I think it is fine").getResponse().getStatus()).isEqualTo(403);
        assertThat(inclusions.inclusions(request.id())).extractingByKey(grooming.id())
                .satisfies(i -> assertThat(i.includedBy()).isEqualTo("sarcp.dsl"));
        String json = page(headteacher, "/export.json");
        // No count either: the number would tell them whether the child has a child-protection file.
        assertThat(json).contains(BULLYING_TEXT, PersonalDataExports.CHILD_PROTECTION_WITHHELD)
                .doesNotContain(GROOMING_TEXT, REASON, "childProtectionLeftOut");
        // Their export does not try to read the record, so it is not logged as a refused look either.
        assertThat(accessLog.forIncident(grooming.id())).noneMatch(a -> a.username().equals("sarcp.head"));
    }
}
