package org.lantern.server.people;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantern.server.people.PeopleTables.csv;

@PersistenceTest
class PeopleDirectoryTest {

    @Autowired
    People people;
    @Autowired
    PeopleImporter importer;
    @Autowired
    JdbcClient jdbc;

    private long ann;
    private long bea;

    @BeforeEach
    void twoPupilsAndAStaffMember() {
        PeopleTables.clear(jdbc);
        importer.apply(csv("Type,UPN,Legal Surname,Legal Forename,Preferred Forename,Year,Staff Code,Proxy Username",
                "Pupil,B801200005001,Smith,Ann,,3,,asmith",
                "Pupil,Q370400821001,Jones,Beatrice,Bea,5,,bjones",
                "Staff,,100% Brown,Carl,,,CBR,cbrown"), "roll.csv", false, false, "admin");
        ann = people.findByProxyUsername("asmith").orElseThrow().id();
        bea = people.findByProxyUsername("bjones").orElseThrow().id();
    }

    @Test
    void findsAPersonByProxyUsernameIgnoringCase() {
        assertThat(people.findByProxyUsername("ASmith")).map(Person::id).contains(ann);
    }

    @Test
    void searchesByPreferredName() {
        assertThat(people.search("bea jones", null, null, 0, 50).people()).extracting(Person::id).containsExactly(bea);
    }

    @Test
    void searchTreatsPercentAsALiteralCharacter() {
        assertThat(people.search("100%", null, null, 0, 50).people()).extracting(Person::legalLastName)
                .containsExactly("100% Brown");
        assertThat(people.search("%", null, null, 0, 50).total()).isEqualTo(1);
    }

    @Test
    void filtersByKindAndYearGroup() {
        assertThat(people.search(null, PersonKind.PUPIL, YearGroup.Y5, 0, 50).people()).extracting(Person::id)
                .containsExactly(bea);
    }

    @Test
    void pagesThroughResults() {
        PersonPage second = people.search(null, null, null, 1, 2);

        assertThat(second.total()).isEqualTo(3);
        assertThat(second.people()).hasSize(1);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.hasPrevious()).isTrue();
    }

    @Test
    void linksALoginAccountToAPerson() {
        long account = PeopleTables.insertAccount(jdbc, "ann." + System.nanoTime());

        people.linkAccount(ann, account);

        assertThat(people.get(ann).accountId()).isEqualTo(account);
    }

    @Test
    void linkingAnUnknownPersonFails() {
        assertThatThrownBy(() -> people.linkAccount(999_999_999L, null)).isInstanceOf(PersonNotFoundException.class);
    }

    @Test
    void addsANetworkIdentityInCanonicalForm() {
        people.addIdentity(ann, NetworkIdentityType.DEVICE_MAC, "00-1A-2B-3C-4D-5E");

        assertThat(people.findByNetworkIdentity(NetworkIdentityType.DEVICE_MAC, "00:1a:2b:3c:4d:5e"))
                .map(Person::id).contains(ann);
    }

    @Test
    void refusesAMalformedNetworkIdentity() {
        assertThatThrownBy(() -> people.addIdentity(ann, NetworkIdentityType.DEVICE_IP, "10.20.300.1"))
                .isInstanceOf(InvalidNetworkIdentityException.class)
                .hasMessageContaining("not an IP address");
    }

    @Test
    void refusesANetworkIdentityThatIdentifiesSomeoneElse() {
        assertThatThrownBy(() -> people.addIdentity(ann, NetworkIdentityType.PROXY_USERNAME, "bjones"))
                .isInstanceOf(InvalidNetworkIdentityException.class)
                .hasMessageContaining("already identifies another person");
    }

    @Test
    void removesANetworkIdentity() {
        people.removeIdentity(ann, NetworkIdentityType.PROXY_USERNAME, "asmith");

        assertThat(people.findByProxyUsername("asmith")).isEmpty();
    }
}
