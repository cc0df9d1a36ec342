package org.lantern.server.activity;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.activity.ActivityRow;
import org.lantern.server.people.GroupMemberships;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows tied to people at ingest: by proxy user name, else client IP, with what was true of them then. */
@PersistenceTest
class ActivityAttributionTest {

    @Autowired
    ActivityAttribution attribution;
    @Autowired
    People people;
    @Autowired
    GroupMemberships memberships;
    @Autowired
    JdbcClient jdbc;

    /** A Squid row: a user name and an address, nobody tied to it yet. */
    private static ActivityRow row(String user, String ip) {
        return new ActivityRow(Instant.parse("2026-03-04T10:15:00Z"), null, user, null, null, ip, null, "GET",
                "library.example", "library.example", "http://library.example/", null, null, "TCP_MISS", null, null,
                null, false, 200, 512L, "squid");
    }

    private static String ip() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }

    private static String mac() {
        StringBuilder mac = new StringBuilder("02");
        for (int i = 0; i < 5; i++) {
            mac.append(':').append(String.format("%02x", (int) (Math.random() * 256)));
        }
        return mac.toString();
    }

    static Stream<Arguments> identities() {
        return Stream.of(Arguments.of(NetworkIdentityType.PROXY_USERNAME, false),
                Arguments.of(NetworkIdentityType.DEVICE_IP, true));
    }

    @ParameterizedTest(name = "by {0}")
    @MethodSource("identities")
    void aRowIsTiedToThePersonWithTheirYearGroupFilterGroupAndDevice(NetworkIdentityType type, boolean byDevice) {
        long pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Attr"));
        String user = TestPeople.unique("ada.");
        String ip = ip();
        people.addIdentity(pupil, type, type == NetworkIdentityType.PROXY_USERNAME ? user : ip);
        String mac = mac();
        people.addIdentity(pupil, NetworkIdentityType.DEVICE_MAC, mac);

        ActivityRow tied = attribution.attribute(row(type == NetworkIdentityType.PROXY_USERNAME ? user : "-", ip));

        assertThat(tied.personId()).isEqualTo(pupil);
        assertThat(tied.yearGroup()).isEqualTo("7");
        assertThat(tied.groupId()).isEqualTo(memberships.choice(people.get(pupil)).groupId()).isNotNull();
        // Only an address allocated to the person says which of their devices it was.
        assertThat(tied.device()).isEqualTo(byDevice ? mac : null);
    }

    @Test
    void theUserNameWinsOverAnAddressOfSomeoneElse() {
        long named = TestPeople.pupil(jdbc, "Bea", TestPeople.unique("Attr"));
        long other = TestPeople.pupil(jdbc, "Cal", TestPeople.unique("Attr"));
        String user = TestPeople.unique("bea.");
        String ip = ip();
        people.addIdentity(named, NetworkIdentityType.PROXY_USERNAME, user);
        people.addIdentity(other, NetworkIdentityType.DEVICE_IP, ip);

        assertThat(attribution.attribute(row(user, ip)).personId()).isEqualTo(named);
    }

    @Test
    void anUnknownUserStaysWithNobodyAndIsTiedOnceTheDirectoryKnowsThem() {
        String user = TestPeople.unique("new.");
        ActivityRow unknown = row(user, ip());

        assertThat(attribution.attribute(unknown)).isEqualTo(unknown);

        long pupil = TestPeople.pupil(jdbc, "Dee", TestPeople.unique("Attr"));
        people.addIdentity(pupil, NetworkIdentityType.PROXY_USERNAME, user);

        assertThat(attribution.attribute(unknown).personId()).as("the cache forgot on PeopleChanged").isEqualTo(pupil);
    }

    @Test
    void aRowTheFilterTiedKeepsItsPersonAndGroupAndGainsTheYearGroup() {
        long pupil = TestPeople.pupil(jdbc, "Eve", TestPeople.unique("Attr"));
        ActivityRow r = row("-", ip());
        ActivityRow fromFilter = new ActivityRow(r.time(), pupil, null, "judged-group", null, r.clientIp(), null,
                r.method(), r.host(), r.domain(), r.url(), null, null, "ALLOW", "DEFAULT", 3L, null, false, null, null,
                "lantern");

        ActivityRow tied = attribution.attribute(fromFilter);

        assertThat(tied.personId()).isEqualTo(pupil);
        assertThat(tied.groupId()).isEqualTo("judged-group");
        assertThat(tied.yearGroup()).isEqualTo("7");
    }
}
