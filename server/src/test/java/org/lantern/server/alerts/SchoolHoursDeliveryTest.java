package org.lantern.server.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.OnCallOutOfHours;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestRisks;
import org.lantern.server.support.TestSmtp;
import org.lantern.server.terms.SchoolHoursSetting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The school's days and hours chosen on the term dates page decide delivery at once, with no
 * restart: a level-5 alert goes down the on-call list only outside the hours in force when it is
 * raised, and the daily digest covers the school days in force when it is made. The installation
 * starts with school hours of one minute on Sundays ({@link OnCallOutOfHours}); mail goes to a
 * local SMTP server, which the digests need to be made at all.
 */
@PersistenceTest
@DirtiesContext
@OnCallOutOfHours
@TestPropertySource(properties = {
        "lantern.alerts.mail.from=lantern@school.example",
        "lantern.alerts.mail.extra-recipients=safeguarding@school.example",
        "lantern.alerts.mail.initial-delay=PT1H",
        "lantern.alerts.delivery.digest.check-interval=PT1H",
        "spring.datasource.hikari.maximum-pool-size=3"})
class SchoolHoursDeliveryTest {

    @RegisterExtension
    static final TestSmtp SMTP = new TestSmtp();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        SMTP.mailProperties(registry);
    }

    @Autowired
    SchoolHoursSetting hours;
    @Autowired
    OutOfHours outOfHours;
    @Autowired
    OnCallList onCall;
    @Autowired
    OnCallEscalation escalation;
    @Autowired
    SafeguardingAlerts safeguarding;
    @Autowired
    AlertDigest digest;
    @Autowired
    JdbcClient jdbc;

    private static final List<String> EVERY_DAY = Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
    }

    @Test
    void aLevelFiveAlertGoesDownTheOnCallListOnlyOutsideTheHoursInForceWhenItIsRaised() {
        assumeTrue(LocalTime.now(SchoolTime.ZONE).isBefore(LocalTime.of(23, 58)), "not in the last minutes of the day");
        onCall.add("Ann Dsl", "ann@school.example", null, "dsl");
        assertThat(outOfHours.includes(Instant.now())).as("the installation's minute on Sundays").isTrue();

        hours.choose(EVERY_DAY, "00:00", "23:59", "Open all hours for the test", "dsl");
        long inHours = safeguarding.record(TestRisks.search("sam.hours", 5, Instant.now(), "suicide")).id();
        assertThat(escalation.status(inHours)).as("in the hours chosen: the DSL's team is emailed, no one is called")
                .isEmpty();

        hours.choose(List.of("SUNDAY"), "00:00", "00:01", "Back to the test's minute", "dsl");
        long outOfTheHours = safeguarding.record(TestRisks.search("sam.hours", 5, Instant.now(), "self-harm")).id();
        assertThat(escalation.status(outOfTheHours)).as("out of the hours chosen: down the on-call list").isPresent();
    }

    @Test
    void theDailyDigestCoversTheSchoolDaysInForceWhenItIsMade() {
        Instant wednesdayMorning = LocalDateTime.of(2026, 12, 9, 8, 0).atZone(SchoolTime.ZONE).toInstant();

        digest.makeDue(wednesdayMorning);
        hours.choose(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "08:00", "17:00",
                "A weekday school", "dsl");
        digest.makeDue(wednesdayMorning);

        assertThat(jdbc.sql("SELECT starts_on FROM alert_digest WHERE period = 'DAILY' ORDER BY starts_on")
                .query(LocalDate.class).list())
                .as("Sundays only: sent on Sunday the 6th for the week from Sunday the 29th; then weekdays: Tuesday's")
                .containsExactly(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 8));
    }
}
