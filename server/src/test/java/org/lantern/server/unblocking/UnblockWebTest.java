package org.lantern.server.unblocking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class UnblockWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Unblocks unblocks;
    @Autowired
    JdbcClient jdbc;

    private static String inAWeek() {
        return LocalDateTime.now(SchoolTime.ZONE).plusDays(7).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @Test
    @WithMockUser(username = "t.teacher", authorities = "UNBLOCK_REQUEST")
    void theRequestPageShowsTheBlockedAddressAsTheFilterReadsIt() throws Exception {
        mvc.perform(get("/unblock/request").param("url", "HTTP://WWW.Example.ORG/a/../b?q=1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<code>www.example.org</code>")))
                .andExpect(content().string(containsString("<code>www.example.org/b?q=1</code>")));
    }

    @Test
    @WithMockUser(username = "t.teacher", authorities = "UNBLOCK_REQUEST")
    void aValidFormRequestIsStoredAndTheRequesterSeesIt() throws Exception {
        mvc.perform(post("/unblock/request").with(csrf()).param("url", "https://form.example/").param("scope", "DOMAIN")
                        .param("groups", "ks4").param("reason", "Racism topic in PSHE").param("until", inAWeek()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/unblock/mine"));

        assertThat(unblocks.requestedBy("t.teacher")).anyMatch(r -> r.target().equals("form.example"));
    }

    @Test
    @WithMockUser(username = "t.teacher", authorities = "UNBLOCK_REQUEST")
    void aFormWithoutAReasonIsShownAgainWithTheErrorAndNothingIsStored() throws Exception {
        int before = UnblockTestData.count(jdbc, "unblock_request");

        mvc.perform(post("/unblock/request").with(csrf()).param("url", "https://noreason.example/")
                        .param("scope", "DOMAIN").param("groups", "ks4").param("until", inAWeek()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("role=\"alert\"")))
                .andExpect(content().string(containsString("Reason: give a reason")))
                .andExpect(content().string(containsString("value=\"https://noreason.example/\"")));

        assertThat(UnblockTestData.count(jdbc, "unblock_request")).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "t.teacher", authorities = "UNBLOCK_REQUEST")
    void anUnknownNetworkUsernameIsAClearError() throws Exception {
        mvc.perform(post("/unblock/request").with(csrf()).param("url", "https://nobody.example/").param("scope", "DOMAIN")
                        .param("people", "no.such.pupil").param("reason", "r").param("until", inAWeek()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("no one has the network username &#39;no.such.pupil&#39;")));
    }

    @Test
    @WithMockUser(username = "t.teacher", authorities = "UNBLOCK_REQUEST")
    void anIllegalAddressIsRefusedOnTheFormWithAClearMessage() throws Exception {
        mvc.perform(post("/unblock/request").with(csrf()).param("url", IllegalAddresses.SITE)
                        .param("scope", "DOMAIN").param("groups", "ks4").param("reason", "r").param("until", inAWeek()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("can never be unblocked")));
    }

    @Test
    @WithMockUser(username = "d.dsl", authorities = {"UNBLOCK_REQUEST", "UNBLOCK_APPROVE"})
    void anApproverGrantsFromThePendingList() throws Exception {
        Instant now = Instant.now();
        UnblockRequest asked = unblocks.request(UnblockTestData.draft("https://pagegrant.example/", now), "t.teacher", now);

        mvc.perform(get("/unblock")).andExpect(content().string(containsString("pagegrant.example")));
        mvc.perform(post("/unblock/{id}/grant", asked.id()).with(csrf()).param("reason", "Agreed"))
                .andExpect(redirectedUrl("/unblock"));

        assertThat(unblocks.get(asked.id()).status()).isEqualTo(UnblockStatus.GRANTED);
    }

    @Test
    @WithMockUser(username = "d.dsl", authorities = {"UNBLOCK_REQUEST", "UNBLOCK_APPROVE"})
    void selfApprovalOnThePageIsRefusedWithTheReason() throws Exception {
        Instant now = Instant.now();
        UnblockRequest own = unblocks.request(UnblockTestData.draft("https://pageown.example/", now), "d.dsl", now);

        mvc.perform(post("/unblock/{id}/grant", own.id()).with(csrf()).param("reason", "Mine"))
                .andExpect(redirectedUrl("/unblock"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("errors", hasItem(containsString("cannot decide your own request"))));
        assertThat(unblocks.get(own.id()).status()).isEqualTo(UnblockStatus.REQUESTED);
    }

    @Test
    @WithMockUser(username = "api.client", authorities = "UNBLOCK_REQUEST")
    void theApiRecordsARequest() throws Exception {
        String until = Instant.now().plus(Duration.ofDays(3)).toString();
        mvc.perform(post("/api/v1/unblocks").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://api.example/x/\",\"scope\":\"URL_PREFIX\",\"groups\":[\"ks4\"],"
                                + "\"reason\":\"Extremism unit\",\"until\":\"" + until + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.target").value("api.example/x/"))
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.requestedBy").value("api.client"));
    }

    @Test
    @WithMockUser(username = "api.client", authorities = "UNBLOCK_REQUEST")
    void theApiListsEveryProblemWithABadRequest() throws Exception {
        mvc.perform(post("/api/v1/unblocks").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://api.example/\",\"scope\":\"DOMAIN\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors").isArray())
                .andExpect(jsonPath("$.errors", hasItem(containsString("Reason"))))
                .andExpect(jsonPath("$.errors", hasItem(containsString("Until"))));
    }

    @Test
    @WithMockUser(username = "api.client", authorities = "UNBLOCK_REQUEST")
    void theApiRejectsABodyThatIsNotJson() throws Exception {
        mvc.perform(post("/api/v1/unblocks").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{until: soon"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("ISO-8601")));
    }

    @Test
    @WithMockUser(username = "d.dsl", authorities = "UNBLOCK_APPROVE")
    void theApiListsRequestsByStatus() throws Exception {
        Instant now = Instant.now();
        unblocks.request(UnblockTestData.draft("https://apilist.example/", now), "t.teacher", now);

        mvc.perform(get("/api/v1/unblocks").param("status", "requested"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].target", hasItem("apilist.example")))
                .andExpect(jsonPath("$[*].status", not(hasItem("GRANTED"))));
    }

    @Test
    @WithMockUser(username = "d.dsl", authorities = "UNBLOCK_APPROVE")
    void theApiRejectsAnUnknownStatus() throws Exception {
        mvc.perform(get("/api/v1/unblocks").param("status", "pending"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("REQUESTED, GRANTED")));
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/unblocks'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/unblocks'].get").exists());
    }
}
