package org.lantern.server.filtering;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.Action;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.Subject;
import org.lantern.policy.PolicyParser;
import org.lantern.policy.Presets;
import org.lantern.server.people.GroupMemberships;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleImporter;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@FilteringTest
class PeopleDirectoryTest {

    @Autowired
    People people;
    @Autowired
    PeopleImporter importer;
    @Autowired
    FilterService filter;
    @Autowired
    GroupMemberships memberships;

    private PeopleDirectory directory;
    private String tag;

    @BeforeEach
    void aPupilAStaffMemberAndALeaver() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        importer.apply(String.join("\r\n",
                "Type,Adno,Legal Surname,Legal Forename,Year,Staff Code,Proxy Username,Device IP",
                "Pupil,7" + tag.hashCode() % 100000 + ",Pupil,Paula,8,,pupil" + tag + ",",
                "Staff,,Staff,Sam,,S" + tag + ",staff" + tag + ",",
                "Pupil,8" + tag.hashCode() % 100000 + ",Leaver,Lee,10,,leaver" + tag + ",")
                .getBytes(StandardCharsets.UTF_8), "roll-" + tag + ".csv", false, false, "test");
        directory = new PeopleDirectory(people, memberships, PolicyParser.parse(Presets.yaml("astley-park")),
                Clock.systemUTC(), Duration.ZERO, person -> Set.of());
    }

    @Test
    void aPupilJoinsThePolicyGroupNamingTheirYear() {
        Subject pupil = directory.resolve("pupil" + tag, null).orElseThrow();

        assertThat(pupil.groupId()).isEqualTo("ks3");
        assertThat(pupil.internetAccess()).isTrue();
        assertThat(pupil.personId()).isEqualTo(Long.toString(people.findByProxyUsername("pupil" + tag).orElseThrow().id()));
    }

    @Test
    void staffJoinThePolicysStaffGroup() {
        assertThat(directory.resolve("STAFF" + tag, null)).map(Subject::groupId).contains("staff");
    }

    @Test
    void anUnknownUserIsNotInTheDirectorySoTheEngineUsesTheDefaultGroup() throws Exception {
        assertThat(directory.resolve("nobody" + tag, "10.250.250.250")).isEmpty();
        assertThat(filter.decide(DecisionRequest.of("http://library.example/", "GET", "nobody" + tag, null,
                java.time.Instant.now())).subject().groupId()).isEqualTo("visitors");
    }

    @Test
    void aPupilIsFoundByDeviceIpWhenTheProxySendsNoUser() {
        long id = people.findByProxyUsername("pupil" + tag).orElseThrow().id();
        String ip = "10.77." + (Math.abs(tag.hashCode()) % 250) + ".9";
        people.addIdentity(id, org.lantern.server.people.NetworkIdentityType.DEVICE_IP, ip);

        assertThat(directory.resolve(null, ip)).map(Subject::personId).contains(Long.toString(id));
    }

    @Test
    void aLeaverWhoseAccessIsRemovedIsBlockedEverywhere() throws Exception {
        long id = people.findByProxyUsername("leaver" + tag).orElseThrow().id();
        people.removeAccess(id, "test", "left the school");

        assertThat(directory.resolve("leaver" + tag, null)).map(Subject::internetAccess).contains(false);
        assertThat(filter.decide(DecisionRequest.of("http://library.example/", "GET", "leaver" + tag, null,
                java.time.Instant.now())).action()).isEqualTo(Action.BLOCK);
    }
}
