package org.lantern.server.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestSmtp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alert emails through a real SMTP server (GreenMail) on a free local port. The mail settings make
 * this class's context its own, so it is closed afterwards rather than holding database connections.
 * A second server sharing the database is a second outbox on the same data source.
 */
@PersistenceTest
@DirtiesContext
@TestPropertySource(properties = {
        "lantern.alerts.mail.from=lantern@school.example",
        "lantern.alerts.mail.extra-recipients=safeguarding@school.example",
        "lantern.alerts.mail.retry-interval=PT1H",
        "lantern.alerts.mail.max-retry-interval=PT4H",
        "lantern.alerts.mail.initial-delay=PT1H",
        "lantern.public-url=https://lantern.school.example/",
        "spring.datasource.hikari.maximum-pool-size=3"})
class AlertEmailTest {

    @RegisterExtension
    static final TestSmtp SMTP = new TestSmtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        SMTP.mailProperties(registry);
    }

    @Autowired
    AlertRegister alerts;
    @Autowired
    AlertOutbox outbox;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectProvider<JavaMailSender> mailSenders;
    @Autowired
    People people;
    @Autowired
    AlertProperties properties;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void safeguardingTeamWithEmailAddresses() throws Exception {
        AlertTables.clear(jdbc);
        SMTP.emptied();
        person("mail.dsl", Role.DSL, "dsl@school.example", true);
        person("mail.deputy", Role.DEPUTY_DSL, "deputy@school.example", true);
        person("mail.former", Role.DSL, "former@school.example", false);
        person("mail.teacher", Role.STAFF, "teacher@school.example", true);
        person("mail.nomail", Role.DEPUTY_DSL, null, true);
    }

    @Test
    void theDslAndDeputiesAreEmailedAtOnceWithTheCategoryTimeAndLinkButNoNameOrAddress() throws Exception {
        events.publishEvent(AlertFixtures.illegal("http://abuse.invalid/hidden-path", 77L, "Ada Lovelace", "ada.l",
                "10.0.0.7", now));

        assertThat(received(3)).as("three copies delivered").isTrue();
        long id = jdbc.sql("SELECT id FROM filter_alert").query(Long.class).single();
        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
                .containsExactlyInAnyOrder("dsl@school.example", "deputy@school.example", "safeguarding@school.example");
        assertThat(message.getFrom()[0].toString()).isEqualTo("lantern@school.example");
        String text = message.getSubject() + "\n" + GreenMailUtil.getBody(message);
        assertThat(text).contains("Illegal content", "Illegal-content list iwf-child-abuse",
                "https://lantern.school.example/alerts/" + id, "(UK time)");
        assertThat(text).doesNotContain("Ada", "Lovelace", "abuse.invalid", "hidden-path", "ada.l", "10.0.0.7");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alerts.find(id).orElseThrow().email())
                .satisfies(e -> {
                    assertThat(e.sent()).as("recorded as sent").isTrue();
                    assertThat(e.recipients()).isEqualTo(3);
                }));
    }

    @Test
    void anEmailThatFailedWhileTheMailServerWasDownIsRetriedAndSent() throws Exception {
        double failedBefore = meters.get("lantern.alerts.emails.failed").counter().count();
        SMTP.stop();
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/x", 77L, "Ada Lovelace", null, null, now));

        assertThat(outbox.deliverDue(Instant.now())).isZero();
        Alert.Email failed = alerts.find(alert.id()).orElseThrow().email();
        assertThat(failed.sent()).isFalse();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(meters.get("lantern.alerts.emails.failed").counter().count()).isEqualTo(failedBefore + 1);
        assertThat(alerts.countNew()).as("the alert is in Lantern all the same").isEqualTo(1);

        SMTP.start();
        assertThat(outbox.deliverDue(Instant.now())).as("not due again before its back-off").isZero();
        assertThat(outbox.deliverDue(Instant.now().plus(Duration.ofHours(2)))).isEqualTo(1);

        assertThat(received(3)).isTrue();
        Alert.Email sent = alerts.find(alert.id()).orElseThrow().email();
        assertThat(sent.sent()).isTrue();
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void anEmailLeftUnsentWhenTheServerStoppedIsSentByTheScheduledRetry() throws Exception {
        Alert alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/y", 77L, "Ada Lovelace", null, null, now));

        outbox.retry();

        assertThat(received(3)).isTrue();
        assertThat(alerts.find(alert.id()).orElseThrow().email().sent()).isTrue();
    }

    @Test
    void anEmailIsSentOnceEvenWhenAskedAgain() throws Exception {
        alerts.record(AlertFixtures.illegal("http://abuse.invalid/z", 77L, "Ada Lovelace", null, null, now));

        outbox.deliverDue(Instant.now());
        outbox.deliverDue(Instant.now().plus(Duration.ofDays(1)));

        assertThat(received(3)).isTrue();
        Thread.sleep(300);
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
    }

    @Test
    void twoServersSharingTheDatabaseEmailEachAlertOnce() throws Exception {
        int count = 20;
        for (int i = 0; i < count; i++) {
            alerts.record(
                    AlertFixtures.illegal("http://abuse.invalid/shared/" + i, 77L, "Ada Lovelace", null, null, now));
        }
        AlertOutbox secondServer = anotherServer();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = servers.submit(() -> {
                together.await();
                return outbox.deliverDue(Instant.now());
            });
            Future<Integer> second = servers.submit(() -> {
                together.await();
                return secondServer.deliverDue(Instant.now());
            });

            assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS)).isEqualTo(count);
        } finally {
            servers.shutdownNow();
            secondServer.stop();
        }
        assertThat(received(3 * count)).isTrue();
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(TestSmtp::subject)
                .collect(Collectors.groupingBy(s -> s, Collectors.counting())))
                .as("one message per recipient for each alert")
                .hasSize(count).allSatisfy((subject, copies) -> assertThat(copies).isEqualTo(3));
    }

    @Test
    void anEmailAnotherServerHasClaimedIsLeftToIt() {
        Alert alert = alerts.record(
                AlertFixtures.illegal("http://abuse.invalid/claimed", 77L, "Ada Lovelace", null, null, now));
        AlertOutbox secondServer = anotherServer();
        try {
            assertThat(secondServer.claim(alert.id(), Instant.now())).isTrue();

            assertThat(outbox.deliverDue(Instant.now())).isZero();
        } finally {
            secondServer.stop();
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(alerts.find(alert.id()).orElseThrow().email().attempts()).isZero();
    }

    @Test
    void anEmailClaimedByAServerThatStoppedIsSentOnceTheClaimLapses() throws Exception {
        Alert alert = alerts.record(
                AlertFixtures.illegal("http://abuse.invalid/lapsed", 77L, "Ada Lovelace", null, null, now));
        Instant claimedAt = Instant.now();
        AlertOutbox stoppedServer = anotherServer();
        assertThat(stoppedServer.claim(alert.id(), claimedAt)).as("the stopped server held the claim").isTrue();
        stoppedServer.stop();

        assertThat(outbox.deliverDue(claimedAt.plus(properties.mail().claimLease()).plusSeconds(1))).isEqualTo(1);

        assertThat(received(3)).isTrue();
        assertThat(alerts.find(alert.id()).orElseThrow().email().sent()).isTrue();
    }

    @Test
    void theBackOffDoublesUpToTheMaximum() {
        assertThat(outbox.backoff(1)).isEqualTo(Duration.ofHours(1));
        assertThat(outbox.backoff(2)).isEqualTo(Duration.ofHours(2));
        assertThat(outbox.backoff(3)).isEqualTo(Duration.ofHours(4));
        assertThat(outbox.backoff(30)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void repeatsFoldedIntoAnAlertOweNoFurtherEmail() {
        for (int i = 0; i < 5; i++) {
            alerts.record(AlertFixtures.illegal("http://abuse.invalid/retrying", 77L, "Ada Lovelace", null, null,
                    now.plusSeconds(i)));
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_email").query(Long.class).single()).isEqualTo(1);
    }

    private void person(String username, Role role, String email, boolean enabled) {
        long account = accounts.idOf(username)
                .orElseGet(() -> accountService.create(username, "Mail " + role, role, "mail test password 1", "test"));
        if (!enabled) {
            accountService.disable(account, "test", "left the school");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM person WHERE account_id = :a").param("a", account).query(Long.class).single() == 0) {
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
            jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, email, account_id, created_at, updated_at) "
                            + "VALUES ('STAFF', 'Staff', :last, :email, :account, :at, :at)")
                    .param("last", username).param("email", email).param("account", account).param("at", at).update();
        }
    }

    /** The outbox of a second Lantern server on the same database and mail server. */
    private AlertOutbox anotherServer() {
        return new AlertOutbox(jdbc, mailSenders, accountService, people, properties, meters,
                "https://lantern.school.example/", 8080);
    }

    /** Whether {@code count} messages (one per recipient) have arrived within 15 seconds. */
    private static boolean received(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (SMTP.getReceivedMessages().length < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
