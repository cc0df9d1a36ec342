package org.lantern.server.incidents;

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
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cases: status with outcome and reason, priority, named owners, review dates; who may change them; audit and history. */
@PersistenceTest
class CaseServiceTest {

    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncidentService incidents;
    @Autowired
    CaseService cases;
    @Autowired
    CaseHistory history;
    @Autowired
    AuditChain audit;

    Authentication teacher;
    Authentication dsl;
    Authentication deputy;
    Authentication head;
    long pupil;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "case.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "case.dsl", Role.DSL);
        deputy = TestUsers.signedIn(accountService, accounts, "case.deputy", Role.DEPUTY_DSL);
        head = TestUsers.signedIn(accountService, accounts, "case.head", Role.HEADTEACHER);
        pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Case"));
    }

    private Incident record(RecordKind kind, boolean illegal) {
        return incidents.record(IncidentFixtures.phoneMisuse(pupil, kind, illegal), Viewer.of(teacher));
    }

    private static CaseActor as(Authentication user) {
        return CaseActor.of(user);
    }

    private long id(Authentication user) {
        return Viewer.of(user).accountId();
    }

    private void closeEveryAction(Incident incident) {
        incident.actions().forEach(a -> incidents.waive(incident.id(), a.id(), "Not needed.", "case.dsl"));
    }

    static Stream<Arguments> defaults() {
        return Stream.of(Arguments.of(RecordKind.BEHAVIOUR, false, CasePriority.MEDIUM),
                Arguments.of(RecordKind.CHILD_PROTECTION, false, CasePriority.HIGH),
                Arguments.of(RecordKind.BEHAVIOUR, true, CasePriority.URGENT));
    }

    @ParameterizedTest(name = "{0}, illegal={1}: {2}")
    @MethodSource("defaults")
    void aNewRecordIsAnOpenCaseWithNoOwnerAndItsFilesDefaultPriority(RecordKind kind, boolean illegal, CasePriority priority) {
        Case kase = cases.of(record(kind, illegal));

        assertThat(kase.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(kase.owner()).isNull();
        assertThat(kase.priority()).isEqualTo(priority);
        assertThat(kase.priorityChosen()).isFalse();
    }

    @Test
    void closingNeedsAnOutcomeAndNothingLeftOpen() {
        Incident incident = record(RecordKind.BEHAVIOUR, false);

        assertThatThrownBy(() -> cases.changeStatus(incident.id(), CaseStatus.CLOSED, " ", as(dsl)))
                .isInstanceOfSatisfying(IncidentRejectedException.class, e -> assertThat(e.problems()).containsExactly(
                        "The outcome must be given.", "Complete, waive or decide its 3 open action(s) before closing the case."));
        closeEveryAction(incident);
        Case closed = cases.changeStatus(incident.id(), CaseStatus.CLOSED, "Phone rules explained; no repeat.", as(dsl));

        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo("Phone rules explained; no repeat.");
    }

    @Test
    void reopeningAClosedCaseNeedsAReasonAndClearsTheOutcome() {
        Incident incident = record(RecordKind.BEHAVIOUR, false);
        closeEveryAction(incident);
        cases.changeStatus(incident.id(), CaseStatus.CLOSED, "Resolved.", as(dsl));

        assertThatThrownBy(() -> cases.changeStatus(incident.id(), CaseStatus.OPEN, "", as(dsl)))
                .isInstanceOfSatisfying(IncidentRejectedException.class, e -> assertThat(e.problems())
                        .containsExactly("The reason to reopen it must be given."));
        Case reopened = cases.changeStatus(incident.id(), CaseStatus.MONITORING, "Another pupil raised it again.", as(dsl));

        assertThat(reopened.status()).isEqualTo(CaseStatus.MONITORING);
        assertThat(reopened.outcome()).isNull();
        assertThat(cases.events(incident.id())).extracting(CaseEvent::note)
                .containsExactly("Resolved.", "Another pupil raised it again.");
    }

    /** Who tries, whether they own the case first, and whether they may change it. */
    static Stream<Arguments> changers() {
        return Stream.of(Arguments.of("dsl", false, true), Arguments.of("deputy", false, true),
                Arguments.of("head", false, false), Arguments.of("head", true, true),
                Arguments.of("teacher", false, false), Arguments.of("teacher", true, true));
    }

    @ParameterizedTest(name = "{0}, owner={1}: allowed={2}")
    @MethodSource("changers")
    void onlyTheDslsTeamAndTheCasesOwnerMayChangeABehaviourCase(String who, boolean owner, boolean allowed) {
        Authentication user = switch (who) {
            case "dsl" -> dsl;
            case "deputy" -> deputy;
            case "head" -> head;
            default -> teacher;
        };
        Incident incident = record(RecordKind.BEHAVIOUR, false);
        if (owner) {
            cases.changeOwner(incident.id(), id(user), as(dsl));
        }

        if (allowed) {
            assertThat(cases.changePriority(incident.id(), CasePriority.HIGH, as(user)).priority()).isEqualTo(CasePriority.HIGH);
        } else {
            assertThatThrownBy(() -> cases.changePriority(incident.id(), CasePriority.HIGH, as(user)))
                    .isInstanceOf(CaseChangeRefusedException.class);
            assertThat(cases.of(incident).priorityChosen()).isFalse();
            assertThat(audit.entriesFor("incident", Long.toString(incident.id()))).extracting(AuditEntry::action)
                    .contains("incident.case.change-refused");
        }
    }

    @Test
    void aChildProtectionCaseIsOwnedWithinTheDslsTeamAndAnOwnerWhoCanNoLongerReadItCannotChangeIt() {
        Incident incident = record(RecordKind.BEHAVIOUR, false);
        cases.changeOwner(incident.id(), id(head), as(dsl));
        incidents.reclassify(incident.id(), RecordKind.CHILD_PROTECTION, "A disclosure followed.", Viewer.of(dsl));

        assertThatThrownBy(() -> cases.changePriority(incident.id(), CasePriority.LOW, as(head)))
                .isInstanceOf(CaseChangeRefusedException.class);
        assertThatThrownBy(() -> cases.changeOwner(incident.id(), id(head), as(dsl)))
                .isInstanceOfSatisfying(IncidentRejectedException.class, e -> assertThat(e.getMessage())
                        .contains("cannot own this case").contains("the DSL or a deputy DSL"));
        Incident cp = incidents.load(incident.id()).orElseThrow();
        assertThat(cases.eligibleOwners(cp)).extracting(Case.Owner::username).contains("case.dsl", "case.deputy")
                .doesNotContain("case.head", "case.teacher");
        assertThat(cases.changeOwner(incident.id(), id(deputy), as(dsl)).owner().username()).isEqualTo("case.deputy");
    }

    @Test
    void anActionNamesItsOwnerWhileItIsOpen() {
        Incident incident = record(RecordKind.BEHAVIOUR, false);
        IncidentAction first = incident.actions().getFirst();

        Case kase = cases.changeActionOwner(incident.id(), first.id(), id(head), as(deputy));
        incidents.complete(incident.id(), first.id(), "Done.", "case.dsl");

        assertThat(kase.actionOwner(first.id()).username()).isEqualTo("case.head");
        assertThatThrownBy(() -> cases.changeActionOwner(incident.id(), first.id(), id(dsl), as(dsl)))
                .isInstanceOfSatisfying(IncidentRejectedException.class, e -> assertThat(e.getMessage())
                        .contains("only an open action's owner can change"));
    }

    @Test
    void aReviewDateIsNotInThePast() {
        Incident incident = record(RecordKind.BEHAVIOUR, false);

        assertThatThrownBy(() -> cases.changeReview(incident.id(), People.today().minusDays(1), as(dsl)))
                .isInstanceOfSatisfying(IncidentRejectedException.class, e -> assertThat(e.problems())
                        .containsExactly("The review date cannot be in the past."));
        assertThat(cases.changeReview(incident.id(), People.today(), as(dsl)).reviewDue(People.today())).isTrue();
    }

    @Test
    void everyChangeIsInTheAuditChainWithoutItsWordsAndInTheRecordsHistoryWithThem() {
        Incident incident = record(RecordKind.BEHAVIOUR, false);
        cases.changeOwner(incident.id(), id(dsl), as(dsl));
        cases.changePriority(incident.id(), CasePriority.HIGH, as(dsl));
        cases.changeReview(incident.id(), People.today().plusDays(7), as(dsl));
        cases.changeActionOwner(incident.id(), incident.actions().getFirst().id(), id(deputy), as(dsl));
        cases.changeStatus(incident.id(), CaseStatus.MONITORING, "Watching how the pupil settles.", as(dsl));

        List<AuditEntry> entries = audit.entriesFor("incident", Long.toString(incident.id()));
        assertThat(entries).extracting(AuditEntry::action).containsSubsequence("incident.case.owner",
                "incident.case.priority", "incident.case.review", "incident.case.action-owner", "incident.case.status");
        assertThat(entries).extracting(AuditEntry::detailJson).noneMatch(d -> d.contains("Watching how"));
        List<ChronologyEntry> shown = history.of(incidents.load(incident.id()).orElseThrow());
        assertThat(shown).extracting(ChronologyEntry::type).containsSubsequence("Incident", "Recorded", "Case owner",
                "Priority", "Review date", "Action owner", "Case status");
        assertThat(shown).filteredOn(e -> e.type().equals("Case status")).singleElement().satisfies(e -> {
            assertThat(e.summary()).endsWith("Open → Monitoring");
            assertThat(e.detail()).isEqualTo("Watching how the pupil settles.");
            assertThat(e.by()).isEqualTo("case.dsl");
        });
    }
}
