package org.lantern.server.registers.devices;

import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.ApiTokenService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The personal devices (BYOD) API with an API token, as a school's MIS script would use it (H2 and
 * PostgreSQL): list with the policy's kinds, register, take off, and every refusal with nothing changed.
 */
@PersistenceTest
@AutoConfigureMockMvc
class PersonalDeviceApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    PersonalDevices personal;
    @Autowired
    JdbcClient jdbc;

    private String token(Role role) {
        return TestUsers.bearer(accountService, accounts, tokens, "byodapi." + role.name().toLowerCase(), role);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM personal_device").query(Long.class).single();
    }

    @Test
    void theOfficeRegistersListsAndTakesOffAPersonalDevice() throws Exception {
        String office = token(Role.OFFICE);
        long staff = TestPeople.person(jdbc, "STAFF", "Bea", TestPeople.unique("Byod"));
        PersonalDeviceKind kind = personal.kinds().stream().filter(PersonalDeviceKind::allowed).findFirst().orElseThrow();
        String body = "{\"personId\":" + staff + ",\"kind\":\"" + kind.id() + "\",\"description\":\"Pixel 7, green case\"}";

        String created = mvc.perform(post("/api/v1/registers/devices/personal").header("Authorization", office)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.personId").value(staff))
                .andExpect(jsonPath("$.kindLabel").value(kind.label()))
                .andExpect(jsonPath("$.removedAt").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));

        mvc.perform(get("/api/v1/registers/devices/personal").header("Authorization", token(Role.HEADTEACHER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personalDevices[*].description", hasItem("Pixel 7, green case")))
                .andExpect(jsonPath("$.kinds[*].id", hasItem(kind.id())));
        mvc.perform(post("/api/v1/registers/devices/personal/" + id + "/remove").header("Authorization", office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.removedAt").isNotEmpty());
        mvc.perform(post("/api/v1/registers/devices/personal/" + id + "/remove").header("Authorization", office))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("already taken off")));
        mvc.perform(get("/api/v1/registers/devices/personal").header("Authorization", office))
                .andExpect(jsonPath("$.personalDevices[*].id", not(hasItem((int) id))));
        assertThat(jdbc.sql("SELECT action FROM audit_chain WHERE record_type = 'personal-device' AND record_id = :id "
                        + "ORDER BY sequence_number").param("id", Long.toString(id)).query(String.class).list())
                .containsExactly("personal-device.registered", "personal-device.removed");
    }

    @Test
    void aBadRegistrationNamesEveryProblemAndRegistersNothing() throws Exception {
        long before = count();
        mvc.perform(post("/api/v1/registers/devices/personal").header("Authorization", token(Role.OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":999999999,\"kind\":\"no-such-kind\",\"description\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]").value("There is no person 999999999."))
                .andExpect(jsonPath("$.problems.length()").value(3));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyThoseWhoKeepDevicesMayRegisterOrRemoveAndAMissingOneIsNotFound() throws Exception {
        mvc.perform(post("/api/v1/registers/devices/personal").header("Authorization", token(Role.STAFF))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registers/devices/personal").header("Authorization", token(Role.PUPIL)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/registers/devices/personal/999999999/remove").header("Authorization", token(Role.OFFICE)))
                .andExpect(status().isNotFound());
    }
}
