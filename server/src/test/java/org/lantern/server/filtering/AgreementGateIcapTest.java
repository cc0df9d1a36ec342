package org.lantern.server.filtering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.Rule;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleImporter;
import org.lantern.server.registers.agreements.Acceptances;
import org.lantern.server.registers.agreements.NetworkGate;
import org.lantern.server.support.IcapExchange;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptable-use agreements' network gate end to end, as Squid meets it: real ICAP REQMOD
 * requests to the server's own ICAP port for a pupil who has not accepted their agreement are
 * redirected to the agreement page, the decision naming the rule; the agreement page itself is
 * reachable; the illegal-content lists and a suspension still come first; and once the pupil
 * accepts, their next request goes through, although the filter caches people for an hour.
 */
@CachedPeopleFilteringTest
class AgreementGateIcapTest {

    private static final String LIBRARY = "http://library.example/";

    @Autowired
    InProcessIcap icap;
    @Autowired
    FilterService filter;
    @Autowired
    NetworkGate gate;
    @Autowired
    Acceptances acceptances;
    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    AccountService accountService;

    private String username;
    private long pupil;
    private long account;

    @BeforeEach
    void aPupilWhoHasNotAcceptedInAGatedGroup() {
        filter.listsLoaded().join();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        username = "gate" + tag;
        importer.apply(("Type,Adno,Legal Surname,Legal Forename,Year,Proxy Username\r\nPupil,G" + tag + ",Pupil,Gita,9,"
                + username).getBytes(StandardCharsets.UTF_8), "roll-" + tag + ".csv", false, false, "admin");
        pupil = people.findByProxyUsername(username).orElseThrow().id();
        account = accountService.create(username, "Gita Pupil", Role.PUPIL, "gate password 123", "test");
        people.linkAccount(pupil, account);
        Set<String> all = new LinkedHashSet<>();
        gate.settings().forEach(g -> all.add(g.id()));
        gate.set(all, "test");
    }

    @AfterEach
    void gateOff() {
        gate.set(Set.of(), "test");
    }

    @Test
    void heldAtTheAgreementPageUntilTheyAcceptThenLetThroughAtTheNextRequest() throws Exception {
        assertThat(filter.decide(DecisionRequest.of(LIBRARY, "GET", username, null, Instant.now())).rule())
                .isEqualTo(Rule.AGREEMENT_REQUIRED);
        String held = reqmod(LIBRARY);
        assertThat(held).startsWith("ICAP/1.0 200").contains("HTTP/1.1 302").containsPattern("Location: http://[^\\r]*/agreement\\r");

        String page = reqmod("http://localhost/agreement");
        assertThat(page).as("the agreement page itself").startsWith("ICAP/1.0 204");

        acceptances.acceptOwn(account, username, null);

        assertThat(reqmod(LIBRARY)).as("the next request after accepting").startsWith("ICAP/1.0 204");
    }

    @Test
    void theIllegalContentListsAndASuspensionComeFirst() throws Exception {
        Decision illegal = filter.decide(DecisionRequest.of("http://abuse.invalid/x", "GET", username, null, Instant.now()));
        assertThat(illegal.rule()).isEqualTo(Rule.ILLEGAL_LIST);
        assertThat(reqmod("http://abuse.invalid/x")).doesNotContain("/agreement");

        people.removeAccess(pupil, "admin", "Gate test: access removed");
        assertThat(filter.decide(DecisionRequest.of(LIBRARY, "GET", username, null, Instant.now())).rule())
                .isEqualTo(Rule.ACCESS_REMOVED);
        people.grantAccess(pupil, "admin", "Gate test: access back");
        assertThat(filter.decide(DecisionRequest.of(LIBRARY, "GET", username, null, Instant.now())).rule())
                .isEqualTo(Rule.AGREEMENT_REQUIRED);
    }

    @Test
    void turningTheGateOffLetsThemThroughAtTheirNextRequest() throws Exception {
        assertThat(reqmod(LIBRARY)).contains("HTTP/1.1 302");
        gate.set(Set.of(), "test");
        assertThat(reqmod(LIBRARY)).startsWith("ICAP/1.0 204");
    }

    private String reqmod(String url) throws IOException {
        return IcapExchange.reqmod(icap.port(), url, username);
    }
}
