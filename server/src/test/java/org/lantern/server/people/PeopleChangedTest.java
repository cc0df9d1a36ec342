package org.lantern.server.people;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.server.people.PeopleTables.csv;

/** Every change of a fact the filter uses about a person is announced with that person's id. */
@PersistenceTest
@RecordApplicationEvents
class PeopleChangedTest {

    private static final String HEADER = "UPN,Legal Surname,Legal Forename,Year,Leaving Date,Proxy Username";

    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    StartersAndLeavers job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    private long ann;

    @BeforeEach
    void onePupil() {
        PeopleTables.clear(jdbc);
        importer.apply(csv(HEADER, "B801200005001,Smith,Ann,8,,asmith"), "roll.csv", false, false, "admin");
        ann = people.findByProxyUsername("asmith").orElseThrow().id();
        events.clear();
    }

    private Set<Long> announced() {
        return events.stream(PeopleChanged.class).flatMap(e -> e.personIds().stream()).collect(Collectors.toSet());
    }

    @Test
    void anImportAnnouncesEveryoneItAddsOrChanges() {
        importer.apply(csv(HEADER, "B801200005001,Smith,Ann,9,,asmith", "Q370400821001,Jones,Bea,5,,bjones"),
                "roll.csv", false, false, "admin");

        long bea = people.findByProxyUsername("bjones").orElseThrow().id();
        assertThat(announced()).contains(ann, bea);
    }

    @Test
    void anImportThatChangesNoOneAnnouncesNothing() {
        importer.apply(csv(HEADER, "B801200005001,Smith,Ann,8,,asmith"), "roll.csv", false, false, "admin");

        assertThat(events.stream(PeopleChanged.class)).isEmpty();
    }

    @Test
    void aLeaverProcessedByTheDailyJobIsAnnounced() {
        jdbc.sql("UPDATE person SET leaving_date = :day WHERE id = :id").param("day", People.today())
                .param("id", ann).update();

        job.processDue(People.today());

        assertThat(announced()).containsExactly(ann);
    }

    @Test
    void removingAndGrantingInternetAccessAreAnnounced() {
        people.removeAccess(ann, "admin", "misuse");
        people.grantAccess(ann, "admin", "agreed with parents");

        assertThat(events.stream(PeopleChanged.class)).hasSize(2).allSatisfy(e -> assertThat(e.personIds()).containsExactly(ann));
    }

    @Test
    void anAccessChangeThatChangesNothingIsNotAnnounced() {
        people.grantAccess(ann, "admin", "already granted");

        assertThat(events.stream(PeopleChanged.class)).isEmpty();
    }

    @Test
    void addingAndRemovingANetworkIdentityAreAnnounced() {
        people.addIdentity(ann, NetworkIdentityType.DEVICE_IP, "10.9.8.7");
        people.removeIdentity(ann, NetworkIdentityType.DEVICE_IP, "10.9.8.7");

        assertThat(events.stream(PeopleChanged.class)).hasSize(2).allSatisfy(e -> assertThat(e.personIds()).containsExactly(ann));
    }
}
