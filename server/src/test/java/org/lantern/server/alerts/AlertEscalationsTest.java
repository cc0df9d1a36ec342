package org.lantern.server.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saving the incident recorded from an alert (its form carries the alert's page among its links)
 * closes the alert as escalated, linked to the incident, on H2 and PostgreSQL; when the recorder is
 * not on the DSL's team, or the alert is already closed, the alert is left as it is and the
 * incident is saved all the same.
 */
@PersistenceTest
class AlertEscalationsTest {

    @Autowired
    AlertRegister alerts;
    @Autowired
    AlertTriage triage;
    @Autowired
    IncidentService incidents;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private long pupil;

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Escalate"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theIncidentRecordedFromAnAlertClosesItAsEscalatedAndTheAlertLinksToIt() {
        Alert alert = raise("a");
        Viewer dsl = signIn("escalate.dsl", Role.DSL);

        Incident incident = record(dsl, "/alerts/" + alert.id());

        Alert after = alerts.find(alert.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(after.outcome()).isEqualTo(AlertOutcome.ESCALATED);
        assertThat(after.incidentId()).isEqualTo(incident.id());
        assertThat(after.closedBy()).isEqualTo("escalate.dsl");
        assertThat(triage.notes(alert.id())).extracting(AlertNote::body)
                .containsExactly("Escalated: incident " + incident.id() + " was recorded from this alert.");
    }

    @Test
    void anIncidentRecordedBySomeoneOffTheDslsTeamLeavesTheAlertForThem() {
        Alert alert = raise("b");
        Viewer head = signIn("escalate.head", Role.HEADTEACHER);

        Incident incident = record(head, "/alerts/" + alert.id());

        assertThat(incident.id()).isPositive();
        assertThat(alerts.find(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.NEW);
    }

    @Test
    void anAlertAlreadyClosedStaysAsItWasAndTheIncidentIsSaved() {
        Alert alert = raise("c");
        Viewer dsl = signIn("escalate.dsl", Role.DSL);
        triage.change(alert.id(), new AlertTriage.Change(AlertStatus.CLOSED, AlertOutcome.FALSE_POSITIVE, null,
                "A history lesson."), dsl);

        Incident incident = record(dsl, "/alerts/" + alert.id(), "/alerts/999999999", "https://example.org/alerts/1x");

        assertThat(incidents.read(incident.id(), dsl, org.lantern.server.incidents.Channel.PAGE)).isPresent();
        Alert after = alerts.find(alert.id()).orElseThrow();
        assertThat(after.outcome()).isEqualTo(AlertOutcome.FALSE_POSITIVE);
        assertThat(after.incidentId()).isNull();
    }

    private Alert raise(String path) {
        return alerts.record(AlertFixtures.illegal("http://abuse.invalid/" + path, pupil, "Ada", null, null, now));
    }

    private Viewer signIn(String username, Role role) {
        Authentication user = TestUsers.signedIn(accountService, accounts, username, role);
        SecurityContextHolder.getContext().setAuthentication(user);
        return Viewer.of(user);
    }

    private Incident record(Viewer recorder, String... links) {
        return incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "Raised from an alert.", null, List.of(links),
                RecordKind.CHILD_PROTECTION, false), recorder);
    }
}
