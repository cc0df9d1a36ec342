package org.lantern.server.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.activity.ActivityStore;
import org.lantern.server.alerts.AlertRegister;
import org.lantern.server.alerts.AlertFixtures;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.server.activity.ActivityRows.row;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The activity pages on a store with a pupil's requests in it: the DSL's search with names and
 * the pupil's timeline, "around this moment" from an alert, the network manager's search without
 * names, the CSV download, and the record every search leaves for the DSL.
 */
@PersistenceTest
@AutoConfigureMockMvc
class ActivityPagesTest {

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
    @Autowired
    AlertRegister alerts;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String surname;
    private String user;
    private long pupil;

    /** A pupil with three requests in the last hours (one blocked, one a search) and one request a day before. */
    @BeforeEach
    void seed() {
        surname = TestPeople.unique("Browser");
        user = TestPeople.unique("ap.");
        pupil = TestPeople.pupil(jdbc, "Ada", surname);
        ActivityRows.append(store, List.of(
                row(now.minus(3, ChronoUnit.HOURS), pupil, user, "10.61.0.7", "http://first.example/" + user, "ALLOW", "education", null),
                row(now.minus(2, ChronoUnit.HOURS), pupil, user, "10.61.0.7", "http://games.example/" + user, "BLOCK", "games", null),
                row(now.minus(1, ChronoUnit.HOURS), pupil, user, "10.61.0.7",
                        "https://www.google.com/search?q=" + user, "ALLOW", "search", "how to " + user),
                row(now.minus(1, ChronoUnit.DAYS), pupil, user, "10.61.0.7", "http://yesterday.example/" + user, "ALLOW", null, null)));
    }

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "activitypages", role);
    }

    private MockHttpServletResponse fetch(String path, Role role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andReturn().getResponse();
    }

    private String page(String path, Role role) throws Exception {
        MockHttpServletResponse response = fetch(path, role);
        assertThat(response.getStatus()).as("%s as %s", path, role).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void theDslFindsAPupilByNameAndSeesTheirRequestsNewestFirstWithTheirTimeline() throws Exception {
        String html = page("/activity?person=" + surname, Role.DSL);

        assertThat(html).contains("Requests of <strong>Ada " + surname + "</strong>");
        String rows = section(html, "activity-rows");
        assertThat(rows.indexOf("www.google.com/search?q=" + user)).isPositive()
                .isLessThan(rows.indexOf("games.example/" + user));
        assertThat(rows.indexOf("games.example/" + user)).isLessThan(rows.indexOf("first.example/" + user));
        assertThat(rows.indexOf("first.example/" + user)).isLessThan(rows.indexOf("yesterday.example/" + user));
        assertThat(html).contains("id=\"hours-chart\"", "Requests per hour as a table");
        assertThat(section(html, "blocked-attempts")).contains("games.example/" + user).doesNotContain("first.example");
        assertThat(section(html, "searches-typed")).contains("how to " + user);
    }

    @Test
    void aNameMatchingSeveralPeopleAsksWhichOne() throws Exception {
        TestPeople.pupil(jdbc, "Bea", surname);

        MockHttpServletResponse response = fetch("/activity?person=" + surname, Role.DSL);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("several people match", "Ada " + surname, "Bea " + surname,
                "/activity?person=" + pupil);
    }

    @Test
    void aroundThisMomentShowsTheHourEitherSideOnly() throws Exception {
        Instant moment = now.minus(2, ChronoUnit.HOURS).plus(10, ChronoUnit.MINUTES);

        String html = page("/activity?person=" + pupil + "&around=" + moment, Role.DSL);

        assertThat(html).contains("Showing the hour either side of");
        assertThat(html).contains("games.example/" + user, "www.google.com/search?q=" + user)
                .doesNotContain("first.example/" + user, "yesterday.example/" + user);
    }

    @Test
    void aPeriodGivenAsInstantsIsShownInTheFormsOwnFields() throws Exception {
        String html = page("/activity?action=BLOCK&user=" + user + "&from=2026-07-01T08:00:00Z&to=2026-07-02T08:00:00Z",
                Role.DSL);

        assertThat(html).contains("value=\"2026-07-01T09:00\"", "value=\"2026-07-02T09:00\"", "No requests match.");
    }

    @Test
    void anAlertLinksToThePupilsBrowsingAroundItsMoment() throws Exception {
        Instant at = now.minus(2, ChronoUnit.HOURS);
        var alert = alerts.record(AlertFixtures.illegal("http://abuse.invalid/" + user, pupil, "Ada " + surname, user,
                "10.61.0.7", at));

        String html = page("/alerts/" + alert.id(), Role.DSL);

        assertThat(html).contains("href=\"/activity?person=" + pupil + "&amp;around=" + at + "\"");
    }

    @Test
    void theNetworkManagerSeesUserNamesAndAddressesButNoNamesAndCannotSearchByPerson() throws Exception {
        String html = page("/activity?user=" + user, Role.ADMIN);

        assertThat(html).contains(user, "10.61.0.7", "games.example/" + user).doesNotContain(surname);
        assertThat(html).doesNotContain("id=\"person\"");

        MockHttpServletResponse byPerson = fetch("/activity?person=" + pupil, Role.ADMIN);
        assertThat(byPerson.getStatus()).isEqualTo(400);
        assertThat(byPerson.getContentAsString()).contains("searching by person needs permission to see names")
                .doesNotContain(surname);
    }

    @Test
    void openingThePageSearchesNothingAndRecordsNothing() throws Exception {
        long before = searches();

        String html = page("/activity", Role.DSL);

        assertThat(html).contains("id=\"person\"").doesNotContain("Requests, newest first");
        assertThat(searches()).isEqualTo(before);
    }

    @Test
    void everySearchIsRecordedWithWhoAndWhatAsALookAtThePupilsRecordAndTheDslSeesWhoHasLooked() throws Exception {
        page("/activity?person=" + pupil, Role.DSL);
        page("/activity?user=" + user, Role.ADMIN);
        mvc.perform(get("/activity.csv?ip=10.61.0.7&q=" + user).with(as(Role.DEPUTY_DSL))).andReturn();

        List<String> recorded = jdbc.sql("SELECT s.username || '|' || s.channel || '|' || s.criteria FROM activity_search s"
                        + " JOIN activity_search_person p ON p.search_id = s.id WHERE p.person_id = :p ORDER BY s.id")
                .param("p", pupil).query(String.class).list();
        assertThat(recorded).containsExactly(
                "activitypages.dsl|PAGE|person #" + pupil + " (Ada " + surname + ")",
                "activitypages.admin|PAGE|user '" + user + "'",
                "activitypages.deputy_dsl|CSV|device or IP '10.61.0.7'; domain or URL '" + user + "'");

        assertThat(jdbc.sql("SELECT username || ' ' || channel FROM record_access WHERE record_type = 'activity'"
                + " AND record_id = :p AND allowed ORDER BY id").param("p", pupil).query(String.class).list())
                .containsExactly("activitypages.dsl PAGE", "activitypages.admin PAGE", "activitypages.deputy_dsl EXPORT");

        String html = page("/activity/people/" + pupil + "/searches", Role.HEADTEACHER);
        assertThat(section(html, "activity-searches")).contains("activitypages.dsl", "activitypages.admin",
                "activitypages.deputy_dsl", "CSV download", "user &#39;" + user + "&#39;");
    }

    @Test
    void thePersonsPageLinksToTheirBrowsingAndToWhoHasLooked() throws Exception {
        String html = page("/people/" + pupil, Role.DSL);

        assertThat(html).contains("href=\"/activity?person=" + pupil + "\"",
                "href=\"/activity/people/" + pupil + "/searches\"");
        assertThat(page("/people/" + pupil, Role.DEPUTY_DSL)).contains("href=\"/activity?person=" + pupil + "\"")
                .doesNotContain("/searches\"");
    }

    @Test
    void theCsvCannotRunAFormulaInASpreadsheet() throws Exception {
        String formulaUser = "=HYPERLINK(\"http://evil.example\"," + user + ")";
        ActivityRows.append(store, List.of(row(now.minus(30, ChronoUnit.MINUTES), pupil, formulaUser, "10.61.0.8",
                "http://formula.example/" + user, "ALLOW", "+cmd|' /C calc'!A0", "@SUM(1+1)")));

        MockHttpServletResponse response = fetch("/activity.csv?person=" + pupil, Role.DSL);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("attachment");
        String csv = response.getContentAsString();
        assertThat(csv).startsWith("Time,Person,User,");
        assertThat(csv).contains("\"'=HYPERLINK(", "'+cmd|", "'@SUM(1+1)", "Ada " + surname)
                .doesNotContain(",=HYPERLINK", ",\"=HYPERLINK", ",+cmd", ",@SUM");
    }

    @Test
    void theNetworkManagersCsvHasNoPersonColumn() throws Exception {
        String csv = fetch("/activity.csv?user=" + user, Role.ADMIN).getContentAsString();

        assertThat(csv).startsWith("Time,User,").contains(user).doesNotContain(surname, "Person");
    }

    @Test
    void badFiltersAreExplainedAndNothingIsSearched() throws Exception {
        long before = searches();

        MockHttpServletResponse response = fetch("/activity?from=yesterday&action=maybe&year=14", Role.DSL);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("From: &#39;yesterday&#39; is not a time",
                "Allowed or blocked: &#39;maybe&#39; is neither", "Year group: &#39;14&#39; is not a year group");
        assertThat(searches()).isEqualTo(before);
    }

    private long searches() {
        return jdbc.sql("SELECT COUNT(*) FROM activity_search").query(Long.class).single();
    }

    /** The element with this id and what follows it, up to the next section. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #%s", id).isPositive();
        int end = html.indexOf("</ul>", start);
        int table = html.indexOf("</table>", start);
        return html.substring(start, end < 0 || table >= 0 && table < end ? table : end);
    }
}
