package org.lantern.server.registers.devices;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lantern.server.alerts.AlertProperties;
import org.lantern.server.http.PublicUrl;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Permission;
import org.lantern.server.outbox.Outbox;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Emails about overdue loans, from a durable outbox as the alert emails are: each morning the job
 * owes one email for every loan that has become overdue ({@code device_loan_email}), then sends
 * what is owed through the same SMTP server and sender address as the alerts, retrying a failed
 * send with a growing back-off on the alerts' retry settings. An email goes to the borrower (if
 * the directory has their address) and to those who keep the register (enabled accounts that may
 * manage devices, whose person has an address). It names the device and the day it was due and
 * links to the loan; never the borrower's name, since email is not a secure channel. Without
 * {@code spring.mail.host} nothing is owed and the register page still lists the overdue loans.
 */
@Component
public class OverdueLoanMail {

    private static final Logger log = LoggerFactory.getLogger(OverdueLoanMail.class);

    private final JdbcClient jdbc;
    private final Loans loans;
    private final People people;
    private final AccountService accounts;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final AlertProperties.Mail settings;
    private final String baseUrl;
    private final Outbox.Backoff backoff;

    OverdueLoanMail(JdbcClient jdbc, Loans loans, People people, AccountService accounts,
                    ObjectProvider<JavaMailSender> mailSender, AlertProperties alerts,
                    @Value("${lantern.public-url:}") String publicUrl, @Value("${server.port:8080}") int serverPort) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.people = people;
        this.accounts = accounts;
        this.mailSender = mailSender;
        this.settings = alerts.mail();
        this.baseUrl = PublicUrl.base(publicUrl, serverPort);
        this.backoff = Outbox.Backoff.linear(settings.retryInterval(), settings.maxRetryInterval());
    }

    /** Whether an SMTP server is configured, so overdue loans are emailed. */
    public boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    /** The daily job: owes an email for each newly overdue loan, then sends what is owed. */
    @Scheduled(cron = "${lantern.registers.loans.overdue-cron:0 30 7 * * *}", zone = "Europe/London")
    public void daily() {
        if (enabled()) {
            oweOverdue();
            deliverDue();
        }
    }

    /** Retries unsent emails between the daily runs. */
    @Scheduled(fixedDelayString = "${lantern.alerts.mail.retry-interval:PT1M}", initialDelayString = "PT2M")
    void retry() {
        if (enabled()) {
            deliverDue();
        }
    }

    /**
     * Owes one email for each overdue loan not yet owed one.
     *
     * @return how many were owed
     */
    int oweOverdue() {
        OffsetDateTime now = loans.now();
        int owed = 0;
        for (Loan loan : loans.overdue()) {
            owed += jdbc.sql("INSERT INTO device_loan_email (loan_id, created_at, attempts, next_attempt_at) "
                            + "SELECT :id, :now, 0, :now FROM device_loan WHERE id = :id AND NOT EXISTS "
                            + "(SELECT 1 FROM device_loan_email WHERE loan_id = :id)")
                    .param("id", loan.id()).param("now", now).update();
        }
        return owed;
    }

    /**
     * Sends each owed email that is due. Each is taken with one conditional update that moves its
     * next attempt past the send, so two servers sharing the database never both send it: the
     * {@link Outbox} rules, with the next attempt as the lease, since {@code device_loan_email}
     * has no claim columns.
     *
     * @return how many were sent
     */
    synchronized int deliverDue() {
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        OffsetDateTime now = loans.now();
        List<long[]> due = jdbc.sql("SELECT loan_id, attempts FROM device_loan_email WHERE sent_at IS NULL "
                        + "AND next_attempt_at <= :now ORDER BY next_attempt_at, loan_id")
                .param("now", now).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        int sent = 0;
        for (long[] row : due) {
            long loanId = row[0];
            int attempts = (int) row[1] + 1;
            OffsetDateTime next = now.plus(backoff.after(attempts));
            if (jdbc.sql("UPDATE device_loan_email SET next_attempt_at = :next, attempts = :attempts WHERE loan_id = :id "
                            + "AND sent_at IS NULL AND next_attempt_at <= :now")
                    .param("next", next).param("attempts", attempts).param("id", loanId).param("now", now)
                    .update() == 0) {
                continue;
            }
            try {
                Loan loan = loans.get(loanId);
                List<String> to = recipients(loan);
                if (to.isEmpty()) {
                    throw new IllegalStateException("No one to send it to: neither the borrower nor anyone who keeps "
                            + "the register has an email address in the people directory.");
                }
                mail.send(message(loan, to));
                jdbc.sql("UPDATE device_loan_email SET sent_at = :now, recipients = :n, last_error = NULL "
                        + "WHERE loan_id = :id").param("now", loans.now()).param("n", to.size()).param("id", loanId)
                        .update();
                sent++;
            } catch (RuntimeException e) {
                String reason = Outbox.reason(e);
                jdbc.sql("UPDATE device_loan_email SET last_error = :error WHERE loan_id = :id")
                        .param("error", reason)
                        .param("id", loanId).update();
                log.warn("Overdue-loan email for loan {} could not be sent (attempt {}); next try at {}: {}", loanId,
                        attempts, next, reason);
            }
        }
        return sent;
    }

    /** The borrower's address and those of the register's keepers. */
    List<String> recipients(Loan loan) {
        Set<String> to = new LinkedHashSet<>();
        people.find(loan.personId()).map(Person::email).filter(e -> e != null && !e.isBlank())
                .ifPresent(e -> to.add(e.strip()));
        Set<Long> keepers = new HashSet<>();
        accounts.list().stream().filter(a -> a.enabled() && a.role().can(Permission.DEVICES_MANAGE))
                .forEach(a -> keepers.add(a.id()));
        for (Person p : people.list(null)) {
            if (p.accountId() != null && keepers.contains(p.accountId()) && p.email() != null && !p.email().isBlank()) {
                to.add(p.email().strip());
            }
        }
        return List.copyOf(to);
    }

    SimpleMailMessage message(Loan loan, List<String> to) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject("Overdue loan: " + loan.device().label());
        message.setText("A school device on loan is overdue.\n\n"
                + "Device: " + loan.device().label() + "\n"
                + "Lent on: " + SchoolTime.day(loan.lentOn()) + "\n"
                + "Due back: " + SchoolTime.day(loan.dueOn()) + "\n\n"
                + "Please return it to the school office. Those who keep the loan register can see the loan here:\n"
                + baseUrl + "/registers/loans/" + loan.id() + "\n");
        return message;
    }
}
