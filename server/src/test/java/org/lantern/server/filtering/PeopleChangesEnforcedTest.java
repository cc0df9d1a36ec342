package org.lantern.server.filtering;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.Rule;
import org.lantern.server.people.NetworkIdentityType;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleImporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People are cached for an hour here, yet each change the people feature announces is enforced
 * at the next request: the filter forgets the people concerned once the change commits.
 */
@CachedPeopleFilteringTest
class PeopleChangesEnforcedTest {

    private static final String LIBRARY = "http://library.example/";

    @Autowired
    FilterService filter;
    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    private String tag;
    private String username;
    private long paula;

    @BeforeEach
    void aPupilWithInternetAccess() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        username = "pupil" + tag;
        importPaula("");
        paula = people.findByProxyUsername(username).orElseThrow().id();
    }

    private void importPaula(String leavingDate) {
        importer.apply(("Type,Adno,Legal Surname,Legal Forename,Year,Leaving Date,Proxy Username\r\nPupil,A" + tag
                + ",Pupil,Paula,8," + leavingDate + "," + username).getBytes(StandardCharsets.UTF_8),
                "roll-" + tag + ".csv", false, false, "admin");
    }

    private Decision decide(String user, String ip) throws Exception {
        return filter.decide(DecisionRequest.of(LIBRARY, "GET", user, ip, Instant.now()));
    }

    @Test
    void aChangeMadeBehindLanternsBackWaitsForTheCache() throws Exception {
        assertThat(decide(username, null).allowed()).isTrue();

        jdbc.sql("UPDATE person SET internet_access = FALSE WHERE id = :id").param("id", paula).update();

        assertThat(decide(username, null).allowed()).isTrue();
    }

    @Test
    void removingInternetAccessBlocksAtTheNextRequest() throws Exception {
        assertThat(decide(username, null).allowed()).isTrue();

        people.removeAccess(paula, "admin", "misuse of the network");

        Decision d = decide(username, null);
        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.rule()).isEqualTo(Rule.ACCESS_REMOVED);
    }

    @Test
    void aLeaverInAnImportIsBlockedAtTheNextRequest() throws Exception {
        assertThat(decide(username, null).allowed()).isTrue();

        importPaula(People.today().toString());

        assertThat(decide(username, null).rule()).isEqualTo(Rule.ACCESS_REMOVED);
    }

    @Test
    void aNewDeviceIpIsRecognisedAtTheNextRequest() throws Exception {
        String ip = "10.66." + Math.floorMod(tag.hashCode(), 250) + "." + (1 + Math.floorMod(tag.hashCode() >> 8, 250));
        assertThat(decide(null, ip).subject().personId()).isNull();

        people.addIdentity(paula, NetworkIdentityType.DEVICE_IP, ip);

        assertThat(decide(null, ip).subject().personId()).isEqualTo(Long.toString(paula));
    }

    @Test
    void aRemovedProxyUsernameNoLongerIdentifiesThePerson() throws Exception {
        assertThat(decide(username, null).subject().personId()).isEqualTo(Long.toString(paula));

        people.removeIdentity(paula, NetworkIdentityType.PROXY_USERNAME, username);

        assertThat(decide(username, null).subject().personId()).isNull();
    }
}
