package org.lantern.server.registers.devices;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestPeople;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changing a personal device on its page, as the API changes it (H2 and PostgreSQL): the register
 * names each device's kind in words and links to its page; the change is checked by the same
 * service and audited; a refusal names every problem, changes nothing and shows the form again with
 * what was typed; a device taken off the register offers no form and refuses a change; a form sent
 * without its CSRF token changes nothing.
 */
@PersistenceTest
@AutoConfigureMockMvc
class PersonalDevicePageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    PersonalDevices personal;
    @Autowired
    JdbcClient jdbc;

    private Authentication office() {
        return TestUsers.signedIn(accountService, accounts, "byodpage.office", Role.OFFICE);
    }

    private PersonalDeviceKind allowedKind() {
        return personal.kinds().stream().filter(PersonalDeviceKind::allowed).findFirst().orElseThrow();
    }

    private long registered(String description) {
        long staff = TestPeople.person(jdbc, "STAFF", "Dee", TestPeople.unique("Byodpage"));
        return personal.register(staff, allowedKind().id(), description, "office").id();
    }

    private List<String> auditActions(long id) {
        return jdbc.sql("SELECT action FROM audit_chain WHERE record_type = 'personal-device' AND record_id = :id "
                + "ORDER BY sequence_number").param("id", Long.toString(id)).query(String.class).list();
    }

    @Test
    void theOfficeChangesADeviceOnItsPageAndTheChangeIsAudited() throws Exception {
        long id = registered("Old phone");

        mvc.perform(get("/registers/devices/personal").with(authentication(office())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/registers/devices/personal/" + id + "\"")))
                .andExpect(content().string(containsString(">" + HtmlUtils.htmlEscape(allowedKind().label()) + "<")));
        mvc.perform(get("/registers/devices/personal/" + id).with(authentication(office())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Old phone\"")))
                .andExpect(content().string(containsString("action=\"/registers/devices/personal/" + id + "\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));

        mvc.perform(post("/registers/devices/personal/" + id).with(authentication(office())).with(csrf())
                        .param("kind", allowedKind().id()).param("description", "  <b>Pixel 8</b>, red case "))
                .andExpect(redirectedUrl("/registers/devices/personal"))
                .andExpect(flash().attribute("done", "Personal device changed."));

        assertThat(personal.get(id).description()).isEqualTo("<b>Pixel 8</b>, red case");
        assertThat(auditActions(id)).containsExactly("personal-device.registered", "personal-device.changed");
        mvc.perform(get("/registers/devices/personal/" + id).with(authentication(office())))
                .andExpect(content().string(containsString("&lt;b&gt;Pixel 8&lt;/b&gt;, red case")))
                .andExpect(content().string(not(containsString("<b>Pixel 8</b>"))));
    }

    static Stream<Arguments> badChanges() {
        return Stream.of(
                Arguments.of("no-such-kind", " ", 2, "What the device is is required."),
                Arguments.of("ALLOWED", "x".repeat(PersonalDevices.MAX_DESCRIPTION + 1), 1,
                        "What the device is must be at most 200 characters."));
    }

    @ParameterizedTest(name = "kind {0}: {3}")
    @MethodSource("badChanges")
    void aBadChangeNamesEveryProblemChangesNothingAndKeepsWhatWasTyped(String kind, String description,
                                                                      int problems, String last) throws Exception {
        long id = registered("Kept phone");
        String typedKind = kind.replace("ALLOWED", allowedKind().id());

        MvcResult refused = mvc.perform(post("/registers/devices/personal/" + id).with(authentication(office()))
                        .with(csrf()).param("kind", typedKind).param("description", description))
                .andExpect(redirectedUrl("/registers/devices/personal/" + id))
                .andExpect(flash().attribute("change",
                        new PersonalDevicePageController.Change(typedKind, description)))
                .andReturn();
        @SuppressWarnings("unchecked")
        List<String> named = (List<String>) refused.getFlashMap().get("problems");
        assertThat(named).hasSize(problems).last().isEqualTo(last);

        assertThat(personal.get(id).description()).isEqualTo("Kept phone");
        assertThat(auditActions(id)).containsExactly("personal-device.registered");
        mvc.perform(get("/registers/devices/personal/" + id).with(authentication(office()))
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing was changed:")))
                .andExpect(content().string(containsString(last)))
                .andExpect(content().string(containsString("value=\"" + description + "\"")));
    }

    @Test
    void aDeviceTakenOffTheRegisterOffersNoFormAndRefusesAChange() throws Exception {
        long id = registered("Gone phone");
        personal.remove(id, "office");

        mvc.perform(get("/registers/devices/personal/" + id).with(authentication(office())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("cannot be changed")))
                .andExpect(content().string(not(containsString("Save the change"))));
        mvc.perform(post("/registers/devices/personal/" + id).with(authentication(office())).with(csrf())
                        .param("kind", allowedKind().id()).param("description", "New"))
                .andExpect(redirectedUrl("/registers/devices/personal/" + id))
                .andExpect(flash().attribute("problems", List.of("That personal device was taken off the register, "
                        + "so it cannot be changed: register it again.")));
        mvc.perform(get("/registers/devices/personal/999999999").with(authentication(office())))
                .andExpect(status().isNotFound());

        assertThat(personal.get(id).description()).isEqualTo("Gone phone");
    }

    @Test
    void aChangeWithoutItsCsrfTokenChangesNothing() throws Exception {
        long id = registered("Safe phone");

        mvc.perform(post("/registers/devices/personal/" + id).with(authentication(office()))
                        .param("kind", allowedKind().id()).param("description", "Forged"))
                .andExpect(status().isForbidden());

        assertThat(personal.get(id).description()).isEqualTo("Safe phone");
        assertThat(auditActions(id)).containsExactly("personal-device.registered");
    }
}
