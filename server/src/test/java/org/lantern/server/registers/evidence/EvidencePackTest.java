package org.lantern.server.registers.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lantern.server.alerts.SafeguardingAlerts;
import org.lantern.server.alerts.SafeguardingRisk;
import org.lantern.server.filtering.FilterService;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.registers.agreements.Acceptances;
import org.lantern.server.registers.agreements.AgreementTexts;
import org.lantern.server.registers.agreements.Audience;
import org.lantern.server.registers.consents.ConsentForm;
import org.lantern.server.registers.consents.Consents;
import org.lantern.server.registers.consents.NeverPublish;
import org.lantern.server.registers.consents.NeverPublishReason;
import org.lantern.server.registers.consents.PhotoUse;
import org.lantern.server.registers.consents.Publications;
import org.lantern.server.registers.devices.Device;
import org.lantern.server.registers.devices.DeviceFields;
import org.lantern.server.registers.devices.Devices;
import org.lantern.server.registers.devices.Loans;
import org.lantern.server.registers.devices.NewLoan;
import org.lantern.server.registers.review.FilteringReview;
import org.lantern.server.registers.review.FilteringReviews;
import org.lantern.server.registers.review.ReviewAnswers;
import org.lantern.server.registers.review.Signer;
import org.lantern.server.registers.training.TrainingCompletions;
import org.lantern.server.registers.training.TrainingCourses;
import org.lantern.server.reports.SchoolYear;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The inspection evidence pack on the database (H2 and PostgreSQL), in a database of its own so
 * every count is known: named pupils are put in incidents, alerts, consents, a publication, a
 * takedown, a never-publish flag, agreements and a loan, and the PDF, read back as text, has every
 * section with the right counts and none of their names, usernames or ids. Each copy is logged,
 * and the reviews it reads are logged as read.
 */
@PersistenceTest
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "lantern.filter.lists=src/test/resources/filtering/lists",
        "lantern.data-dir=target/evidence-pack-test-data"})
class EvidencePackTest {

    /** Ids no count, date or page number of the pack could print by chance. */
    private static final long FIRST_PUPIL_ID = 987_654_301L;
    private static final List<String> PUPILS = List.of("Ottoline Quibbleworth", "Barnaby Fizzlewick",
            "Clementine Wobblethorpe", "Desmond Pumpernickel", "Euphemia Snodgrass");
    private static final String PUPIL_USERNAME = "ottoline.quibbleworth";
    private static final String MOBILE = "Unauthorised / inappropriate use of mobile phone / digital camera / other mobile device";
    private static final String SOCIAL = "Unauthorised / inappropriate use of social media / messaging apps / personal email";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    IncidentService incidents;
    @Autowired
    SafeguardingAlerts alerts;
    @Autowired
    Acceptances acceptances;
    @Autowired
    AgreementTexts texts;
    @Autowired
    Consents consents;
    @Autowired
    NeverPublish neverPublish;
    @Autowired
    Publications publications;
    @Autowired
    Devices devices;
    @Autowired
    Loans loans;
    @Autowired
    TrainingCourses courses;
    @Autowired
    TrainingCompletions completions;
    @Autowired
    FilteringReviews reviews;
    @Autowired
    FilterService filter;

    private final List<Long> pupils = new ArrayList<>();
    private final LocalDate today = SchoolTime.today();
    private Authentication governor;
    private FilteringReview signed;
    private FilteringReview open;

    @BeforeAll
    void seed() {
        filter.listsLoaded().join();
        Authentication teacher = TestUsers.signedIn(accountService, accounts, "pack.teacher", Role.STAFF);
        governor = TestUsers.signedIn(accountService, accounts, "pack.governor", Role.GOVERNOR);
        TestUsers.signedIn(accountService, accounts, PUPIL_USERNAME, Role.PUPIL);
        long pupilAccount = accounts.idOf(PUPIL_USERNAME).orElseThrow();
        for (int i = 0; i < PUPILS.size(); i++) {
            String[] name = PUPILS.get(i).split(" ");
            long id = FIRST_PUPIL_ID + i;
            jdbc.sql("INSERT INTO person (id, kind, legal_first_name, legal_last_name, upn, year_group, "
                            + "registration_class, account_id, created_at, updated_at) VALUES (:id, 'PUPIL', :first, "
                            + ":last, :upn, '9', '9Q', :account, :now, :now)")
                    .param("id", id).param("first", name[0]).param("last", name[1]).param("upn", "Q98765432100" + i)
                    .param("account", i == 0 ? pupilAccount : null).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
            pupils.add(id);
        }
        long staffA = staff("Agatha", "Trainedwell");
        staff("Bertram", "Neverdone");

        // Agreements: two of five Key Stage 3 pupils signed, one parents' form; one of two staff.
        long ks3 = texts.inForce(Audience.KS3).orElseThrow().id();
        acceptances.recordPaper(pupils.get(0), ks3, today, "", "office");
        acceptances.recordPaper(pupils.get(1), ks3, today, "", "office");
        acceptances.recordPaper(pupils.get(0), texts.inForce(Audience.PARENTS).orElseThrow().id(), today,
                "Mrs Quibbleworth", "office");
        acceptances.recordPaper(staffA, texts.inForce(Audience.STAFF).orElseThrow().id(), today, "", "office");
        // A Reception pupil who signed the Key Stage 1 agreement and a Year 4 pupil who has not signed Key Stage 2's.
        acceptances.recordPaper(primaryPupil("R"), texts.inForce(Audience.KS1).orElseThrow().id(), today, "", "office");
        primaryPupil("4");

        // Training: one of the two staff has done online safety.
        completions.record(staffA, courses.findByCode("ONLINE_SAFETY").orElseThrow().id(), today.minusDays(10),
                "Certificate seen", null, "office", today);

        // Consents: two pupils on the website, one withdraws (one takedown open); one never to be published.
        for (long pupil : pupils.subList(0, 2)) {
            consents.record(pupil, new ConsentForm(PhotoUse.WEBSITE, true, "Parent of " + pupil, null,
                    today.minusDays(30), null), null, null, "office", Consents.Mode.CREATE);
        }
        publications.record(new Publications.Draft(PhotoUse.WEBSITE, "Sports day with Ottoline Quibbleworth",
                "https://school.example/sports", today.minusDays(20), "pack.teacher", Set.copyOf(pupils.subList(0, 2))),
                "office");
        consents.withdraw(pupils.get(0), Set.of(PhotoUse.WEBSITE), today, "Mrs Quibbleworth", "office");
        neverPublish.set(pupils.get(2), NeverPublishReason.COURT_ORDER, "Clementine Wobblethorpe: court order", "dsl");

        // A loan to a pupil, signed with their name.
        Device device = devices.create(new DeviceFields("chromebook", "Acer", "Spin", "SN-PACK-1", "CB-PACK-1",
                "Library", null), "office");
        loans.lend(new NewLoan(device.id(), pupils.get(3), today, today.plusDays(7), "Good", PUPILS.get(3), true),
                "office");

        // Incidents: four about mobile phones, one about social media, each naming pupils.
        OffsetDateTime at = OffsetDateTime.now(SchoolTime.ZONE).minusMinutes(30);
        for (int i = 0; i < 4; i++) {
            incident(teacher, "mobile-device-misuse", at);
        }
        incident(teacher, "social-media-misuse", at);

        // Safeguarding alerts naming pupils: five about self harm, three about suicide (one per pupil and
        // category, since the monitor folds a repeat into the open alert).
        for (int i = 0; i < 8; i++) {
            int p = i < 5 ? i : i - 5;
            alerts.record(new SafeguardingRisk(Instant.now(), pupils.get(p), PUPILS.get(p), PUPIL_USERNAME,
                    null, "https://www.google.com/search?q=" + PUPIL_USERNAME, SafeguardingRisk.Seen.SEARCH, "ks3", 3,
                    i < 5 ? "self-harm" : "suicide", false, "x", "x", "x", null, "alone", "lantern-starter", "1", false,
                    1, Duration.ofHours(24)));
        }

        // Reviews: last year's signed by both, this year's started.
        SchoolYear year = SchoolYear.containing(today);
        FilteringReview last = reviews.start(new SchoolYear(year.startYear() - 1), new ReviewAnswers(
                "Screen readers and symbol sites are open to pupils with SEND.", "Translation sites are open.",
                "Generative AI chat is blocked for pupils.", "Personal devices use the guest network.",
                "Check the lists each term."), "head");
        reviews.sign(last.id(), Signer.LEADER, "head");
        signed = reviews.sign(last.id(), Signer.GOVERNOR, "gill.governor");
        open = reviews.start(year, new ReviewAnswers(null, null, null, null, null), "head");
    }

    private long primaryPupil(String year) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, year_group, created_at, updated_at) "
                        + "VALUES ('PUPIL', 'Primrose', 'Littleworth', :year, :now, :now)")
                .param("year", year).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private long staff(String first, String last) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, created_at, updated_at) "
                        + "VALUES ('STAFF', :first, :last, :now, :now)")
                .param("first", first).param("last", last).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private void incident(Authentication teacher, String category, OffsetDateTime at) {
        incidents.record(new NewIncident(SubjectType.PUPIL, category, pupils.subList(0, 3), at,
                "Room of " + PUPILS.get(0), PUPILS.get(0) + " and " + PUPILS.get(1) + " shared a video",
                PUPILS.get(2) + " said so", List.of("https://" + PUPIL_USERNAME + ".example/")), Viewer.of(teacher));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void thePdfHasEverySectionWithItsCountsAndNoPupilsNameUsernameOrId() throws Exception {
        MvcResult result = mvc.perform(get("/registers/evidence-pack.pdf").with(authentication(governor))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        String pdf = text(result.getResponse().getContentAsByteArray());

        assertThat(pdf).contains("1. The filtering policy in force", "Version 1, in force since",
                "The policy's review was due on 1 September 2021 and is overdue.",
                "Categories blocked for each group", "2. Acceptable-use agreements", "3. Training",
                "4. The annual filtering and monitoring review", "5. Photo and video consent exceptions",
                "6. Incidents and alerts, " + SchoolYear.containing(today).label());
        assertThat(pdf).contains(
                "Pupils: Key Stage 1 (Reception to Year 2) Version 1: Our rules for using computers and tablets safely 1 0",
                "Pupils: Key Stage 2 (Years 3 to 6) Version 1: Our rules for using computers and the internet safely 0 1",
                "Pupils: Key Stage 3 (Years 7 to 9) Version 1: Acceptable use agreement for Key Stage 3 2 3",
                "Pupils: Key Stage 4 (Years 10 and 11) Version 1: Acceptable use agreement for Key Stage 4 0 0",
                "Staff Version 1: Staff acceptable use agreement 1 1",
                "Parents and carers Version 1: Parents' and carers' acceptable use agreement 1 6");
        assertThat(pdf).contains("Online safety every 2 years 1 0 1", "Cyber security every year 0 0 2");
        assertThat(pdf).contains("Review " + signed.number() + ", school year " + signed.schoolYearLabel()
                        + ": signed by head as senior leader on",
                "and by gill.governor as governor on", "Screen readers and symbol sites are open to pupils with SEND.",
                "Review " + open.number() + " for " + open.schoolYearLabel() + " is in progress",
                "Gambling casino.example Blocked");
        assertThat(pdf).contains("Pupils who must never be published <3",
                "Consents withdrawn in " + SchoolYear.containing(today).label() + " 1",
                "Takedown tasks open 1", "Takedown tasks overdue 0");
        assertThat(pdf).contains("Incidents recorded this school year: 5.", "Safeguarding alerts raised by the monitor: 8.",
                MOBILE + " withheld", SOCIAL + " <3", "Self harm 5", "Suicide 3");

        for (String name : PUPILS) {
            for (String part : name.split(" ")) {
                assertThat(pdf).doesNotContain(part);
            }
        }
        assertThat(pdf).doesNotContain(PUPIL_USERNAME, "9Q", "Q98765432100", "Primrose", "Littleworth");
        for (long id : pupils) {
            assertThat(pdf).doesNotContain(Long.toString(id));
        }
    }

    @Test
    void thePageAndTheApiMakeTheSamePackAndEveryCopyIsLoggedWithItsReviewsRead() throws Exception {
        long copiesBefore = count("SELECT COUNT(*) FROM report_generation WHERE report = 'evidence-pack'");
        long readsBefore = count("SELECT COUNT(*) FROM record_access WHERE record_type = 'filtering-review'");
        String username = "pack.head";
        TestUsers.signedIn(accountService, accounts, username, Role.HEADTEACHER);

        String html = mvc.perform(get("/registers/evidence-pack").with(authentication(governor)))
                .andReturn().getResponse().getContentAsString();
        MvcResult api = mvc.perform(get("/api/v1/registers/evidence-pack")
                .header("Authorization", "Bearer " + tokens.create(username, "pack", 1, "test").token())).andReturn();

        assertThat(html).contains("Inspection evidence pack", "Download the PDF", "chart-rows", "chart-alert-categories");
        for (String name : PUPILS) {
            assertThat(html).doesNotContain(name.split(" ")[1]);
        }
        assertThat(api.getResponse().getStatus()).isEqualTo(200);
        assertThat(api.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(text(api.getResponse().getContentAsByteArray())).contains("5. Photo and video consent exceptions");
        assertThat(jdbc.sql("SELECT report_format || ' ' || generated_by FROM report_generation "
                        + "WHERE report = 'evidence-pack' ORDER BY id").query(String.class).list()
                .subList((int) copiesBefore, (int) copiesBefore + 2))
                .containsExactly("HTML pack.governor", "PDF pack.head");
        assertThat(count("SELECT COUNT(*) FROM record_access WHERE record_type = 'filtering-review' "
                + "AND username = 'pack.head' AND channel = 'API' AND record_id = " + signed.id()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM record_access WHERE record_type = 'filtering-review'"))
                .isEqualTo(readsBefore + 4);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
