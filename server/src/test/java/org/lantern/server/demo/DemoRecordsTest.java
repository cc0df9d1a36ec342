package org.lantern.server.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.alerts.Alert;
import org.lantern.server.alerts.AlertKind;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.alerts.AlertOutcome;
import org.lantern.server.alerts.AlertStatus;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
import org.lantern.server.incidents.Chronology;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.People;
import org.lantern.server.reports.Breakdown;
import org.lantern.server.reports.Count;
import org.lantern.server.reports.GovernorsReport;
import org.lantern.server.reports.GovernorsReports;
import org.lantern.server.reports.SchoolYear;
import org.lantern.server.reports.WeeklySummaries;
import org.lantern.server.reports.WeeklySummary;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.registers.cloud.SoftwareLicence;
import org.lantern.server.registers.cloud.SoftwareLicences;
import org.lantern.server.registers.devices.Loan;
import org.lantern.server.registers.devices.Loans;
import org.lantern.server.registers.due.DueDates;
import org.lantern.server.registers.training.TrainingRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo school starts with a term of made-up records, seeded once, that every report and register shows. */
@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "lantern.mode=demo")
class DemoRecordsTest {

    /** Every table a seeded record lives in: a second start must leave each as it was. */
    private static final List<String> RECORD_TABLES = List.of("incident", "incident_action", "incident_subject",
            "incident_escalation", "incident_investigation", "access_suspension", "internet_access_event",
            "filter_alert", "alert_note", "bypass_attempt", "data_breach", "subject_access_request", "subject_access_export",
            "case_event", "agreement_version", "agreement_acceptance", "consent", "consent_never_publish", "publication",
            "publication_pupil", "takedown_task", "training_completion", "cloud_service", "software_licence",
            "filtering_review");

    @Autowired
    DemoSchoolLoader loader;
    @Autowired
    DemoRecords records;
    @Autowired
    GovernorsReports governorsReports;
    @Autowired
    WeeklySummaries weeklySummaries;
    @Autowired
    Chronology chronology;
    @Autowired
    AlertRegister alerts;
    @Autowired
    AuditChain audit;
    @Autowired
    People people;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    TrainingRegister training;
    @Autowired
    SoftwareLicences licences;
    @Autowired
    Loans loans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<DueDates> dueDates;

    @BeforeEach
    void persistentBypassAlertRecorded() {
        DemoFixtures.persistentBypassAlertRecorded(jdbc);
    }

    private Viewer dsl() {
        return Viewer.of(TestUsers.signedIn(accountService, accounts, "dsl", Role.DSL));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theSchoolHasATermOfAgreementsMostSignedSomeNotAndAMaterialChangeForStaff() {
        List<String> staffKinds = jdbc.sql("SELECT change_kind FROM agreement_version WHERE audience = 'STAFF' ORDER BY number")
                .query(String.class).list();
        assertThat(staffKinds).startsWith("FIRST").contains("MATERIAL");
        assertThat(jdbc.sql("SELECT change_kind FROM agreement_version WHERE audience = 'KS3' ORDER BY number")
                .query(String.class).list()).contains("CORRECTION");
        Map<String, String> years = Map.of("KS1", " AND p.year_group IN ('R', '1', '2')",
                "KS2", " AND p.year_group IN ('3', '4', '5', '6')", "KS3", " AND p.year_group IN ('7', '8', '9')");
        for (String audience : List.of("KS1", "KS2", "KS3", "PARENTS", "STAFF")) {
            long total = count("SELECT COUNT(DISTINCT p.id) FROM person p WHERE p.kind = '"
                    + ("STAFF".equals(audience) ? "STAFF" : "PUPIL") + "'" + years.getOrDefault(audience, "")
                    + " AND p.leaving_date IS NULL");
            long signed = count("SELECT COUNT(DISTINCT a.person_id) FROM agreement_acceptance a JOIN agreement_version v "
                    + "ON v.id = a.version_id WHERE v.audience = '" + audience + "' AND v.number >= (SELECT MAX(number) "
                    + "FROM agreement_version w WHERE w.audience = v.audience AND w.change_kind <> 'CORRECTION')");
            assertThat(signed).as(audience + " signed of " + total).isGreaterThan(total / 2).isLessThan(total);
        }
        assertThat(count("SELECT COUNT(*) FROM agreement_acceptance WHERE method = 'ONLINE'")).isPositive();
    }

    @Test
    void theSchoolHasConsentsTwoNeverPublishPupilsAndWithdrawalsWithTakedownsOneOverdue() {
        long pupils = count("SELECT COUNT(*) FROM person WHERE kind = 'PUPIL' AND leaving_date IS NULL");
        long withForms = count("SELECT COUNT(DISTINCT person_id) FROM consent");
        assertThat(withForms).as("pupils with forms of " + pupils).isGreaterThan(pupils * 8 / 10).isLessThan(pupils);
        assertThat(count("SELECT COUNT(*) FROM consent WHERE NOT granted")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM consent_never_publish")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM consent_never_publish n JOIN publication_pupil pp ON pp.person_id = n.person_id"))
                .as("never-publish pupils in a publication").isZero();
        assertThat(count("SELECT COUNT(DISTINCT person_id) FROM consent WHERE withdrawn_on IS NOT NULL")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM takedown_task WHERE done_at IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM takedown_task WHERE done_at IS NULL AND due_on < CURRENT_DATE")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM takedown_task WHERE done_at IS NULL AND due_on >= CURRENT_DATE")).isPositive();
    }

    @Test
    void theRegistersHaveTrainingDueAndOverdueApprovedServicesAPendingRequestAndALicenceExpiringSoon() {
        LocalDate today = SchoolTime.today();
        assertThat(training.overdue(today)).hasSizeGreaterThan(3);
        assertThat(training.dueSoon(today)).hasSizeGreaterThan(3);
        assertThat(count("SELECT COUNT(*) FROM training_completion")).isGreaterThan(training.overdue(today).size());
        assertThat(count("SELECT COUNT(*) FROM cloud_service WHERE status = 'APPROVED'")).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT name FROM cloud_service WHERE status = 'REQUESTED'").query(String.class).list())
                .containsExactly("Padlet");
        assertThat(licences.dueSoon(today)).extracting(SoftwareLicence::product)
                .contains("Adobe Creative Cloud for education");
    }

    @Test
    void theDemoHasOneLoanPastItsDueDayStillOut() {
        List<Loan> overdue = loans.overdue();

        assertThat(overdue).hasSize(1);
        Loan loan = overdue.getFirst();
        assertThat(loan.device().assetTag()).isEqualTo("CB-002");
        assertThat(loan.dueOn()).isBefore(loans.today());
        assertThat(loan.returnedOn()).isNull();
        assertThat(loan.conditionOut()).isEqualTo("Small scratch on the lid");
    }

    @Test
    void dueThisMonthGathersEveryRegistersDatesWithoutAPupilsName() {
        LocalDate today = SchoolTime.today();
        List<DueDates.Due> overdue = dueDates.stream().flatMap(d -> d.dueBy(today).stream()).toList();
        assertThat(overdue).extracting(DueDates.Due::link)
                .contains("/registers/training", "/registers/consents/takedowns")
                .anyMatch(link -> link.startsWith("/registers/loans/"));
        assertThat(dueDates.stream().flatMap(d -> d.dueBy(today.plusDays(30)).stream()))
                .extracting(DueDates.Due::what).contains("Licence for Adobe Creative Cloud for education runs out");
        List<String> pupils = jdbc.sql("SELECT legal_last_name FROM person WHERE kind = 'PUPIL'").query(String.class).list();
        assertThat(overdue).extracting(DueDates.Due::what)
                .noneMatch(what -> pupils.stream().anyMatch(what::contains));
    }

    @Test
    void theTermHasBetweenThirtyAndSixtyIncidentsOfBothKindsAboutPupilsAndStaff() {
        assertThat(count("SELECT COUNT(*) FROM incident")).isBetween(30L, 60L);
        assertThat(jdbc.sql("SELECT DISTINCT record_kind FROM incident").query(String.class).list())
                .containsExactlyInAnyOrder(RecordKind.BEHAVIOUR.name(), RecordKind.CHILD_PROTECTION.name());
        assertThat(jdbc.sql("SELECT DISTINCT subject_type FROM incident").query(String.class).list())
                .containsExactlyInAnyOrder("PUPIL", "STAFF");
    }

    @Test
    void theGovernorsReportForThisSchoolYearHasIncidentsByCategoryAndByMonth() {
        GovernorsReport report = governorsReports.build(SchoolYear.current());

        assertThat(report.incidents().value()).isPositive();
        assertThat(shownAndPositive(report.byMonth())).isTrue();
        assertThat(shownAndPositive(report.pupilCategories())).isTrue();
    }

    @Test
    void theGovernorsReportStillSuppressesSmallNumbers() {
        GovernorsReport report = governorsReports.build(SchoolYear.current());

        assertThat(report.breakdowns().stream().flatMap(b -> b.rows().stream()).map(Breakdown.Row::count)
                .map(Count::status)).contains(Count.Status.SMALL);
    }

    @Test
    void theGovernorsReportPageNamesNobodyTheRecordsAreAbout() throws Exception {
        String page = mvc.perform(get("/reports/governors")
                        .with(authentication(TestUsers.signedIn(accountService, accounts, "governor", Role.GOVERNOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        List<String> names = jdbc.sql("SELECT DISTINCT person_id FROM incident_subject").query(Long.class).list().stream()
                .map(id -> people.get(id).displayName()).toList();
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(page).doesNotContain(name));
        assertThat(page).contains("&lt;3");
    }

    @Test
    void lastYearsReviewIsSignedByBothThisYearsIsInProgressAndTheEvidencePackShowsThemNamingNoPupil() throws Exception {
        SchoolYear year = SchoolYear.current();
        assertThat(jdbc.sql("SELECT school_year || ' ' || (leader_signed_by IS NOT NULL) || ' ' || (governor_signed_by IS NOT NULL) "
                        + "FROM filtering_review ORDER BY number").query(String.class).list())
                .extracting(row -> row.toLowerCase())
                .containsExactly((year.startYear() - 1) + " true true", year.startYear() + " false false");
        assertThat(count("SELECT COUNT(*) FROM filtering_review WHERE school_year = " + (year.startYear() - 1)
                + " AND governor_signed_at >= '" + year.firstDay() + "'"))
                .as("signed in last school year's July, not when seeded").isZero();

        String page = mvc.perform(get("/registers/evidence-pack")
                        .with(authentication(TestUsers.signedIn(accountService, accounts, "governor", Role.GOVERNOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("signed by head as senior leader on", "and by governor as governor on",
                "is in progress", "Pupils who must never be published");
        List<String> names = jdbc.sql("SELECT DISTINCT person_id FROM incident_subject UNION SELECT person_id FROM consent "
                + "WHERE withdrawn_on IS NOT NULL UNION SELECT person_id FROM consent_never_publish").query(Long.class)
                .list().stream().map(id -> people.get(id).displayName()).toList();
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(page).doesNotContain(name));
    }

    @Test
    void theGroomingDisclosureHasSupportAndNoSanctionAndTheBullyingCaseSanctionsOnlyTheChildWhoBullied() {
        assertThat(count("SELECT COUNT(*) FROM incident WHERE incident_type = 'CONCERN' AND category_id = 'grooming'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incident_action a JOIN incident i ON i.id = a.incident_id "
                + "WHERE i.category_id = 'grooming' AND a.column_id IN ('record-on-cpoms', 'remove-network-access', "
                + "'further-sanction', 'targeted-support')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM incident_action a JOIN incident i ON i.id = a.incident_id "
                + "WHERE i.category_id = 'grooming' AND a.column_id = 'support-plan'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incident i WHERE i.category_id = 'cyberbullying' "
                + "AND i.sanction_id = 'offensive-messages' AND EXISTS (SELECT 1 FROM incident_subject s "
                + "WHERE s.incident_id = i.id AND s.role = 'AT_RISK') AND EXISTS (SELECT 1 FROM incident_subject s "
                + "WHERE s.incident_id = i.id AND s.role = 'MISUSER')")).isEqualTo(1);
        // No sanction, on any seeded record, names a child at risk.
        assertThat(count("SELECT COUNT(*) FROM incident_action a JOIN incident_subject s ON s.incident_id = a.incident_id "
                + "AND s.person_id = a.person_id AND s.role = 'AT_RISK' WHERE a.column_id IN "
                + "('record-on-cpoms', 'remove-network-access', 'further-sanction', 'targeted-support')")).isZero();
    }

    @Test
    void aSeededPupilsChronologyHasTheirIncidentsAndActions() {
        long pupil = jdbc.sql("SELECT s.person_id FROM incident_subject s JOIN person p ON p.id = s.person_id "
                + "WHERE p.kind = 'PUPIL' GROUP BY s.person_id ORDER BY COUNT(*) DESC, s.person_id LIMIT 1")
                .query(Long.class).single();

        Chronology.View view = chronology.read(pupil, dsl(), false).orElseThrow();

        assertThat(view.entries()).extracting(e -> e.type()).contains("Incident", "Recorded", "Action completed");
    }

    @Test
    void theAlertRegisterHasOpenAlertsAFoldedRepeatOneInReviewWithANoteAndPersistentBypassAttempts() {
        List<Alert> all = alerts.list(new AlertRegister.Query(null, null, null, null, 0, 50), dsl(), Channel.LIST).alerts();

        assertThat(all).anyMatch(a -> a.status() == AlertStatus.NEW);
        assertThat(all).anyMatch(a -> a.kind() == AlertKind.ILLEGAL_ACTIVITY && a.occurrences() == 3);
        assertThat(all).anyMatch(a -> a.status() == AlertStatus.IN_REVIEW && a.kind() == AlertKind.ILLEGAL_CONTENT
                && a.assignee() != null);
        assertThat(count("SELECT COUNT(*) FROM alert_note")).isPositive();
        assertThat(all).anyMatch(a -> a.kind() == AlertKind.PERSISTENT_BYPASS);
    }

    @Test
    void theMonitorRaisedSafeguardingAlertsFromTheDemosSearchesNewInReviewAndClosedAsFalsePositive() {
        List<Alert> safeguarding = alerts.list(new AlertRegister.Query(null, null, null, null, 0, 200), dsl(),
                Channel.LIST).alerts().stream().filter(a -> a.kind() == AlertKind.SAFEGUARDING_RISK).toList();

        assertThat(safeguarding).extracting(Alert::categoryId).contains("self-harm", "suicide", "grooming",
                "eating-disorder", "weapons");
        assertThat(safeguarding).anyMatch(a -> a.status() == AlertStatus.NEW && a.categoryId().equals("self-harm")
                && a.occurrences() == 2);
        assertThat(safeguarding).anyMatch(a -> a.status() == AlertStatus.IN_REVIEW);
        assertThat(safeguarding).anyMatch(a -> a.outcome() == AlertOutcome.FALSE_POSITIVE);
        assertThat(count("SELECT COUNT(*) FROM safeguarding_match")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theWeeklySummaryHasThisWeeksIncidentsAndExactlyOneOverdueAction() {
        WeeklySummary summary = weeklySummaries.build(dsl(), OffsetDateTime.now(ZoneOffset.UTC));

        assertThat(summary.newIncidents()).isNotEmpty();
        assertThat(summary.overdue()).hasSize(1);
    }

    @Test
    void actionsWereWaivedWithAReasonAndOneReferralWasDecidedAgainst() {
        assertThat(count("SELECT COUNT(*) FROM incident_action WHERE status = 'WAIVED' AND outcome IS NOT NULL"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM incident_action WHERE status = 'NOT_REFERRED'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incident_action WHERE status = 'DONE'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM incident_action WHERE status = 'OPEN'")).isPositive();
    }

    @Test
    void theRegistersHaveABreachInItsSeventyTwoHoursOneReportedASubjectAccessRequestAndBypassAttempts() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM data_breach WHERE aware_at > :cutoff AND ico_decision IS NULL")
                .param("cutoff", now.minusHours(72)).query(Long.class).single()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM data_breach WHERE reported_at IS NOT NULL AND ico_reference IS NOT NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM subject_access_request WHERE status = 'OPEN'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM bypass_attempt")).isPositive();
    }

    @Test
    void theCasesAreOpenMonitoredAndClosedWithOutcomesAndTheOverdueActionHasAnOwner() {
        assertThat(jdbc.sql("SELECT DISTINCT case_status FROM incident").query(String.class).list())
                .containsExactlyInAnyOrder("OPEN", "MONITORING", "CLOSED");
        assertThat(count("SELECT COUNT(*) FROM incident WHERE case_status = 'CLOSED' AND case_outcome IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM incident WHERE case_status = 'MONITORING' AND case_review_on IS NOT NULL"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM incident WHERE case_owner_account IS NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incident_action WHERE status = 'OPEN' AND due_on < CURRENT_DATE "
                + "AND owner_account IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incident WHERE case_priority = 'HIGH'")).isPositive();
    }

    @Test
    void everySeededTimeIsInThePastAndInOrder() {
        Map<String, String> nothingAfter = Map.of(
                "incident", "recorded_at < occurred_at OR recorded_at > :now",
                "incident_action", "closed_at < created_at OR closed_at > :now OR created_at > :now",
                "filter_alert", "last_seen_at > :now",
                "alert_note", "written_at > :now OR written_at < (SELECT a.first_seen_at FROM filter_alert a "
                        + "WHERE a.id = alert_note.alert_id)",
                "data_breach", "aware_at < occurred_at OR recorded_at < aware_at OR reported_at < aware_at",
                "case_event", "occurred_at > :now");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        nothingAfter.forEach((table, wrong) -> assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + wrong)
                .param("now", now).query(Long.class).single()).as(table).isZero());
        assertThat(count("SELECT COUNT(*) FROM incident_action a JOIN incident i ON i.id = a.incident_id "
                + "WHERE a.created_at < i.recorded_at")).isZero();
    }

    @Test
    void theSeededRecordsAreInAnAuditChainThatVerifies() {
        assertThat(audit.entriesFor(DemoRecords.RECORD_TYPE, DemoRecords.RECORD_ID)).hasSize(1);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void startingTheDemoAgainAddsNoRecords() throws Exception {
        Map<String, Long> before = counts();

        loader.run(null);

        assertThat(records.seedOnce()).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        return RECORD_TABLES.stream().collect(Collectors.toMap(t -> t, t -> count("SELECT COUNT(*) FROM " + t)));
    }

    private static boolean shownAndPositive(Breakdown breakdown) {
        return breakdown.rows().stream().map(Breakdown.Row::count).anyMatch(c -> c.isShown() && c.value() > 0);
    }
}
