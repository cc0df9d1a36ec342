package org.lantern.server.people;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.audit.AuditChain;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantern.server.people.PeopleTables.count;
import static org.lantern.server.people.PeopleTables.csv;

/** Explicit membership of policy groups under the Astley Park preset (seed 002), whose nominated-staff group is the DSL's choice. */
@PersistenceTest
@RecordApplicationEvents
class GroupMembershipsTest {

    @Autowired
    GroupMemberships memberships;
    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    AuditChain audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    private Person sam;
    private Person ann;

    @BeforeEach
    void aMemberOfStaffAndAPupil() {
        PeopleTables.clear(jdbc);
        importer.apply(csv("Type,UPN,Legal Surname,Legal Forename,Year,Staff Code,Proxy Username",
                "Staff,,Staff,Sam,,SST,sstaff",
                "Pupil,B801200005001,Smith,Ann,8,,asmith"), "roll.csv", false, false, "admin");
        sam = people.findByProxyUsername("sstaff").orElseThrow();
        ann = people.findByProxyUsername("asmith").orElseThrow();
        events.clear();
    }

    @Test
    void aMemberOfStaffIsNominatedWithWhoWhenAndWhy() {
        GroupMembership added = memberships.add(sam.id(), "nominated-staff", "dsl", "runs the school's social media");

        assertThat(added.groupId()).isEqualTo("nominated-staff");
        assertThat(added.addedBy()).isEqualTo("dsl");
        assertThat(added.reason()).isEqualTo("runs the school's social media");
        assertThat(added.addedAt()).isNotNull();
        assertThat(memberships.history(sam.id())).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo("ADDED");
            assertThat(c.actor()).isEqualTo("dsl");
            assertThat(c.reason()).isEqualTo("runs the school's social media");
        });
    }

    @Test
    void aNominationIsAppendedToTheAuditChain() {
        memberships.add(sam.id(), "nominated-staff", "dsl", "runs the school's social media");

        assertThat(audit.entriesFor("person", Long.toString(sam.id()))).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("person.group.added");
            assertThat(e.actor()).isEqualTo("dsl");
            assertThat(e.detailJson()).contains("nominated-staff", "runs the school's social media");
        });
    }

    @Test
    void aNominatedMemberOfStaffIsJudgedAsTheNominatedGroupAndTheReasonSaysWho() {
        memberships.add(sam.id(), "nominated-staff", "dsl", "runs the school's social media");

        GroupChoice choice = memberships.choice(sam);

        assertThat(choice.groupId()).isEqualTo("nominated-staff");
        assertThat(choice.reason()).startsWith("added to Nominated staff by dsl on ");
    }

    @Test
    void aMemberOfStaffWithoutAMembershipIsJudgedAsThePolicysFirstStaffGroup() {
        assertThat(memberships.choice(sam)).isEqualTo(new GroupChoice("staff", "staff, in the policy's first staff group"));
    }

    @Test
    void aGroupThePolicyDoesNotHaveIsRefusedAndNothingChanges() {
        assertThatThrownBy(() -> memberships.add(sam.id(), "super-users", "dsl", "why not"))
                .isInstanceOf(GroupMembershipException.class).hasMessage("The policy in force has no group \"super-users\".");

        assertThat(count(jdbc, "person_group")).isZero();
        assertThat(count(jdbc, "person_group_change")).isZero();
    }

    @Test
    void aPupilCannotBeNominatedToAStaffGroup() {
        assertThatThrownBy(() -> memberships.add(ann.id(), "nominated-staff", "dsl", "asked nicely"))
                .isInstanceOf(GroupMembershipException.class)
                .hasMessage("Nominated staff is a group for staff; Ann Smith is a pupil.");

        assertThat(memberships.of(ann.id())).isEmpty();
    }

    @Test
    void aNominationWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> memberships.add(sam.id(), "nominated-staff", "dsl", "  "))
                .isInstanceOf(GroupMembershipException.class).hasMessageContaining("Say why");

        assertThat(memberships.of(sam.id())).isEmpty();
    }

    @Test
    void theSameGroupCannotBeAddedTwice() {
        memberships.add(sam.id(), "nominated-staff", "dsl", "first");

        assertThatThrownBy(() -> memberships.add(sam.id(), "nominated-staff", "dsl", "again"))
                .isInstanceOf(GroupMembershipException.class).hasMessage("Sam Staff is already in Nominated staff.");
    }

    @Test
    void removingAMembershipIsLoggedAuditedAndTheDefaultGroupAppliesAgain() {
        memberships.add(sam.id(), "nominated-staff", "dsl", "runs the school's social media");

        assertThat(memberships.remove(sam.id(), "nominated-staff", "head", "no longer runs it")).isTrue();

        assertThat(memberships.of(sam.id())).isEmpty();
        assertThat(memberships.choice(sam).groupId()).isEqualTo("staff");
        assertThat(memberships.history(sam.id()).getFirst()).satisfies(c -> {
            assertThat(c.action()).isEqualTo("REMOVED");
            assertThat(c.actor()).isEqualTo("head");
            assertThat(c.reason()).isEqualTo("no longer runs it");
        });
        assertThat(audit.entriesFor("person", Long.toString(sam.id()))).extracting(e -> e.action())
                .containsExactly("person.group.added", "person.group.removed");
    }

    @Test
    void removingAGroupThePersonIsNotInChangesNothing() {
        assertThat(memberships.remove(sam.id(), "nominated-staff", "dsl", "tidy up")).isFalse();

        assertThat(count(jdbc, "person_group_change")).isZero();
    }

    @Test
    void aMembershipOfAGroupThePolicyNoLongerHasIsShownStaleAndIgnored() {
        jdbc.sql("INSERT INTO person_group (person_id, group_id, added_by, added_at, reason) "
                        + "VALUES (:id, 'digital-leaders-2019', 'dsl', :now, 'a group of an older policy')")
                .param("id", sam.id()).param("now", People.now()).update();

        assertThat(memberships.listed(sam)).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(GroupMembership.Status.GROUP_GONE);
            assertThat(l.groupName()).isEqualTo("digital-leaders-2019");
        });
        GroupChoice choice = memberships.choice(sam);
        assertThat(choice.groupId()).isEqualTo("staff");
        assertThat(choice.reason()).contains("membership of digital-leaders-2019 ignored: the policy in force has no such group");
    }

    @Test
    void addingAndRemovingAMembershipEachAnnounceTheChangedPerson() {
        memberships.add(sam.id(), "nominated-staff", "dsl", "runs the school's social media");
        memberships.remove(sam.id(), "nominated-staff", "dsl", "no longer");

        assertThat(events.stream(PeopleChanged.class)).hasSize(2)
                .allSatisfy(e -> assertThat(e.personIds()).containsExactly(sam.id()));
    }
}
