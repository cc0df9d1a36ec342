package org.lantern.server.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.activity.ActivityStore;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.server.activity.ActivityRows.row;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code GET /api/v1/activity}: the requests as JSON, newest first, paged by cursor without loss or
 * repetition; no person for a caller who does not see names; a plain 400 for each bad parameter;
 * each call recorded in the search log. As everywhere in the API, what is null is left out: the last
 * page has no {@code next}.
 */
@PersistenceTest
@AutoConfigureMockMvc
class ActivityApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    ActivityStore store;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String user;
    private long pupil;

    /** Seven requests by one pupil, a minute apart, the newest a search that was blocked. */
    @BeforeEach
    void seed() {
        user = TestPeople.unique("api.");
        pupil = TestPeople.pupil(jdbc, "Grace", TestPeople.unique("Api"));
        ActivityRows.append(store, IntStream.range(0, 7).mapToObj(i -> row(now.minus(7 - i, ChronoUnit.MINUTES), pupil,
                user, "10.62.0.1", "http://site" + i + ".example/" + user, i == 6 ? "BLOCK" : "ALLOW", "cat" + i,
                i == 6 ? "term " + user : null)).toList());
    }

    private JsonNode get200(String path, Role role) throws Exception {
        MockHttpServletResponse response = fetch(path, role);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse fetch(String path, Role role) throws Exception {
        return mvc.perform(get(path).with(TestUsers.as(accountService, accounts, "activityapi", role))).andReturn()
                .getResponse();
    }

    @Test
    void itemsCarryTheRequestNewestFirst() throws Exception {
        JsonNode first = get200("/api/v1/activity?person=" + pupil + "&limit=1", Role.DSL).get("items").get(0);

        assertThat(first.get("time").asText()).isEqualTo(now.minus(1, ChronoUnit.MINUTES).toString());
        assertThat(first.get("user").asText()).isEqualTo(user);
        assertThat(first.get("personId").asLong()).isEqualTo(pupil);
        assertThat(first.get("clientIp").asText()).isEqualTo("10.62.0.1");
        assertThat(first.get("url").asText()).isEqualTo("http://site6.example/" + user);
        assertThat(first.get("host").asText()).isEqualTo("site6.example");
        assertThat(first.get("category").asText()).isEqualTo("cat6");
        assertThat(first.get("action").asText()).isEqualTo("BLOCK");
        assertThat(first.get("rule").asText()).isEqualTo("CATEGORY");
        assertThat(first.get("searchTerm").asText()).isEqualTo("term " + user);
    }

    @Test
    void pagingByCursorGivesEveryRequestOnceInOrder() throws Exception {
        List<String> urls = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = get200("/api/v1/activity?user=" + user + "&limit=3&cursor=" + cursor, Role.DSL);
            page.get("items").forEach(item -> urls.add(item.get("url").asText()));
            cursor = page.has("next") ? page.get("next").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(urls).containsExactlyElementsOf(IntStream.iterate(6, i -> i >= 0, i -> i - 1)
                .mapToObj(i -> "http://site" + i + ".example/" + user).toList());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersNarrowTheSearch() throws Exception {
        assertThat(get200("/api/v1/activity?user=" + user + "&action=blocked", Role.DSL).get("items")).hasSize(1);
        assertThat(get200("/api/v1/activity?user=" + user + "&category=cat2", Role.DSL).get("items")).hasSize(1);
        assertThat(get200("/api/v1/activity?user=" + user + "&q=SITE3.example", Role.DSL).get("items")).hasSize(1);
        assertThat(get200("/api/v1/activity?ip=10.62.0.1&term=" + user, Role.DSL).get("items")).hasSize(1);
        assertThat(get200("/api/v1/activity?user=" + user + "&from=" + now.minus(3, ChronoUnit.MINUTES) + "&to="
                + now.minus(1, ChronoUnit.MINUTES), Role.DSL).get("items")).hasSize(2);
    }

    @Test
    void theNetworkManagerGetsNoPersonAndEachCallIsRecorded() throws Exception {
        long before = recorded();

        JsonNode item = get200("/api/v1/activity?user=" + user + "&limit=1", Role.ADMIN).get("items").get(0);

        assertThat(item.get("user").asText()).isEqualTo(user);
        assertThat(item.has("personId")).isFalse();
        assertThat(item.has("personName")).isFalse();
        assertThat(recorded()).isEqualTo(before + 1);
        assertThat(fetch("/api/v1/activity?person=" + pupil, Role.ADMIN).getStatus()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "limit=0|limit: '0' must be a whole number from 1 to 1000",
            "limit=1001|limit: '1001' must be a whole number from 1 to 1000",
            "limit=ten|limit: 'ten' must be a whole number from 1 to 1000",
            "cursor=not-a-cursor|Cursor: not one this server handed out",
            "from=monday|From: 'monday' is not a time",
            "from=2026-03-04&to=2026-03-03|To: must be after From",
            "action=maybe|Allowed or blocked: 'maybe' is neither",
            "person=Ada|person: give the person's number",
            "around=2026-03-03T10:00&from=2026-03-03|Around: give a moment or a period"})
    void aBadParameterIsAPlain400(String query, String detail) throws Exception {
        long before = recorded();

        MockHttpServletResponse response = fetch("/api/v1/activity?" + query, Role.DSL);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("title").asText()).isEqualTo("The activity log could not be searched");
        assertThat(problem.get("detail").asText()).contains(detail);
        assertThat(recorded()).isEqualTo(before);
    }

    private long recorded() {
        return jdbc.sql("SELECT COUNT(*) FROM activity_search").query(Long.class).single();
    }
}
