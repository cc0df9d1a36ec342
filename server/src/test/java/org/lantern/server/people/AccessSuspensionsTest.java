package org.lantern.server.people;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.policy.Sanctions;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentAction;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantern.server.people.PeopleTables.csv;

/**
 * Completing an incident's "removal of network / internet access rights" action (seed 002, pupil
 * Actions / Sanctions table) suspends the subjects' access until someone allowed restores it.
 */
@PersistenceTest
class AccessSuspensionsTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    AccessSuspensions suspensions;
    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    AuditChain audit;
    @Autowired
    StartersAndLeavers job;
    @Autowired
    JdbcClient jdbc;

    private long ann;
    private long bea;
    private Viewer dsl;

    @BeforeEach
    void twoPupilsWithInternetAccess() {
        PeopleTables.clear(jdbc);
        importer.apply(csv("UPN,Legal Surname,Legal Forename,Year,Proxy Username",
                "B801200005001,Smith,Ann,8,asmith", "Q370400821001,Jones,Bea,8,bjones"), "roll.csv", false, false, "admin");
        ann = people.findByProxyUsername("asmith").orElseThrow().id();
        bea = people.findByProxyUsername("bjones").orElseThrow().id();
        String username = "dsl." + UUID.randomUUID().toString().substring(0, 8);
        dsl = new Viewer(PeopleTables.insertAccount(jdbc, username), username, true);
    }

    /** Records a proxy-site incident about the pupils; its row ticks removal of network access. */
    private Incident proxySites(long... pupils) {
        return incidents.record(new NewIncident(SubjectType.PUPIL, "using-proxy-sites",
                Arrays.stream(pupils).boxed().toList(), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1),
                "IT suite", "Used a proxy site to reach games.", null, List.of()), dsl);
    }

    private static IncidentAction action(Incident incident, String columnId) {
        return incident.actions().stream().filter(a -> a.columnId().equals(columnId)).findFirst().orElseThrow();
    }

    /** Completes the removal for every misuser: each has an action of their own. */
    private Incident completeRemoval(Incident incident) {
        Incident done = incident;
        for (IncidentAction removal : incident.actions().stream()
                .filter(a -> a.columnId().equals(Sanctions.REMOVE_NETWORK_ACCESS)).toList()) {
            done = incidents.complete(incident.id(), removal.id(), "Access removed for two weeks", dsl.username());
        }
        return done;
    }

    @Test
    void completingRemovalOfNetworkAccessSuspendsEverySubject() {
        Incident incident = proxySites(ann, bea);

        completeRemoval(incident);

        for (long pupil : new long[] {ann, bea}) {
            assertThat(people.get(pupil).internetAccess()).isFalse();
            assertThat(suspensions.inForce(pupil)).singleElement().satisfies(s -> {
                assertThat(s.incidentId()).isEqualTo(incident.id());
                assertThat(s.suspendedBy()).isEqualTo(dsl.username());
                assertThat(s.hadAccess()).isTrue();
            });
        }
    }

    @Test
    void theRegisterRecordsTheRemovalWithTheIncident() {
        Incident incident = proxySites(ann);

        completeRemoval(incident);

        assertThat(people.accessHistory(ann).getFirst()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccessAction.REMOVED);
            assertThat(e.actor()).isEqualTo(dsl.username());
            assertThat(e.incidentId()).isEqualTo(incident.id());
            assertThat(e.reason()).contains("incident " + incident.id());
        });
    }

    @Test
    void theSuspensionIsAppendedToTheAuditChain() {
        Incident incident = proxySites(ann);

        completeRemoval(incident);

        assertThat(audit.entriesFor("person", Long.toString(ann))).extracting(AuditEntry::action)
                .containsExactly("person.access.suspended");
        assertThat(audit.entriesFor("person", Long.toString(ann)).getFirst().detailJson())
                .contains("\"incidentId\":" + incident.id());
    }

    @Test
    void completingAnotherActionSuspendsNoOne() {
        Incident incident = proxySites(ann);

        incidents.complete(incident.id(), action(incident, "inform-parents").id(), "Phoned home", dsl.username());

        assertThat(people.get(ann).internetAccess()).isTrue();
        assertThat(suspensions.inForce(ann)).isEmpty();
    }

    @Test
    void anOrdinaryGrantIsRefusedWhileSuspendedAndSaysWhoMayRestore() {
        Incident incident = proxySites(ann);
        completeRemoval(incident);

        assertThatThrownBy(() -> people.grantAccess(ann, "admin", "thought it was a mistake"))
                .isInstanceOf(AccessSuspendedException.class)
                .hasMessageContaining("incident " + incident.id())
                .hasMessageContaining(AccessSuspensions.whoMayRestore());
        assertThat(people.get(ann).internetAccess()).isFalse();
    }

    @Test
    void onlyTheRolesWithTheRestorePermissionAreNamed() {
        assertThat(AccessSuspensions.whoMayRestore()).isEqualTo("Administrator / network manager, "
                + "Designated Safeguarding Lead, Deputy Designated Safeguarding Lead or Headteacher / senior leadership");
    }

    @Test
    void restoringWithoutAReasonIsRefusedAndChangesNothing() {
        completeRemoval(proxySites(ann));

        assertThatThrownBy(() -> suspensions.restore(ann, "dsl", " "))
                .isInstanceOf(AccessRestoreException.class).hasMessageContaining("Say why");
        assertThat(suspensions.inForce(ann)).hasSize(1);
        assertThat(people.get(ann).internetAccess()).isFalse();
    }

    @Test
    void restoringEndsTheSuspensionAndGivesAccessBackWithTheReason() {
        Incident incident = proxySites(ann);
        completeRemoval(incident);

        assertThat(suspensions.restore(ann, "head", "two weeks served")).isEqualTo(AccessSuspensions.Restored.ACCESS_GIVEN_BACK);

        assertThat(people.get(ann).internetAccess()).isTrue();
        assertThat(suspensions.inForce(ann)).isEmpty();
        assertThat(suspensions.all(ann)).singleElement().satisfies(s -> {
            assertThat(s.restoredBy()).isEqualTo("head");
            assertThat(s.restoreReason()).isEqualTo("two weeks served");
            assertThat(s.restoredAt()).isNotNull();
        });
        assertThat(people.accessHistory(ann).getFirst()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccessAction.GRANTED);
            assertThat(e.actor()).isEqualTo("head");
            assertThat(e.incidentId()).isEqualTo(incident.id());
            assertThat(e.reason()).contains("two weeks served");
        });
    }

    @Test
    void theRestoreIsAppendedToTheAuditChain() {
        completeRemoval(proxySites(ann));

        suspensions.restore(ann, "head", "two weeks served");

        assertThat(audit.entriesFor("person", Long.toString(ann))).extracting(AuditEntry::action)
                .containsExactly("person.access.suspended", "person.access.restored");
    }

    @Test
    void restoringALeaverEndsTheSuspensionButGivesNoAccessBack() {
        completeRemoval(proxySites(ann));
        jdbc.sql("UPDATE person SET leaving_date = :day WHERE id = :id").param("day", People.today())
                .param("id", ann).update();

        assertThat(suspensions.restore(ann, "dsl", "sanction over")).isEqualTo(AccessSuspensions.Restored.SUSPENSION_LIFTED);

        assertThat(people.get(ann).internetAccess()).isFalse();
        assertThat(suspensions.inForce(ann)).isEmpty();
    }

    @Test
    void restoringSomeoneWhoHadNoAccessBeforeLeavesItOff() {
        people.removeAccess(ann, "admin", "parents withdrew consent");
        completeRemoval(proxySites(ann));

        assertThat(suspensions.restore(ann, "dsl", "sanction over")).isEqualTo(AccessSuspensions.Restored.SUSPENSION_LIFTED);

        assertThat(people.get(ann).internetAccess()).isFalse();
    }

    @Test
    void aStarterSuspendedBeforeTheirStartDateIsNotGrantedAccessWhileSuspended() {
        LocalDate start = People.today().plusDays(3);
        importer.apply(csv("Type,Adno,Legal Surname,Legal Forename,Year,Start Date,Proxy Username",
                "Pupil,ST1,Starter,Sol,8," + start + ",sstarter"), "starters.csv", false, false, "admin");
        long sol = people.findByProxyUsername("sstarter").orElseThrow().id();
        completeRemoval(proxySites(sol));

        assertThat(job.processDue(start).granted()).isZero();

        assertThat(people.get(sol).internetAccess()).isFalse();
    }

    @Test
    void restoringSomeoneNotSuspendedChangesNothing() {
        assertThat(suspensions.restore(ann, "dsl", "just in case")).isEqualTo(AccessSuspensions.Restored.NOTHING_SUSPENDED);

        assertThat(audit.entriesFor("person", Long.toString(ann))).isEmpty();
    }
}
