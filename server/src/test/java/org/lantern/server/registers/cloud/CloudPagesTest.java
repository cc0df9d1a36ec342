package org.lantern.server.registers.cloud;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A member of staff asks for a service through the API, the network manager and the headteacher
 * approve it in their pages, and it shows on the list; markup in a request is shown as text and
 * a formula in the CSV is disarmed; the endpoints are in the OpenAPI document.
 */
@PersistenceTest
@AutoConfigureMockMvc
class CloudPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    CloudServices services;

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "pages.cloud", role);
    }

    @Test
    void aStaffRequestNeedsTheIctManagerAndTheHeadThenIsOnTheList() throws Exception {
        String name = TestPeople.unique("=cmd|' /C calc'!A0 <i>Padlet</i> ");
        String body = "{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"purpose\":\"Discussion\","
                + "\"dataHeld\":\"first names\",\"dpiaDone\":false,\"dpaInPlace\":true}";
        String json = mvc.perform(post("/api/v1/registers/cloud-services/requests").with(as(Role.STAFF))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REQUESTED"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(json.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/registers/cloud-services/requests").with(as(Role.STAFF)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());

        mvc.perform(post("/registers/cloud/" + id + "/approve").with(as(Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("done", containsString("now needs the other approval")));
        mvc.perform(get("/registers/cloud/" + id).with(as(Role.HEADTEACHER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Decide as a senior leader")))
                .andExpect(content().string(containsString("&lt;i&gt;Padlet&lt;/i&gt;")));
        mvc.perform(post("/registers/cloud/" + id + "/approve").with(as(Role.HEADTEACHER)).with(csrf()))
                .andExpect(flash().attribute("done", containsString("is approved")));
        assertThat(services.find(id).orElseThrow().status()).isEqualTo(CloudService.Status.APPROVED);

        String csv = mvc.perform(get("/registers/cloud/services.csv").with(as(Role.STAFF)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("'=cmd|").doesNotContain("\n=cmd|").doesNotContain(",=cmd|");
    }

    @Test
    void aRefusalWithoutAReasonIsExplainedAndChangesNothing() throws Exception {
        CloudService s = services.request(new CloudServices.Details(TestPeople.unique("Discord "), "chat", "names",
                false, false), "teacher");
        mvc.perform(post("/api/v1/registers/cloud-services/" + s.id() + "/refuse").with(as(Role.ADMIN))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("Give the reason")));
        assertThat(services.find(s.id()).orElseThrow().status()).isEqualTo(CloudService.Status.REQUESTED);
        mvc.perform(post("/api/v1/registers/cloud-services/999999999/approve").with(as(Role.ADMIN))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOpenApiDocumentListsTheTrainingAndCloudEndpoints() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/registers/training/overdue")))
                .andExpect(content().string(containsString("/api/v1/registers/training/completions/import")))
                .andExpect(content().string(containsString("/api/v1/registers/cloud-services/{id}/approve")))
                .andExpect(content().string(containsString("/api/v1/registers/licences/due-soon")));
    }

    @Test
    void theOfficeKeepsTheLicencesAndRenewsOne() throws Exception {
        String product = TestPeople.unique("Adobe ");
        mvc.perform(post("/registers/licences").param("product", product).param("reference", "VIP-1")
                        .param("expiresOn", LocalDate.now().plusDays(10).toString())
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(flash().attribute("done", "The licence is saved."));
        mvc.perform(get("/registers/licences").with(as(Role.OFFICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Renew or change " + product)));
        mvc.perform(post("/registers/licences").param("product", "x").param("reference", "y").param("seats", "many")
                        .with(as(Role.OFFICE)).with(csrf()))
                .andExpect(flash().attribute("problems", hasItem("'many' is not a number of seats.")));
    }
}
