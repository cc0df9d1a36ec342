package org.lantern.server.registers.training;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.registers.agreements.Acceptances;
import org.lantern.server.registers.RegisterException;
import org.lantern.server.registers.RegisterNotFoundException;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The training register on the database (H2 and PostgreSQL): the starting courses, completions
 * with certificates and what is refused, overdue and due lists by role, a starter's induction
 * checklist with their agreement, and CSV imports that record all or nothing.
 */
@PersistenceTest
class TrainingRegisterTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    TrainingCourses courses;
    @Autowired
    TrainingCompletions completions;
    @Autowired
    TrainingRegister register;
    @Autowired
    TrainingCsvImport imports;
    @Autowired
    Acceptances acceptances;
    @Autowired
    People people;
    @Autowired
    AccountService accountService;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.of(2026, 12, 7);

    private Course course(String code) {
        return courses.findByCode(code).orElseThrow();
    }

    private long staff(LocalDate start) {
        long id = TestPeople.person(jdbc, "STAFF", "Tess", TestPeople.unique("Trainer"));
        jdbc.sql("UPDATE person SET start_date = :s, staff_code = :c, email = :e WHERE id = :id").param("s", start)
                .param("c", "T" + id).param("e", "t" + id + "@school.example").param("id", id).update();
        return id;
    }

    private TrainingDue standing(long person, String code, LocalDate on) {
        return register.of(person, on).stream().filter(d -> d.course().code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theSchoolStartsWithTheCoursesItsPoliciesAskFor() {
        assertThat(course("SAFEGUARDING").renewalMonths()).isEqualTo(24);
        assertThat(course("CYBER_SECURITY").renewalMonths()).isEqualTo(12);
        assertThat(course("INDUCTION").renewalMonths()).isNull();
        assertThat(course("DSL").roles()).containsExactlyInAnyOrder(Role.DSL, Role.DEPUTY_DSL);
        assertThat(course("CYBER_SECURITY").roles()).contains(Role.STAFF, Role.GOVERNOR, Role.OFFICE);
    }

    @Test
    void aCompletionWithACertificateRenewsTheCourseAndIsAudited() {
        long person = staff(LocalDate.of(2020, 9, 1));
        assertThat(standing(person, "CYBER_SECURITY", today).state()).isEqualTo(TrainingDue.State.OVERDUE);
        assertThat(register.overdue(today)).anyMatch(d -> d.trainee().personId() == person);

        Completion done = completions.record(person, course("CYBER_SECURITY").id(), LocalDate.of(2026, 1, 20),
                "NCSC module", new TrainingCompletions.Certificate("C:\\certs\\cyber.pdf", PDF), "office", today);

        assertThat(done.certificateName()).isEqualTo("cyber.pdf");
        assertThat(done.certificateType()).isEqualTo("application/pdf");
        assertThat(completions.certificate(done.id()).content()).isEqualTo(PDF);
        TrainingDue renewed = standing(person, "CYBER_SECURITY", today);
        assertThat(renewed.state()).isEqualTo(TrainingDue.State.DUE_SOON);
        assertThat(renewed.dueOn()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(register.dueSoon(today)).anyMatch(d -> d.trainee().personId() == person);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_chain WHERE record_type = 'training-completion' AND record_id = :id")
                .param("id", Long.toString(done.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCertificateThatIsNotAnImageOrPdfOrIsTooLargeIsRefusedAndNothingIsRecorded() {
        long person = staff(LocalDate.of(2020, 9, 1));
        long courseId = course("SAFEGUARDING").id();
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[TrainingCompletions.MAX_CERTIFICATE_MB * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);

        assertThatThrownBy(() -> completions.record(person, courseId, today, "", new TrainingCompletions.Certificate(
                "cert.pdf", page), "office", today)).isInstanceOf(RegisterException.class)
                .hasMessageContaining("web page (HTML)").hasMessageContaining("Certificates can be");
        assertThatThrownBy(() -> completions.record(person, courseId, today, "", new TrainingCompletions.Certificate(
                "cert.pdf", huge), "office", today)).isInstanceOf(RegisterException.class)
                .hasMessageContaining("certificates may be at most 5 MB");
        assertThat(completions.list(person)).isEmpty();
    }

    @Test
    void aFutureDateOrTheSameCompletionTwiceIsRefused() {
        long person = staff(LocalDate.of(2020, 9, 1));
        long courseId = course("SAFEGUARDING").id();
        assertThatThrownBy(() -> completions.record(person, courseId, today.plusDays(1), "", null, "office", today))
                .isInstanceOf(RegisterException.class).hasMessageContaining("is in the future");
        completions.record(person, courseId, today, "", null, "office", today);
        assertThatThrownBy(() -> completions.record(person, courseId, today, "", null, "office", today))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.conflict()).isTrue());
        assertThat(completions.list(person)).hasSize(1);
    }

    @Test
    void coursesAreOwedByRoleAndPupilsTakeNone() {
        long dsl = staff(LocalDate.of(2020, 9, 1));
        long account = accountService.create(TestPeople.unique("dsl"), "DSL", Role.DSL, "a long password 1", "test");
        people.linkAccount(dsl, account);
        long teacher = staff(LocalDate.of(2020, 9, 1));
        long pupil = TestPeople.pupil(jdbc, "Pip", TestPeople.unique("Pupil"));

        assertThat(register.of(dsl, today)).extracting(d -> d.course().code()).contains("DSL");
        assertThat(register.of(teacher, today)).extracting(d -> d.course().code()).doesNotContain("DSL")
                .contains("SAFEGUARDING", "INDUCTION");
        assertThat(register.of(pupil, today)).isEmpty();
        assertThatThrownBy(() -> completions.record(pupil, course("SAFEGUARDING").id(), today, "", null, "office", today))
                .isInstanceOf(RegisterNotFoundException.class);
    }

    @Test
    void aStartersChecklistShowsTheirAgreementAndInductionCourses() {
        LocalDate now = org.lantern.server.http.SchoolTime.today();
        long starter = staff(now.minusDays(3));
        TrainingRegister.StarterChecklist before = checklist(starter, now);
        assertThat(before.agreementSigned()).isFalse();
        assertThat(before.complete()).isFalse();
        assertThat(before.induction()).extracting(d -> d.course().code()).contains("INDUCTION", "SAFEGUARDING")
                .doesNotContain("DSL");
        assertThat(before.induction()).allMatch(d -> d.state() == TrainingDue.State.DUE_SOON);

        long versionId = jdbc.sql("SELECT id FROM agreement_version WHERE audience = 'STAFF' ORDER BY number DESC "
                + "FETCH FIRST 1 ROWS ONLY").query(Long.class).single();
        acceptances.recordPaper(starter, versionId, now, "", "office");
        for (TrainingDue d : before.induction()) {
            completions.record(starter, d.course().id(), now, "", null, "office", now);
        }
        assertThat(checklist(starter, now).complete()).isTrue();
    }

    private TrainingRegister.StarterChecklist checklist(long person, LocalDate on) {
        return register.starters(on).stream().filter(s -> s.trainee().personId() == person).findFirst().orElseThrow();
    }

    @Test
    void anImportWithABadRowRecordsNothingAndNamesEveryBadLine() {
        long a = staff(LocalDate.of(2020, 9, 1));
        long b = staff(LocalDate.of(2020, 9, 1));
        String csv = "course,staff code,completed on,evidence\n"
                + "CYBER_SECURITY,T" + a + ",2026-10-01,ok\n"
                + "NO_SUCH,T" + b + ",2026-10-01,\n"
                + "Safeguarding and child protection,T" + b + ",31/02/2026,\n"
                + "SAFEGUARDING,T" + b + ",2027-01-01,\n"
                + "SAFEGUARDING,NOBODY,2026-10-01,\n"
                + "CYBER_SECURITY,T" + a + ",01/10/2026,again\n";

        assertThatThrownBy(() -> imports.importCsv(csv.getBytes(StandardCharsets.UTF_8), "office", today))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.problems()).containsExactly(
                        "Nothing was imported. Correct these lines and import the whole file again:",
                        "Line 3: there is no course 'NO_SUCH'.",
                        "Line 4: '31/02/2026' is not a date (use 2026-09-01 or 01/09/2026).",
                        "Line 5: the date, 1 Jan 2027, is in the future.",
                        "Line 6: no member of staff or governor on roll has staff code NOBODY.",
                        "Line 7: this completion is already on an earlier line."));
        assertThat(completions.list(a)).isEmpty();
        assertThat(completions.list(b)).isEmpty();
    }

    @Test
    void aGoodImportRecordsEveryRow() {
        long a = staff(LocalDate.of(2020, 9, 1));
        String email = "t" + a + "@SCHOOL.example";
        String csv = "\uFEFFCourse,Email,Completed on\r\nCYBER_SECURITY," + email + ",2026-10-01\r\n"
                + "Induction," + email + ",01/09/2020";

        assertThat(imports.importCsv(csv.getBytes(StandardCharsets.UTF_8), "office", today)).isEqualTo(2);
        assertThat(completions.list(a)).extracting(Completion::completedOn)
                .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2020, 9, 1));
        assertThat(standing(a, "INDUCTION", today).state()).isEqualTo(TrainingDue.State.UP_TO_DATE);
    }

    @Test
    void aFileWithoutTheColumnsIsRefusedWithLineOne() {
        assertThatThrownBy(() -> imports.importCsv("name,date\nx,y\n".getBytes(StandardCharsets.UTF_8), "office", today))
                .isInstanceOf(RegisterException.class).hasMessageStartingWith("Line 1: the header must name");
    }

    @Test
    void aCourseIsAddedAndChangedAndABadOneRefused() {
        String code = "PREVENT_" + TestPeople.unique("").toUpperCase();
        Course added = courses.create(new TrainingCourses.CourseForm(code.toLowerCase(), " Prevent duty ", 36,
                Set.of(Role.STAFF), false), "dsl");
        assertThat(added.code()).isEqualTo(code);
        assertThat(added.title()).isEqualTo("Prevent duty");
        assertThat(added.renewalText()).isEqualTo("every 3 years");
        assertThat(courses.update(added.id(), new TrainingCourses.CourseForm(null, "Prevent", 6, Set.of(Role.STAFF,
                Role.GOVERNOR), true), "dsl").renewalText()).isEqualTo("every 6 months");
        assertThatThrownBy(() -> courses.create(new TrainingCourses.CourseForm(code, "Again", 12, Set.of(Role.STAFF),
                false), "dsl")).isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.conflict()).isTrue());
        assertThatThrownBy(() -> courses.create(new TrainingCourses.CourseForm("x", "", 0, Set.of(), false), "dsl"))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.problems()).hasSize(4));
        assertThat(List.of(added.id())).isNotEmpty();
    }
}
