package org.lantern.server.people;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.server.people.PeopleTables.csv;

@PersistenceTest
class StartersAndLeaversTest {

    private static final String HEADER = "UPN,Legal Surname,Legal Forename,Year,Start Date,Leaving Date,Proxy Username";

    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    StartersAndLeavers job;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyDirectory() {
        PeopleTables.clear(jdbc);
    }

    private Person importAnn(String startDate, String leavingDate) {
        importer.apply(csv(HEADER, "B801200005001,Smith,Ann,13," + startDate + "," + leavingDate + ",asmith"),
                "roll.csv", false, false, "admin");
        return people.findByProxyUsername("asmith").orElseThrow();
    }

    @Test
    void aStarterWhoseStartDateHasArrivedIsGrantedAccessByTheSystem() {
        Person ann = importAnn("2020-09-01", "");

        assertThat(ann.internetAccess()).isTrue();
        assertThat(people.accessHistory(ann.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccessAction.GRANTED);
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.reason()).isEqualTo("started on 2020-09-01");
        });
    }

    @Test
    void aStarterIsNotGrantedAccessBeforeTheirStartDate() {
        LocalDate start = People.today().plusDays(10);
        Person ann = importAnn(start.toString(), "");

        assertThat(ann.internetAccess()).isFalse();
        job.processDue(start.minusDays(1));
        assertThat(people.get(ann.id()).internetAccess()).isFalse();
        job.processDue(start);
        assertThat(people.get(ann.id()).internetAccess()).isTrue();
    }

    @Test
    void aLeaverLosesInternetAccessWithARegisterEntryBySystem() {
        Person ann = importAnn("2020-09-01", "");

        importAnn("2020-09-01", "18/07/2025");

        assertThat(people.get(ann.id()).internetAccess()).isFalse();
        assertThat(people.accessHistory(ann.id()).getFirst()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccessAction.REMOVED);
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.reason()).isEqualTo("left on 2025-07-18");
        });
    }

    @Test
    void aLeaversLoginAccountIsDisabled() {
        Person ann = importAnn("2020-09-01", "");
        long account = PeopleTables.insertAccount(jdbc, "ann.smith." + System.nanoTime());
        people.linkAccount(ann.id(), account);

        importAnn("2020-09-01", "18/07/2025");

        assertThat(PeopleTables.accountEnabled(jdbc, account)).isFalse();
    }

    @Test
    void aLeaverIsProcessedOnlyOnce() {
        Person ann = importAnn("2020-09-01", "");
        importAnn("2020-09-01", "18/07/2025");

        StartersAndLeavers.Outcome again = job.processDue(People.today());

        assertThat(again).isEqualTo(new StartersAndLeavers.Outcome(0, 0, 0));
        assertThat(people.accessHistory(ann.id())).hasSize(2);
    }

    @Test
    void theJobDoesNotUndoAManualRemoval() {
        Person ann = importAnn("2020-09-01", "");
        people.removeAccess(ann.id(), "dsl", "misuse under investigation");

        job.processDue(People.today());

        assertThat(people.get(ann.id()).internetAccess()).isFalse();
    }

    @Test
    void aManualGrantIsRecordedWithWhoAndWhy() {
        Person ann = importAnn("2020-09-01", "");
        people.removeAccess(ann.id(), "dsl", "misuse under investigation");

        people.grantAccess(ann.id(), "admin", "investigation closed");

        assertThat(people.accessHistory(ann.id()).getFirst()).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccessAction.GRANTED);
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.reason()).isEqualTo("investigation closed");
        });
    }

    @Test
    void grantingAccessThatIsAlreadyGrantedWritesNoRegisterEntry() {
        Person ann = importAnn("2020-09-01", "");

        assertThat(people.grantAccess(ann.id(), "admin", "again")).isFalse();
        assertThat(people.accessHistory(ann.id())).hasSize(1);
    }

    @Test
    void theRegisterFiltersByChange() {
        Person ann = importAnn("2020-09-01", "");
        people.removeAccess(ann.id(), "dsl", "misuse under investigation");

        assertThat(people.register(new People.RegisterFilter(null, AccessAction.REMOVED, null, null, null), 100))
                .extracting(AccessEvent::reason).containsExactly("misuse under investigation");
    }

    @Test
    void theRegisterFiltersByDate() {
        importAnn("2020-09-01", "");

        LocalDate yesterday = People.today().minusDays(1);
        assertThat(people.register(new People.RegisterFilter(null, null, null, null, yesterday), 100)).isEmpty();
        assertThat(people.register(new People.RegisterFilter(null, null, PersonKind.PUPIL, People.today(), null), 100))
                .hasSize(1);
    }
}
