package org.lantern.server.registers.agreements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The agreements register on the database (H2 and PostgreSQL): the seeded texts, accepting online
 * and on paper with everything the register refuses, material changes and corrections, coverage
 * by audience, year group and class with starters and leavers, and the network gate's answer.
 */
@PersistenceTest
class AgreementsRegisterTest {

    @Autowired
    AgreementTexts texts;
    @Autowired
    Acceptances acceptances;
    @Autowired
    AgreementCoverage coverage;
    @Autowired
    NetworkGate gate;
    @Autowired
    People people;
    @Autowired
    AccountService accountService;
    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = SchoolTime.today();

    @Test
    void everyAudienceStartsWithLanternsOwnFirstVersion() {
        for (Audience audience : Audience.values()) {
            AgreementVersion first = texts.history(audience).getLast();
            assertThat(first.number()).isEqualTo(1);
            assertThat(first.changeKind()).isEqualTo(ChangeKind.FIRST);
            assertThat(first.createdBy()).isEqualTo(AgreementBootstrap.ACTOR);
            assertThat(first.blocks()).isNotEmpty();
        }
        assertThat(texts.history(Audience.KS1).getLast().body()).contains("the class login my teacher gives me")
                .doesNotContain("password");
        assertThat(texts.history(Audience.KS2).getLast().body()).contains("keep my own password secret",
                "tell a grown-up straight away");
        assertThat(texts.history(Audience.STAFF).getLast().body()).contains("Designated Safeguarding Lead");
    }

    @Test
    void aMemberOfStaffAcceptsOnlineOnceAndItIsAudited() {
        long person = person("STAFF", null, null, null, null);
        long account = account(person, Role.STAFF);
        assertThat(acceptances.owes(people.get(person))).isTrue();
        long auditBefore = auditEntries();

        Acceptance accepted = acceptances.acceptOwn(account, "u" + account, null);

        assertThat(accepted.method()).isEqualTo(AcceptanceMethod.ONLINE);
        assertThat(accepted.audience()).isEqualTo(Audience.STAFF);
        assertThat(accepted.signedOn()).isEqualTo(today);
        assertThat(accepted.recordedBy()).isEqualTo("u" + account);
        assertThat(acceptances.owes(people.get(person))).isFalse();
        assertThat(jdbc.sql("SELECT action FROM audit_chain WHERE sequence_number > :s AND record_type = 'agreement-acceptance' "
                        + "AND record_id = :id").param("s", auditBefore).param("id", Long.toString(accepted.id()))
                .query(String.class).list()).containsExactly("agreement.accepted");

        assertThatThrownBy(() -> acceptances.acceptOwn(account, "u" + account, null))
                .isInstanceOf(AgreementException.class).hasMessageContaining("already accepted")
                .matches(e -> ((AgreementException) e).conflict());
        assertThat(acceptances.of(person)).hasSize(1);
    }

    @Test
    void aPageShowingAnOlderVersionCannotAcceptTheNewOne() {
        long person = person("STAFF", null, null, null, null);
        long account = account(person, Role.STAFF);
        long inForce = texts.inForce(Audience.STAFF).orElseThrow().id();

        assertThatThrownBy(() -> acceptances.acceptOwn(account, "u" + account, inForce + 100_000))
                .isInstanceOf(AgreementException.class).hasMessageContaining("changed while you were reading");
        assertThat(acceptances.of(person)).isEmpty();
    }

    @Test
    void anAccountLinkedToNobodyHasNoAgreement() {
        long account = accountService.create(TestPeople.unique("nobody"), "Nobody", Role.STAFF, "test password 1", "test");
        assertThatThrownBy(() -> acceptances.acceptOwn(account, "nobody", null))
                .isInstanceOf(AgreementNotFoundException.class).hasMessageContaining("not linked");
    }

    @Test
    void aMaterialChangeAsksEveryoneAgainAndACorrectionAsksNobody() {
        long person = person("GOVERNOR", null, null, null, null);
        long account = account(person, Role.GOVERNOR);
        acceptances.acceptOwn(account, "gov", null);
        AgreementVersion current = texts.inForce(Audience.GOVERNORS).orElseThrow();

        texts.publish(Audience.GOVERNORS, current.title(), current.body() + "\n\nA typo fixed.", ChangeKind.CORRECTION,
                "Spelling.", "dsl");
        assertThat(acceptances.owes(people.get(person))).as("after a correction").isFalse();

        AgreementVersion material = texts.publish(Audience.GOVERNORS, current.title(), current.body()
                + "\n\n- I will use two-factor authentication.", ChangeKind.MATERIAL, "Two-factor added.", "dsl");
        assertThat(material.number()).isEqualTo(current.number() + 2);
        assertThat(acceptances.owes(people.get(person))).as("after a material change").isTrue();
        assertThat(texts.history(Audience.GOVERNORS)).extracting(AgreementVersion::changeKind)
                .startsWith(ChangeKind.MATERIAL, ChangeKind.CORRECTION);
    }

    static Stream<Arguments> badVersions() {
        return Stream.of(
                Arguments.of("", "text", "MATERIAL", "note", "Give the agreement a title."),
                Arguments.of("Title", " ", "MATERIAL", "note", "Write the agreement's text."),
                Arguments.of("Title", "text", null, "note", "material change (everyone signs again) or a correction"),
                Arguments.of("Title", "text", "CORRECTION", "", "Say what changed"),
                Arguments.of("x".repeat(201), "text", "MATERIAL", "note", "at most 200"));
    }

    @ParameterizedTest
    @MethodSource("badVersions")
    void aVersionMissingWhatItNeedsIsRefusedAndNothingPublished(String title, String body, String kind, String note,
                                                                String problem) {
        int before = texts.history(Audience.VISITORS).size();
        assertThatThrownBy(() -> texts.publish(Audience.VISITORS, title, body, kind == null ? null : ChangeKind.valueOf(kind),
                note, "dsl")).isInstanceOf(AgreementException.class).hasMessageContaining(problem);
        assertThat(texts.history(Audience.VISITORS)).hasSize(before);
    }

    @Test
    void scriptInAnAgreementIsKeptAsTheTextTyped() {
        AgreementVersion current = texts.inForce(Audience.VISITORS).orElseThrow();
        AgreementVersion v = texts.publish(Audience.VISITORS, "<b>Visitors</b>", "<script>alert(1)</script>\n\nSecond.",
                ChangeKind.CORRECTION, "Test.", "dsl");
        assertThat(v.title()).isEqualTo("<b>Visitors</b>");
        assertThat(v.blocks()).extracting(AgreementVersion.Block::text).containsExactly("<script>alert(1)</script>", "Second.");
        texts.publish(Audience.VISITORS, current.title(), current.body(), ChangeKind.CORRECTION, "Put back.", "dsl");
    }

    @Test
    void staffRecordAParentsPaperFormWithItsDate() {
        long pupil = person("PUPIL", "8", "8" + TestPeople.unique("").substring(0, 4), null, null);
        AgreementVersion parents = texts.inForce(Audience.PARENTS).orElseThrow();

        Acceptance a = acceptances.recordPaper(pupil, parents.id(), today, "Pat Parent", "office1");

        assertThat(a.method()).isEqualTo(AcceptanceMethod.PAPER);
        assertThat(a.signedBy()).isEqualTo("Pat Parent");
        assertThat(a.recordedBy()).isEqualTo("office1");
        assertThat(coverage.entries(today)).filteredOn(e -> e.personId() == pupil)
                .extracting(AgreementCoverage.Entry::audience, AgreementCoverage.Entry::signed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Audience.KS3, false),
                        org.assertj.core.groups.Tuple.tuple(Audience.PARENTS, true));
        assertThatThrownBy(() -> acceptances.recordPaper(pupil, parents.id(), today, "Pat Parent", "office1"))
                .isInstanceOf(AgreementException.class).hasMessageContaining("already recorded");
    }

    static Stream<Arguments> badForms() {
        return Stream.of(
                Arguments.of(Audience.STAFF, 0, "Pat", "which "),
                Arguments.of(Audience.KS4, 0, "Pat", "does not sign"),
                Arguments.of(Audience.PARENTS, 1, "Pat", "is in the future"),
                Arguments.of(Audience.PARENTS, -4000, "Pat", "before version"),
                Arguments.of(Audience.PARENTS, 0, " ", "name of the parent or carer"),
                Arguments.of(Audience.PARENTS, 0, "x".repeat(201), "at most 200"));
    }

    @ParameterizedTest(name = "{0} dated today{1}: {3}")
    @MethodSource("badForms")
    void aPaperFormThatCannotBeRightIsRefusedAndNothingRecorded(Audience audience, int days, String signedBy,
                                                                String problem) {
        long pupil = person("PUPIL", "7", null, null, null);
        long before = count();
        long version = texts.inForce(audience).orElseThrow().id();

        assertThatThrownBy(() -> acceptances.recordPaper(pupil, version, today.plusDays(days), signedBy, "office1"))
                .isInstanceOf(AgreementException.class).hasMessageContaining(problem);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFormForSomeoneOrAVersionThatDoesNotExistIsNotFound() {
        long pupil = person("PUPIL", "7", null, null, null);
        long version = texts.inForce(Audience.PARENTS).orElseThrow().id();
        assertThatThrownBy(() -> acceptances.recordPaper(999_999_999L, version, today, "Pat", "office1"))
                .isInstanceOf(AgreementNotFoundException.class);
        assertThatThrownBy(() -> acceptances.recordPaper(pupil, 999_999_999L, today, "Pat", "office1"))
                .isInstanceOf(AgreementNotFoundException.class);
    }

    @Test
    void coverageCountsByClassWithStartersFromTheirFirstDayAndLeaversUntilTheirLastDay() {
        String klass = "C" + TestPeople.unique("").substring(0, 6);
        long signed = person("PUPIL", "10", klass, null, null);
        long unsigned = person("PUPIL", "10", klass, null, null);
        long starter = person("PUPIL", "10", klass, today, null);
        person("PUPIL", "10", klass, today.plusDays(1), null);
        person("PUPIL", "10", klass, null, today);
        AgreementVersion ks4 = texts.inForce(Audience.KS4).orElseThrow();
        acceptances.recordPaper(signed, ks4.id(), today, "", "office1");

        AgreementCoverage.Count byClass = coverage.coverage(today).stream().filter(c -> c.audience() == Audience.KS4)
                .findFirst().orElseThrow().byClass().stream().filter(c -> c.label().equals(klass)).findFirst().orElseThrow();

        assertThat(byClass.total()).isEqualTo(3);
        assertThat(byClass.signed()).isEqualTo(1);
        assertThat(coverage.unsigned(today, Audience.KS4, null, klass)).extracting(AgreementCoverage.Entry::personId)
                .containsExactlyInAnyOrder(unsigned, starter);
        assertThat(coverage.unsigned(today, Audience.PARENTS, null, klass)).hasSize(3);
    }

    @ParameterizedTest(name = "year {0} signs the {1} agreement")
    @CsvSource({"R, KS1", "1, KS1", "2, KS1", "3, KS2", "4, KS2", "5, KS2", "6, KS2", "7, KS3"})
    void primaryPupilsAreCountedUnderTheirKeyStagesAgreementAndSignNoOther(String year, Audience audience) {
        String klass = "P" + TestPeople.unique("").substring(0, 6);
        long pupil = person("PUPIL", year, klass, null, null);
        Audience other = audience == Audience.KS1 ? Audience.KS2 : Audience.KS1;

        assertThat(coverage.unsigned(today, null, null, klass)).extracting(AgreementCoverage.Entry::audience)
                .containsExactly(audience, Audience.PARENTS);
        assertThatThrownBy(() -> acceptances.recordPaper(pupil, texts.inForce(other).orElseThrow().id(), today, "",
                "office1")).isInstanceOf(AgreementException.class).hasMessageContaining("does not sign");
        acceptances.recordPaper(pupil, texts.inForce(audience).orElseThrow().id(), today, "", "office1");

        AgreementCoverage.AudienceCoverage counted = coverage.coverage(today).stream()
                .filter(c -> c.audience() == audience).findFirst().orElseThrow();
        assertThat(counted.byClass()).filteredOn(c -> c.label().equals(klass))
                .extracting(AgreementCoverage.Count::signed, AgreementCoverage.Count::total)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1));
        assertThat(coverage.coverage(today).stream().filter(c -> c.audience() == other).findFirst().orElseThrow()
                .byClass()).noneMatch(c -> c.label().equals(klass));
        assertThat(coverage.unsigned(today, null, null, klass)).extracting(AgreementCoverage.Entry::audience)
                .containsExactly(Audience.PARENTS);
    }

    @Test
    void theGateHoldsSomeoneWhoOwesTheirAgreementOnlyInGroupsItIsOnFor() {
        long person = person("STAFF", null, null, null, null);
        long account = account(person, Role.STAFF);
        gate.set(Set.of(), "test");
        assertThat(gate.heldInGroups(people.get(person))).isEmpty();

        String group = gate.settings().getFirst().id();
        gate.set(Set.of(group), "test");
        try {
            assertThat(gate.heldInGroups(people.get(person))).containsExactly(group);
            acceptances.acceptOwn(account, "staff", null);
            assertThat(gate.heldInGroups(people.get(person))).isEmpty();
            assertThatThrownBy(() -> gate.set(Set.of("no-such-group"), "test")).isInstanceOf(AgreementException.class);
            assertThat(gate.groupsOn()).containsExactly(group);
        } finally {
            gate.set(Set.of(), "test");
        }
    }

    private long person(String kind, String year, String klass, LocalDate start, LocalDate leaving) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, year_group, registration_class, start_date, "
                        + "leaving_date, created_at, updated_at) VALUES (:kind, 'Agnes', :last, :year, :klass, :start, "
                        + ":leaving, :now, :now)")
                .param("kind", kind).param("last", TestPeople.unique("Register")).param("year", year)
                .param("klass", klass).param("start", start).param("leaving", leaving).param("now", now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private long account(long person, Role role) {
        long account = accountService.create(TestPeople.unique("agree"), "Agreement Tester", role, "test password 1", "test");
        people.linkAccount(person, account);
        return account;
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM agreement_acceptance").query(Long.class).single();
    }

    private long auditEntries() {
        return jdbc.sql("SELECT COALESCE(MAX(sequence_number), 0) FROM audit_chain").query(Long.class).single();
    }
}
