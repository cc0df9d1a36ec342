package org.lantern.server.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Channel;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Triage of the alert queue on H2 and PostgreSQL: new, in review, closed with an outcome; the
 * assignee from the DSL's team only; append-only notes; every change audited; and every wrong
 * move refused in words, with nothing changed.
 */
@PersistenceTest
class AlertTriageTest {

    @Autowired
    AlertRegister alerts;
    @Autowired
    AlertTriage triage;
    @Autowired
    AuditChain audit;
    @Autowired
    IncidentService incidents;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private Viewer dsl;
    private Viewer deputy;

    @BeforeEach
    void clear() {
        AlertTables.clear(jdbc);
        dsl = Viewer.of(TestUsers.signedIn(accountService, accounts, "triage.dsl", Role.DSL));
        deputy = Viewer.of(TestUsers.signedIn(accountService, accounts, "triage.deputy", Role.DEPUTY_DSL));
    }

    private Alert raise(String path) {
        return alerts.record(AlertFixtures.illegal("http://abuse.invalid/" + path, 42L, "Ada Lovelace", null, null, now));
    }

    private static AlertTriage.Change to(AlertStatus status, AlertOutcome outcome, Long incident, String note) {
        return new AlertTriage.Change(status, outcome, incident, note);
    }

    private List<String> auditActions(Alert alert) {
        return audit.entriesFor("alert", Long.toString(alert.id())).stream().map(AuditEntry::action).toList();
    }

    @Test
    void anAlertGoesIntoReviewThenClosedWithItsOutcomeAndEveryStepIsAudited() {
        Alert alert = raise("a");

        Alert reviewing = triage.change(alert.id(), to(AlertStatus.IN_REVIEW, null, null, "Looking at the logs."), dsl);
        Alert closed = triage.change(alert.id(), to(AlertStatus.CLOSED, AlertOutcome.FALSE_POSITIVE, null,
                "  A history lesson on the Blitz.  "), deputy);

        assertThat(reviewing.status()).isEqualTo(AlertStatus.IN_REVIEW);
        assertThat(closed.status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(AlertOutcome.FALSE_POSITIVE);
        assertThat(closed.closedBy()).isEqualTo("triage.deputy");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(triage.notes(alert.id())).extracting(AlertNote::author, AlertNote::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple("triage.dsl", "Looking at the logs."),
                org.assertj.core.groups.Tuple.tuple("triage.deputy", "A history lesson on the Blitz."));
        assertThat(auditActions(alert)).containsExactly("alert.raised", "alert.in-review", "alert.noted", "alert.closed",
                "alert.noted");
        assertThat(audit.entriesFor("alert", Long.toString(alert.id())).getLast().detailJson())
                .contains(AlertRegister.sha256("A history lesson on the Blitz.")).doesNotContain("Blitz");
        assertThat(alerts.countNew()).isZero();
    }

    @Test
    void aNewAlertMayBeClosedAtOnce() {
        Alert alert = raise("b");

        Alert closed = triage.change(alert.id(), to(AlertStatus.CLOSED, AlertOutcome.ALREADY_KNOWN, null,
                "Same pupil as alert 1."), dsl);

        assertThat(closed.outcome()).isEqualTo(AlertOutcome.ALREADY_KNOWN);
        assertThat(audit.entriesFor("alert", Long.toString(alert.id())).stream()
                .filter(e -> e.action().equals("alert.closed")).findFirst().orElseThrow().detailJson())
                .contains("\"from\":\"NEW\"");
    }

    @Test
    void closingTwiceIsRefusedSayingWhoClosedItAndKeepsTheFirst() {
        Alert alert = raise("c");
        triage.change(alert.id(), to(AlertStatus.CLOSED, AlertOutcome.NO_FURTHER_ACTION, null, "Spoke to Ada."), dsl);

        assertThatThrownBy(() -> triage.change(alert.id(), to(AlertStatus.CLOSED, AlertOutcome.FALSE_POSITIVE, null,
                "Wrong."), deputy))
                .isInstanceOf(AlertConflictException.class)
                .hasMessage("Alert " + alert.id() + " was already closed by triage.dsl (no further action); add a note "
                        + "instead.");
        assertThatThrownBy(() -> triage.change(alert.id(), to(AlertStatus.IN_REVIEW, null, null, null), deputy))
                .isInstanceOf(AlertConflictException.class);
        assertThatThrownBy(() -> triage.assign(alert.id(), deputy.accountId(), deputy))
                .isInstanceOf(AlertConflictException.class);
        Alert kept = alerts.find(alert.id()).orElseThrow();
        assertThat(kept.outcome()).isEqualTo(AlertOutcome.NO_FURTHER_ACTION);
        assertThat(kept.closedBy()).isEqualTo("triage.dsl");
        assertThat(triage.notes(alert.id())).extracting(AlertNote::body).containsExactly("Spoke to Ada.");
    }

    static Stream<Arguments> refusedChanges() {
        return Stream.of(
                Arguments.of(to(AlertStatus.NEW, null, null, null), "an alert does not go back to new"),
                Arguments.of(to(null, null, null, null), "Status: choose in review or closed"),
                Arguments.of(to(AlertStatus.CLOSED, null, null, "Why."), "Outcome: choose no further action"),
                Arguments.of(to(AlertStatus.CLOSED, AlertOutcome.FALSE_POSITIVE, null, "   "), "Write a note of why"),
                Arguments.of(to(AlertStatus.CLOSED, AlertOutcome.FALSE_POSITIVE, null, "x".repeat(2001)),
                        "at most 2000 characters; this one has 2001"),
                Arguments.of(to(AlertStatus.CLOSED, AlertOutcome.FALSE_POSITIVE, null, "a\0b"), "NUL"),
                Arguments.of(to(AlertStatus.CLOSED, AlertOutcome.ESCALATED, null, "Recorded."),
                        "Incident: give the number of the incident"),
                Arguments.of(to(AlertStatus.CLOSED, AlertOutcome.ESCALATED, 999_999_999L, "Recorded."),
                        "Incident: there is no incident 999999999 that you can open."),
                Arguments.of(to(AlertStatus.CLOSED, AlertOutcome.NO_FURTHER_ACTION, 5L, "Nothing."),
                        "only an alert escalated to an incident links to one"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedChanges")
    void aChangeThatCannotBeMadeSaysWhyAndChangesNothing(AlertTriage.Change change, String why) {
        Alert alert = raise("d");

        assertThatThrownBy(() -> triage.change(alert.id(), change, dsl))
                .isInstanceOf(AlertRejectedException.class).hasMessageContaining(why);

        Alert kept = alerts.find(alert.id()).orElseThrow();
        assertThat(kept.status()).isEqualTo(AlertStatus.NEW);
        assertThat(kept.outcome()).isNull();
        assertThat(triage.notes(alert.id())).isEmpty();
        assertThat(auditActions(alert)).containsExactly("alert.raised");
    }

    @Test
    void reviewingTwiceIsRefused() {
        Alert alert = raise("e");
        triage.change(alert.id(), to(AlertStatus.IN_REVIEW, null, null, null), dsl);

        assertThatThrownBy(() -> triage.change(alert.id(), to(AlertStatus.IN_REVIEW, null, null, null), deputy))
                .isInstanceOf(AlertConflictException.class).hasMessage("Alert " + alert.id() + " is already in review.");
    }

    @Test
    void anAlertThatDoesNotExistSaysSo() {
        assertThatThrownBy(() -> triage.change(999_999_999L, to(AlertStatus.IN_REVIEW, null, null, null), dsl))
                .isInstanceOf(AlertNotFoundException.class);
        assertThatThrownBy(() -> triage.assign(999_999_999L, null, dsl)).isInstanceOf(AlertNotFoundException.class);
        assertThatThrownBy(() -> triage.note(999_999_999L, "Note.", dsl)).isInstanceOf(AlertNotFoundException.class);
    }

    @Test
    void escalatingLinksTheIncidentAndAChildProtectionRecordTheActorCannotOpenIsAnsweredAsMissing() {
        long pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Triage"));
        Incident cp = incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null, "From an alert.", null, List.of(),
                RecordKind.CHILD_PROTECTION, false), dsl);
        Alert alert = raise("f");
        Viewer withoutChildProtection = new Viewer(dsl.accountId(), dsl.username(), true, false);

        assertThatThrownBy(() -> triage.change(alert.id(), to(AlertStatus.CLOSED, AlertOutcome.ESCALATED, cp.id(),
                "Recorded."), withoutChildProtection))
                .isInstanceOf(AlertRejectedException.class)
                .hasMessage("Incident: there is no incident " + cp.id() + " that you can open.");
        Alert escalated = triage.change(alert.id(), to(AlertStatus.CLOSED, AlertOutcome.ESCALATED, cp.id(), "Recorded."),
                dsl);

        assertThat(escalated.incidentId()).isEqualTo(cp.id());
        assertThat(escalated.outcome()).isEqualTo(AlertOutcome.ESCALATED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_access WHERE record_type = 'incident' AND record_id = :id "
                + "AND channel = :channel").param("id", cp.id()).param("channel", Channel.PAGE.name())
                .query(Long.class).single()).as("the look at the incident is logged").isPositive();
    }

    @Test
    void theAssigneeIsAMemberOfTheDslsTeamOrNobody() {
        Alert alert = raise("g");
        long staff = accounts.idOf("triage.staff").orElseGet(() -> accountService.create("triage.staff", "Tess Staff",
                Role.STAFF, "test password 1", "test"));
        long head = accounts.idOf("triage.head").orElseGet(() -> accountService.create("triage.head", "Hal Head",
                Role.HEADTEACHER, "test password 1", "test"));
        long gone = accounts.idOf("triage.gone").orElseGet(() -> accountService.create("triage.gone", "Gil Gone",
                Role.DEPUTY_DSL, "test password 1", "test"));
        accountService.disable(gone, "test", "left the school");

        for (long notOnTheTeam : new long[] {staff, head, gone, 999_999_999L}) {
            assertThatThrownBy(() -> triage.assign(alert.id(), notOnTheTeam, dsl))
                    .isInstanceOf(AlertRejectedException.class)
                    .hasMessage("Assignee: account " + notOnTheTeam + " is not on the DSL's team; choose the DSL or a "
                            + "deputy.");
        }
        assertThat(alerts.find(alert.id()).orElseThrow().assigneeAccount()).isNull();

        Alert assigned = triage.assign(alert.id(), deputy.accountId(), dsl);
        assertThat(assigned.assigneeAccount()).isEqualTo(deputy.accountId());
        assertThat(assigned.assignee()).isEqualTo("triage.deputy");
        assertThat(triage.assign(alert.id(), null, dsl).assignee()).isNull();
        assertThat(auditActions(alert)).containsExactly("alert.raised", "alert.assigned", "alert.assigned");
    }

    @Test
    void notesAreAppendedWithAuthorAndTimeKeptAsTypedAndAllowedOnAClosedAlert() {
        Alert alert = raise("h");
        triage.change(alert.id(), to(AlertStatus.CLOSED, AlertOutcome.NO_FURTHER_ACTION, null, "Done."), dsl);

        AlertNote note = triage.note(alert.id(), "<script>alert('x')</script> Ada's mum called.", deputy);

        assertThat(note.author()).isEqualTo("triage.deputy");
        assertThat(note.writtenAt()).isAfterOrEqualTo(now);
        assertThat(note.body()).isEqualTo("<script>alert('x')</script> Ada's mum called.");
        assertThat(triage.notes(alert.id())).extracting(AlertNote::body)
                .containsExactly("Done.", "<script>alert('x')</script> Ada's mum called.");
        assertThatThrownBy(() -> triage.note(alert.id(), " ", deputy)).isInstanceOf(AlertRejectedException.class)
                .hasMessage("Write the note.");
    }

    @Test
    void theListFiltersByStatusAndAssignee() {
        Alert mine = raise("i");
        Alert nobodys = raise("j");
        Alert closed = raise("k");
        triage.assign(mine.id(), deputy.accountId(), dsl);
        triage.change(mine.id(), to(AlertStatus.IN_REVIEW, null, null, null), deputy);
        triage.change(closed.id(), to(AlertStatus.CLOSED, AlertOutcome.FALSE_POSITIVE, null, "Wrong."), dsl);

        assertThat(list(AlertStatus.IN_REVIEW, null, false)).containsExactly(mine.id());
        assertThat(list(AlertStatus.CLOSED, null, false)).containsExactly(closed.id());
        assertThat(list(null, deputy.accountId(), false)).containsExactly(mine.id());
        assertThat(list(null, null, true)).containsExactlyInAnyOrder(nobodys.id(), closed.id());
        assertThat(list(AlertStatus.NEW, null, true)).containsExactly(nobodys.id());
    }

    private List<Long> list(AlertStatus status, Long assignee, boolean unassigned) {
        return alerts.list(new AlertRegister.Query(status, null, null, null, assignee, unassigned, 0, 50), dsl,
                Channel.API).alerts().stream().map(Alert::id).toList();
    }
}
