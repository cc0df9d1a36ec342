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
import org.lantern.server.people.GroupMemberships;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleImporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Astley Park social media row (seed 002) is "acceptable for nominated users" and otherwise
 * unacceptable: a member of staff reaches friendface.example (social networking) only while the
 * DSL has put them in nominated-staff, from the next request on, although people are cached.
 */
@CachedPeopleFilteringTest
class NominatedUsersTest {

    private static final String SOCIAL = "http://friendface.example/school-page";

    @Autowired
    FilterService filter;
    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    GroupMemberships memberships;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private String username;
    private long sam;

    @BeforeEach
    void aMemberOfStaff() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        username = "staff" + tag;
        importer.apply(("Type,Legal Surname,Legal Forename,Staff Code,Proxy Username\r\nStaff,Staff,Sam,S" + tag + ","
                + username).getBytes(StandardCharsets.UTF_8), "staff-" + tag + ".csv", false, false, "admin");
        sam = people.findByProxyUsername(username).orElseThrow().id();
        filter.listsLoaded().join();
    }

    private Decision decide() throws Exception {
        return filter.decide(DecisionRequest.of(SOCIAL, "GET", username, null, Instant.now()));
    }

    @Test
    void aMemberOfStaffNotNominatedIsBlockedOnTheNominatedUsersRow() throws Exception {
        Decision d = decide();

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.rule()).isEqualTo(Rule.POLICY);
        assertThat(d.activityId()).isEqualTo("social-media");
        assertThat(d.subject().groupId()).isEqualTo("staff");
    }

    @Test
    void nominationOpensTheRowAtTheNextRequestAndRemovalClosesItAgain() throws Exception {
        assertThat(decide().allowed()).isFalse();

        memberships.add(sam, "nominated-staff", "dsl", "runs the school's social media pages");
        Decision nominated = decide();

        assertThat(nominated.allowed()).isTrue();
        assertThat(nominated.activityId()).isEqualTo("social-media");
        assertThat(nominated.subject().groupId()).isEqualTo("nominated-staff");

        memberships.remove(sam, "nominated-staff", "dsl", "handed the pages over");

        assertThat(decide().action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void aMembershipOfAGroupThePolicyNoLongerHasIsIgnoredByTheFilter() throws Exception {
        jdbc.sql("INSERT INTO person_group (person_id, group_id, added_by, added_at, reason) "
                        + "VALUES (:id, 'social-team-2019', 'dsl', CURRENT_TIMESTAMP, 'an older policy')")
                .param("id", sam).update();
        filter.forgetPeople();

        Decision d = decide();

        assertThat(d.action()).isEqualTo(Action.BLOCK);
        assertThat(d.subject().groupId()).isEqualTo("staff");
        assertThat(d.subject().groupReason()).contains("social-team-2019 ignored");
    }

    @Test
    void theDecisionApiExplainsTheGroupAndWhy() throws Exception {
        memberships.add(sam, "nominated-staff", "dsl", "runs the school's social media pages");

        mvc.perform(get("/api/v1/decision").param("url", SOCIAL).param("user", username)
                        .with(user("technician").authorities(() -> "FILTER_CHECK")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowed").value(true))
                .andExpect(jsonPath("$.subject.group").value("nominated-staff"))
                .andExpect(jsonPath("$.subject.groupReason").value(startsWith("added to Nominated staff by dsl on ")));
    }
}
