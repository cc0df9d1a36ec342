package org.lantern.server.registers.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Role;
import org.lantern.server.registers.agreements.AgreementCoverage;
import org.lantern.server.registers.training.TrainingCompletions;
import org.lantern.server.registers.training.TrainingCourses;
import org.lantern.server.registers.training.TrainingRegister;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.server.support.TestSmtp.subject;

/**
 * The morning reminders through a real SMTP server (GreenMail): a member of staff overdue with
 * training gets one email listing the courses, one who has not signed the agreement in force gets
 * a link to it, and a second run in the same week owes nothing more. The day is the reminder
 * job's clock, fixed here.
 */
@PersistenceTest
@DirtiesContext
@TestPropertySource(properties = {
        "lantern.alerts.mail.from=lantern@school.example",
        "lantern.alerts.mail.initial-delay=PT1H",
        "lantern.public-url=https://lantern.school.example/",
        "lantern.registers.reminders.cron=-",
        "spring.datasource.hikari.maximum-pool-size=3"})
class RemindersEmailTest {

    @RegisterExtension
    static final TestSmtp SMTP = new TestSmtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        SMTP.mailProperties(registry);
    }

    @Autowired
    TrainingRegister training;
    @Autowired
    TrainingCourses courses;
    @Autowired
    TrainingCompletions completions;
    @Autowired
    AgreementCoverage agreements;
    @Autowired
    RegisterOutbox outbox;
    @Autowired
    JdbcClient jdbc;

    private long staff(String email) {
        long id = TestPeople.person(jdbc, "STAFF", "Rae", TestPeople.unique("Remind"));
        jdbc.sql("UPDATE person SET start_date = :s, email = :e WHERE id = :id")
                .param("s", LocalDate.of(2020, 9, 1)).param("e", email).param("id", id).update();
        return id;
    }

    @Test
    void overdueTrainingAndUnsignedAgreementsAreEmailedOnceAWeek() throws Exception {
        LocalDate today = SchoolTime.today();
        String overdueTo = TestPeople.unique("overdue") + "@school.example";
        String unsignedTo = TestPeople.unique("unsigned") + "@school.example";
        staff(overdueTo);
        long trained = staff(unsignedTo);
        courses.list().stream().filter(c -> c.roles().contains(Role.STAFF))
                .forEach(c -> completions.record(trained, c.id(), today, "", null, "office", today));
        DailyReminders reminders = new DailyReminders(training, agreements, outbox, jdbc,
                "https://lantern.school.example/", 8080, Clock.fixed(Instant.now(), SchoolTime.ZONE));

        assertThat(reminders.remind()).isGreaterThanOrEqualTo(3);
        outbox.deliverDue(Instant.now());

        List<MimeMessage> toOverdue = SMTP.to(overdueTo);
        assertThat(toOverdue).extracting(TestSmtp::subject).hasSize(2)
                .contains("Please accept the acceptable-use agreement")
                .anyMatch(subject -> subject.matches("Training overdue: \\d+ courses"));
        String training = toOverdue.stream().filter(m -> subject(m).startsWith("Training"))
                .map(GreenMailUtil::getBody).findFirst().orElseThrow();
        assertThat(training).contains("- Cyber security (never taken)", "- Induction (never taken)")
                .doesNotContain("Designated Safeguarding Lead training");
        List<MimeMessage> toUnsigned = SMTP.to(unsignedTo);
        assertThat(toUnsigned).extracting(TestSmtp::subject)
                .containsExactly("Please accept the acceptable-use agreement");
        assertThat(GreenMailUtil.getBody(toUnsigned.getFirst())).contains("https://lantern.school.example/agreement");
        assertThat(toUnsigned.getFirst().getFrom()[0].toString()).isEqualTo("lantern@school.example");

        int before = SMTP.getReceivedMessages().length;
        reminders.remind();
        outbox.deliverDue(Instant.now());
        assertThat(SMTP.to(overdueTo)).hasSize(2);
        assertThat(SMTP.getReceivedMessages().length).isEqualTo(before);
    }
}
