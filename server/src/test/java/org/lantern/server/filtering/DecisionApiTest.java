package org.lantern.server.filtering;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FilteringTest
class DecisionApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FilterService filter;

    @BeforeEach
    void listsLoaded() {
        filter.listsLoaded().join();
    }

    @Test
    @WithMockUser(authorities = "FILTER_CHECK")
    void explainsABlockWithTheListEntryPolicyRowAndVersion() throws Exception {
        mvc.perform(get("/api/v1/decision").param("url", "http://www.casino.example/poker")
                        .param("at", "2025-03-04T10:00:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.action").value("BLOCK"))
                .andExpect(jsonPath("$.rule").value("POLICY"))
                .andExpect(jsonPath("$.category").value("gambling"))
                .andExpect(jsonPath("$.list").value("lists/gambling"))
                .andExpect(jsonPath("$.entry").value("casino.example"))
                .andExpect(jsonPath("$.activity").value("online-gambling"))
                .andExpect(jsonPath("$.level").value("unacceptable"))
                .andExpect(jsonPath("$.policyVersion").isNumber())
                .andExpect(jsonPath("$.subject.group").value("visitors"))
                .andExpect(jsonPath("$.reason").value(containsString("Gambling")));
    }

    @Test
    @WithMockUser(authorities = "FILTER_CHECK")
    void reportsTheSearchTermAndSafeSearchRewrite() throws Exception {
        mvc.perform(get("/api/v1/decision").param("url", "https://www.google.com/search?q=homework+help"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.action").value("ALLOW"))
                .andExpect(jsonPath("$.searchTerm").value("homework help"))
                .andExpect(jsonPath("$.rewriteUrl").value(containsString("safe=active")))
                .andExpect(jsonPath("$.bypassAttempt").value(false));
    }

    @Test
    @WithMockUser(authorities = "FILTER_CHECK")
    void anUnreadableUrlIsABadRequestSayingWhy() throws Exception {
        mvc.perform(get("/api/v1/decision").param("url", "gopher://old.example/"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("UNSUPPORTED_SCHEME")));
    }

    @Test
    @WithMockUser(authorities = "FILTER_CHECK")
    void aMissingUrlIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/decision"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("url: required"));
    }

    @Test
    @WithMockUser(authorities = "FILTER_CHECK")
    void anUnreadableTimeIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/decision").param("url", "http://library.example/").param("at", "tuesday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("ISO-8601")));
    }

    @Test
    void theDecisionApiIsDocumentedInOpenApi() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/decision'].get.summary")
                        .value("Explain what the filter would do with a URL"));
    }
}
