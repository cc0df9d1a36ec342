package org.lantern.server.registers.devices;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
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
 * Overdue-loan emails through a real SMTP server (GreenMail): the daily job owes one email for a
 * loan that has become overdue, sends it to the borrower and the register's keepers with the
 * device, its due day and the link, never the borrower's name, and does not owe it again the next
 * day. The mail settings make this class's context its own, closed afterwards.
 */
@PersistenceTest
@DirtiesContext
@TestPropertySource(properties = {
        "lantern.alerts.mail.from=lantern@school.example",
        "lantern.alerts.mail.initial-delay=PT1H",
        "lantern.public-url=https://lantern.school.example/",
        "spring.datasource.hikari.maximum-pool-size=3"})
class OverdueLoanMailTest {

    @RegisterExtension
    static final TestSmtp SMTP = new TestSmtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        SMTP.mailProperties(registry);
    }

    @Autowired
    OverdueLoanMail mail;
    @Autowired
    Devices devices;
    @Autowired
    Loans loans;
    @Autowired
    People people;
    @Autowired
    AccountService accountService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOverdueLoanIsEmailedOnceToTheBorrowerAndTheKeepersWithoutTheBorrowersName() throws Exception {
        String surname = TestPeople.unique("Overdue");
        long borrower = withEmail(TestPeople.person(jdbc, "STAFF", "Bertha", surname), "bertha@school.example");
        long office = withEmail(TestPeople.person(jdbc, "STAFF", "Olive", TestPeople.unique("Office")),
                "office@school.example");
        people.linkAccount(office, accountService.create(TestPeople.unique("office"), "Olive", Role.OFFICE,
                "office password 1", "test"));
        String tag = TestPeople.unique("LT-");
        Device device = devices.create(new DeviceFields("laptop", "Lenovo", "100e", TestPeople.unique("S"), tag, null,
                null), "office");
        LocalDate today = loans.today();
        Loan loan = loans.lend(new NewLoan(device.id(), borrower, today.minusDays(20), today.minusDays(1), "Good",
                "Bertha", true), "office");

        mail.daily();

        List<MimeMessage> ours = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m).contains(tag)).toList();
        assertThat(ours).hasSize(2);
        MimeMessage message = ours.getFirst();
        assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
                .contains("bertha@school.example", "office@school.example");
        String text = message.getSubject() + "\n" + GreenMailUtil.getBody(message);
        assertThat(text).contains("Overdue loan: Laptop " + tag, "Due back: ",
                "https://lantern.school.example/registers/loans/" + loan.id());
        assertThat(text).doesNotContain(surname, "Bertha");
        assertThat(jdbc.sql("SELECT sent_at IS NOT NULL FROM device_loan_email WHERE loan_id = :id").param("id", loan.id())
                .query(Boolean.class).single()).isTrue();

        assertThat(mail.oweOverdue()).as("owed again").isZero();
    }

    private long withEmail(long person, String email) {
        jdbc.sql("UPDATE person SET email = :email WHERE id = :id").param("email", email).param("id", person).update();
        return person;
    }
}
