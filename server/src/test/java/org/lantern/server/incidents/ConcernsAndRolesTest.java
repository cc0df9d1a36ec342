package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.policy.Sanctions;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.audit.AuditEntry;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.people.AccessSuspensions;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantern.server.incidents.NewIncident.Involved;

/**
 * Concerns about a child apart from misuse: people in roles, a concern's steps for the record and
 * for each child at risk, sanctions only ever for a misuser, escalation and suspension by misusers
 * alone, and moving a record between the files.
 */
@PersistenceTest
class ConcernsAndRolesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
    /** The columns of the pupil sanctions table: none may ever concern a child at risk. */
    private static final List<String> SANCTION_COLUMNS = List.of("record-on-cpoms", "refer-to-headteacher",
            "refer-to-technical-support", "inform-parents", Sanctions.REMOVE_NETWORK_ACCESS, "targeted-support",
            "further-sanction");

    @Autowired
    IncidentService incidents;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditChain audit;
    @Autowired
    People people;
    @Autowired
    AccessSuspensions suspensions;

    Authentication teacher;
    Authentication dsl;
    long victim;
    long bully;
    long witness;

    @BeforeEach
    void setUp() {
        teacher = TestUsers.signedIn(accountService, accounts, "roles.teacher", Role.STAFF);
        dsl = TestUsers.signedIn(accountService, accounts, "roles.dsl", Role.DSL);
        victim = TestPeople.pupil(jdbc, "Vic", TestPeople.unique("Roles"));
        bully = TestPeople.pupil(jdbc, "Bo", TestPeople.unique("Roles"));
        witness = TestPeople.pupil(jdbc, "Wes", TestPeople.unique("Roles"));
        jdbc.sql("UPDATE person SET internet_access = TRUE WHERE id IN (:ids)").param("ids", List.of(victim, bully)).update();
    }

    private static NewIncident concern(String concern, String sanction, List<Involved> people, RecordKind kind) {
        return new NewIncident(IncidentType.CONCERN, null, concern, sanction, people, NOW, "Playground",
                "Told me at break.", "He keeps messaging me.", List.of(), kind, false);
    }

    private Incident bullying() {
        return incidents.record(concern("child-on-child-abuse", "offensive-messages", List.of(
                new Involved(victim, PersonRole.AT_RISK), new Involved(bully, PersonRole.MISUSER),
                new Involved(witness, PersonRole.WITNESS)), RecordKind.BEHAVIOUR), Viewer.of(teacher));
    }

    @Test
    void aDisclosureOfGroomingBringsSupportAndReferralsAndNoSanction() {
        Incident grooming = incidents.record(concern("grooming", null, List.of(new Involved(victim, PersonRole.AT_RISK)),
                RecordKind.CHILD_PROTECTION), Viewer.of(teacher));

        assertThat(grooming.type()).isEqualTo(IncidentType.CONCERN);
        assertThat(grooming.people(PersonRole.AT_RISK)).extracting(Incident.Subject::personId).containsExactly(victim);
        assertThat(grooming.actions()).extracting(IncidentAction::columnId).containsExactly("refer-to-dsl",
                "preserve-evidence", "refer-to-police", "refer-to-childrens-social-care", "inform-parents", "support-plan");
        assertThat(grooming.actionsFor(null)).hasSize(4);
        assertThat(grooming.actionsFor(victim)).extracting(IncidentAction::columnId)
                .containsExactly("inform-parents", "support-plan");
        assertThat(grooming.actions()).extracting(IncidentAction::columnText)
                .noneMatch(t -> t.contains("Removal of network") || t.contains("Record incident"));
        assertThat(grooming.misuserIds()).isEmpty();
    }

    @Test
    void bullyingSupportsTheChildBulliedAndAppliesTheSanctionsRowToTheChildWhoBullied() {
        Incident incident = bullying();

        assertThat(incident.sanctionId()).isEqualTo("offensive-messages");
        assertThat(incident.actionsFor(bully)).extracting(IncidentAction::columnId).containsExactly("record-on-cpoms",
                "refer-to-dsl", "inform-parents", Sanctions.REMOVE_NETWORK_ACCESS);
        assertThat(incident.actionsFor(victim)).extracting(IncidentAction::columnId)
                .containsExactly("inform-parents", "support-plan");
        assertThat(incident.actionsFor(victim)).extracting(IncidentAction::columnText)
                .allSatisfy(t -> assertThat(t).doesNotContain("Inform parents / carers"));
        assertThat(incident.actionsFor(witness)).isEmpty();
        assertThat(incident.actions()).filteredOn(a -> a.personId() != null).allSatisfy(a ->
                assertThat(a.personName()).isIn(people.get(victim).displayName(), people.get(bully).displayName()));
    }

    @Test
    void removingInternetAccessOnABullyingRecordSuspendsTheMisuserAndNeverTheChildAtRisk() {
        Incident incident = bullying();
        IncidentAction removal = incident.actionsFor(bully).stream()
                .filter(a -> a.columnId().equals(Sanctions.REMOVE_NETWORK_ACCESS)).findFirst().orElseThrow();

        incidents.complete(incident.id(), removal.id(), "Removed for a week.", "roles.dsl");

        assertThat(suspensions.inForce(bully)).hasSize(1);
        assertThat(suspensions.inForce(victim)).isEmpty();
        assertThat(people.get(victim).internetAccess()).isTrue();
    }

    @Test
    void aSanctionCannotBeAddedForAChildAtRisk() {
        Incident incident = bullying();

        assertThatThrownBy(() -> incidents.addAction(incident.id(), Sanctions.REMOVE_NETWORK_ACCESS, victim, "No.", "roles.dsl"))
                .isInstanceOf(IncidentRejectedException.class).hasMessageContaining("only to a misuser");
        Incident added = incidents.addAction(incident.id(), "report-to-platform", victim, "Reported the posts.", "roles.dsl");
        assertThat(added.actionsFor(victim)).extracting(IncidentAction::columnId).contains("report-to-platform");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MISUSE  | social-media-misuse  |                    | AT_RISK,MISUSER | A child at risk makes this a concern",
            "CONCERN | grooming             |                    | MISUSER         | add the child at risk",
            "CONCERN | grooming             | offensive-messages | AT_RISK         | A sanction applies only to a misuser",
            "CONCERN | not-a-concern        |                    | AT_RISK         | Choose a concern from the school's safeguarding list",
            "CONCERN | grooming             | not-a-row          | AT_RISK,MISUSER | Choose the misuser's sanction",
            "MISUSE  | social-media-misuse  | offensive-messages | MISUSER         | leave the separate sanction out"})
    void recordsThatWouldTreatAChildWronglyAreRefusedAndNothingIsStored(IncidentType type, String category,
                                                                        String sanction, String roles, String problem) {
        long before = jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single();
        List<Involved> involved = List.of(roles.split(",")).stream().map(r -> new Involved(
                r.equals("AT_RISK") ? victim : bully, PersonRole.valueOf(r))).toList();

        assertThatThrownBy(() -> incidents.record(new NewIncident(type, null, category, sanction, involved, NOW, null,
                "x", null, List.of(), RecordKind.BEHAVIOUR, false), Viewer.of(teacher)))
                .isInstanceOf(IncidentRejectedException.class).hasMessageContaining(problem);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void oneChildCannotBeBothAtRiskAndTheMisuserNorIsAMemberOfStaffAtRisk() {
        long staff = TestPeople.person(jdbc, "STAFF", "Sam", TestPeople.unique("Roles"));

        assertThatThrownBy(() -> incidents.record(concern("cyberbullying", null, List.of(
                new Involved(victim, PersonRole.AT_RISK), new Involved(victim, PersonRole.MISUSER),
                new Involved(staff, PersonRole.AT_RISK)), RecordKind.BEHAVIOUR), Viewer.of(teacher)))
                .isInstanceOf(IncidentRejectedException.class)
                .hasMessageContaining("cannot be both at risk and the misuser")
                .hasMessageContaining("is not a pupil: a child at risk is a pupil");
    }

    @Test
    void theChoiceOfFileIsRequiredAndSoIsTheChoiceOfKind() {
        assertThatThrownBy(() -> incidents.record(new NewIncident(null, null, "grooming", null,
                List.of(new Involved(victim, PersonRole.AT_RISK)), NOW, null, "x", null, List.of(), null, false),
                Viewer.of(teacher)))
                .isInstanceOf(IncidentRejectedException.class)
                .hasMessageContaining("Choose whether this is a concern about a child or misuse")
                .hasMessageContaining("Choose child protection or behaviour");
    }

    @Test
    void onlyMisusersCountForContinuedInfringements() {
        bullying();
        Incident victimsLaterMisuse = incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse",
                List.of(victim), NOW.plusMinutes(10), null, "Phone in lesson.", null, List.of()), Viewer.of(teacher));
        Incident bullysLaterMisuse = incidents.record(new NewIncident(SubjectType.PUPIL, "mobile-device-misuse",
                List.of(bully), NOW.plusMinutes(20), null, "Phone in lesson.", null, List.of()), Viewer.of(teacher));
        Incident laterConcernForTheBully = incidents.record(concern("mental-health", null,
                List.of(new Involved(bully, PersonRole.AT_RISK)), RecordKind.BEHAVIOUR), Viewer.of(teacher));

        assertThat(victimsLaterMisuse.escalated()).isFalse();
        assertThat(bullysLaterMisuse.escalated()).isTrue();
        assertThat(bullysLaterMisuse.actionsFor(bully)).extracting(IncidentAction::addedReason)
                .anySatisfy(r -> assertThat(r).contains("Continued infringement"));
        assertThat(laterConcernForTheBully.escalated()).isFalse();
    }

    @Test
    void anyoneMayRaiseARecordToChildProtectionButOnlyTheDslMayLowerItWithAReason() {
        Incident incident = bullying();

        Incident raised = incidents.reclassify(incident.id(), RecordKind.CHILD_PROTECTION, null, Viewer.of(teacher));
        assertThat(raised.recordKind()).isEqualTo(RecordKind.CHILD_PROTECTION);
        assertThatThrownBy(() -> incidents.reclassify(incident.id(), RecordKind.BEHAVIOUR, "Not welfare.", Viewer.of(teacher)))
                .isInstanceOf(IncidentRejectedException.class).hasMessageContaining("Only the DSL or a deputy");
        assertThatThrownBy(() -> incidents.reclassify(incident.id(), RecordKind.BEHAVIOUR, " ", Viewer.of(dsl)))
                .isInstanceOf(IncidentRejectedException.class).hasMessageContaining("The reason must be given");
        Incident lowered = incidents.reclassify(incident.id(), RecordKind.BEHAVIOUR, "Not a welfare matter.", Viewer.of(dsl));

        assertThat(lowered.recordKind()).isEqualTo(RecordKind.BEHAVIOUR);
        List<AuditEntry> entries = audit.entriesFor("incident", Long.toString(incident.id()));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("incident.recorded", "incident.reclassified",
                "incident.reclassified");
        assertThat(entries.get(1).actor()).isEqualTo("roles.teacher");
        assertThat(entries.get(1).detailJson()).contains("\"direction\":\"raised\"");
        assertThat(entries.get(2).actor()).isEqualTo("roles.dsl");
        assertThat(entries.get(2).detailJson()).contains("\"direction\":\"lowered\"",
                IncidentService.sha256("Not a welfare matter."));
    }
}
