package org.lantern.server.registers.devices;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The personal devices (BYOD) API with an API token, as a school's MIS script would use it (H2 and
 * PostgreSQL): list with the policy's kinds, register, change, take off, export as CSV (and the page's
 * export alike), and every refusal with nothing changed.
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

    private long registered(String description) {
        long staff = TestPeople.person(jdbc, "STAFF", "Cas", TestPeople.unique("Byod"));
        return personal.register(staff, allowedKind().id(), description, "office").id();
    }

    private PersonalDeviceKind allowedKind() {
        return personal.kinds().stream().filter(PersonalDeviceKind::allowed).findFirst().orElseThrow();
    }

    @Test
    void theOfficeChangesAPersonalDevicesDescriptionAndTheChangeIsAudited() throws Exception {
        long id = registered("Old phone");
        PersonalDevice before = personal.get(id);

        mvc.perform(put("/api/v1/registers/devices/personal/" + id).header("Authorization", token(Role.OFFICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"" + allowedKind().id() + "\",\"description\":\"  Pixel 8, red case \"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.description").value("Pixel 8, red case"))
                .andExpect(jsonPath("$.personId").value(before.personId()))
                .andExpect(jsonPath("$.kindLabel").value(allowedKind().label()));

        assertThat(personal.get(id).description()).isEqualTo("Pixel 8, red case");
        assertThat(jdbc.sql("SELECT action FROM audit_chain WHERE record_type = 'personal-device' AND record_id = :id "
                        + "ORDER BY sequence_number").param("id", Long.toString(id)).query(String.class).list())
                .containsExactly("personal-device.registered", "personal-device.changed");
    }

    static Stream<Arguments> badUpdates() {
        return Stream.of(
                Arguments.of("{\"kind\":\"no-such-kind\",\"description\":\" \"}", 400, 2,
                        "What the device is is required."),
                Arguments.of("{\"kind\":\"ALLOWED\",\"description\":\"" + "x".repeat(PersonalDevices.MAX_DESCRIPTION + 1)
                        + "\"}", 400, 1, "What the device is must be at most 200 characters."),
                Arguments.of("not json", 400, null, null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badUpdates")
    void aBadUpdateIsRefusedWithItsReasonsAndChangesNothing(String body, int status, Integer problems, String last)
            throws Exception {
        long id = registered("Kept phone");
        long audited = auditCount();

        var result = mvc.perform(put("/api/v1/registers/devices/personal/" + id).header("Authorization", token(Role.OFFICE))
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("ALLOWED", allowedKind().id())))
                .andExpect(status().is(status));
        if (problems != null) {
            result.andExpect(jsonPath("$.problems.length()").value(problems))
                    .andExpect(jsonPath("$.problems[" + (problems - 1) + "]").value(last));
        }

        assertThat(personal.get(id).description()).isEqualTo("Kept phone");
        assertThat(auditCount()).isEqualTo(audited);
    }

    @Test
    void aDeviceTakenOffTheRegisterCannotBeChangedAndAMissingOneIsNotFound() throws Exception {
        long id = registered("Gone phone");
        personal.remove(id, "office");
        String body = "{\"kind\":\"" + allowedKind().id() + "\",\"description\":\"New\"}";

        mvc.perform(put("/api/v1/registers/devices/personal/" + id).header("Authorization", token(Role.OFFICE))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("taken off the register")));
        mvc.perform(put("/api/v1/registers/devices/personal/999999999").header("Authorization", token(Role.OFFICE))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        assertThat(personal.get(id).description()).isEqualTo("Gone phone");
    }

    static Stream<Arguments> exports() {
        return Stream.of(Arguments.of("/api/v1/registers/devices/personal/export", true),
                Arguments.of("/registers/devices/personal/export.csv", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void theRegisterExportsAsCsvWithFormulasDisarmed(String path, boolean api) throws Exception {
        long id = registered("=HYPERLINK(\"http://evil.example\",\"phone\")");
        long gone = registered("Taken off");
        personal.remove(gone, "office");
        var request = get(path);
        request = api ? request.header("Authorization", token(Role.HEADTEACHER))
                : request.with(authentication(TestUsers.signedIn(accountService, accounts, "byodpage.head",
                        Role.HEADTEACHER)));

        String csv = mvc.perform(request).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("personal-devices-")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv).startsWith("Personal device,Owner,Kind,Device,Registered by,Registered on")
                .contains(id + ",").contains("'=HYPERLINK").contains(allowedKind().label())
                .doesNotContain("Taken off");
    }

    private long auditCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_chain").query(Long.class).single();
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
        mvc.perform(put("/api/v1/registers/devices/personal/999999999").header("Authorization", token(Role.STAFF))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registers/devices/personal/export").header("Authorization", token(Role.PUPIL)))
                .andExpect(status().isForbidden());
    }
}
