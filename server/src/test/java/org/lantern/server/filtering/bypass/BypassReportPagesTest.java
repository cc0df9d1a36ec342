package org.lantern.server.filtering.bypass;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.AlertTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class BypassReportPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BypassAttempts attempts;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void attemptsByAPupilWithAHostileNameAndAnUnknownDevice() throws Exception {
        AlertTables.clear(jdbc);
        attempts.offer(BypassFixtures.vpn("vpn.example", 70L, "=HYPERLINK(\"http://evil.example\")", "@cmd", "10.2.0.1", now));
        attempts.offer(BypassFixtures.vpn("vpn.example", 70L, "=HYPERLINK(\"http://evil.example\")", "@cmd", "10.2.0.1", now));
        attempts.offer(BypassFixtures.rawIp("10.200.0.3", "10.2.0.2", now));
        assertThat(attempts.flush(Duration.ofSeconds(10))).isTrue();
    }

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "bypass", role);
    }

    private String get200(String path, Role role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theDslSeesTheChartItsTableTheCategoriesAndWhoMadeMost() throws Exception {
        String html = get200("/filtering/bypass-attempts", Role.DSL);

        assertThat(html).contains("<svg", "role=\"img\"", "Bypass attempts per day", "Attempts per day as a table",
                "<span class=\"stat\">3</span> attempts", "Bare IP address", "vpn.example",
                "=HYPERLINK(&quot;http://evil.example&quot;)", "unknown user (device 10.2.0.2)");
        assertThat(jdbc.sql("SELECT username || ' ' || channel FROM record_access WHERE record_type = 'bypass-report'")
                .query(String.class).list()).containsExactly("bypass.dsl PAGE");
    }

    @Test
    void eachPersonWhoMadeMostLinksToTheirBrowsingInThePeriod() throws Exception {
        LocalDate today = SchoolTime.today();

        String html = get200("/filtering/bypass-attempts?from=" + today.minusDays(2) + "&to=" + today, Role.DSL);

        assertThat(html).contains("href=\"/activity?person=70&amp;from=" + today.minusDays(2) + "T00:00&amp;to="
                + today.plusDays(1) + "T00:00\"");
        assertThat(get200("/filtering/bypass-attempts", Role.ADMIN)).doesNotContain("/activity?");
    }

    @Test
    void theNetworkManagerSeesTheRoutesButNotWhoTookThem() throws Exception {
        String html = get200("/filtering/bypass-attempts", Role.ADMIN);

        assertThat(html).contains("vpn.example", "Names are shown to the safeguarding team only");
        assertThat(html).doesNotContain("HYPERLINK", "10.2.0.2", "unknown user");
    }

    @Test
    void aPeriodThatCannotBeReadIsRefusedWithTheReasonAndTheTypedValueKept() throws Exception {
        String html = mvc.perform(get("/filtering/bypass-attempts").param("from", "last week").with(as(Role.DSL)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("From: &#39;last week&#39; is not a date", "value=\"last week\"");
    }

    @Test
    void theCsvForTheSafeguardingTeamNamesPeopleWithFormulaCellsDisarmed() throws Exception {
        String csv = get200("/filtering/bypass-attempts.csv", Role.DEPUTY_DSL);

        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("When,Person,Proxy user,Client IP,Host,Category,Rule,Action");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\",'@cmd,10.2.0.1,vpn.example,vpn,POLICY,BLOCK",
                ",10.2.0.2,10.200.0.3,raw-ip,RAW_IP,ALLOW_AND_LOG");
        assertThat(csv).doesNotContain(",=HYPERLINK", ",@cmd");
    }

    @Test
    void theCsvForTheNetworkManagerHasNoOneInIt() throws Exception {
        String csv = get200("/filtering/bypass-attempts.csv", Role.ADMIN);

        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("When,Host,Category,Rule,Action");
        assertThat(csv).contains("vpn.example,vpn,POLICY,BLOCK").doesNotContain("HYPERLINK", "cmd", "10.2.0.1");
    }

    @Test
    void aCsvForAPeriodThatCannotBeReadIsABadRequestSayingWhy() throws Exception {
        String body = mvc.perform(get("/filtering/bypass-attempts.csv").param("from", "2025-03-10").param("to", "2025-03-01")
                .with(as(Role.DSL))).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("To: the last day must not be before the first.");
    }
}
