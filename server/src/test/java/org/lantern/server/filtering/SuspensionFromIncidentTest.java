package org.lantern.server.filtering;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.filter.decision.Decision;
import org.lantern.filter.decision.DecisionRequest;
import org.lantern.filter.decision.Rule;
import org.lantern.policy.Sanctions;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.RecordKind;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.people.AccessSuspensions;
import org.lantern.server.people.People;
import org.lantern.server.people.PeopleImporter;
import org.lantern.server.people.RecordView;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The incident sanction loop (seed 002, pupil Actions / Sanctions): completing "removal of
 * network / internet access rights" blocks the pupil at their next request, although people are
 * cached; the person page shows the suspension and who may restore it; only those roles can, with
 * a reason, and the pupil is allowed again at once.
 */
@CachedPeopleFilteringTest
class SuspensionFromIncidentTest {

    private static final String LIBRARY = "http://library.example/";

    @Autowired
    FilterService filter;
    @Autowired
    IncidentService incidents;
    @Autowired
    PeopleImporter importer;
    @Autowired
    People people;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    MockMvc mvc;

    private String username;
    private long pupil;

    @BeforeEach
    void aPupilWithInternetAccess() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        username = "pupil" + tag;
        importer.apply(("Type,Adno,Legal Surname,Legal Forename,Year,Proxy Username\r\nPupil,S" + tag + ",Pupil,Priya,9,"
                + username).getBytes(StandardCharsets.UTF_8), "roll-" + tag + ".csv", false, false, "admin");
        pupil = people.findByProxyUsername(username).orElseThrow().id();
    }

    private Decision browse() throws Exception {
        return filter.decide(DecisionRequest.of(LIBRARY, "GET", username, null, Instant.now()));
    }

    /** A signed-in account of {@code role}: the person page asks who the viewer is, as the real server does. */
    private RequestPostProcessor as(String name, Role role) {
        return authentication(TestUsers.signedIn(accountService, accounts, "suspension." + name, role));
    }

    /** Records a proxy-site incident about the pupil and completes its removal of network access, as the DSL. */
    private Incident suspendThroughAnIncident() {
        String dsl = "dsl.suspension";
        long account = accounts.idOf(dsl)
                .orElseGet(() -> accountService.create(dsl, "DSL", Role.DSL, "suspension password 1", "test"));
        Incident incident = incidents.record(new NewIncident(SubjectType.PUPIL, "using-proxy-sites", List.of(pupil),
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), "IT suite", "Used a proxy site.", null, List.of()),
                new Viewer(account, dsl, true));
        long action = incident.actions().stream()
                .filter(a -> a.columnId().equals(Sanctions.REMOVE_NETWORK_ACCESS)).findFirst().orElseThrow().id();
        return incidents.complete(incident.id(), action, "Access removed for two weeks", dsl);
    }

    @Test
    void completingTheRemovalBlocksThePupilAtTheirNextRequest() throws Exception {
        assertThat(browse().allowed()).isTrue();

        suspendThroughAnIncident();

        Decision d = browse();
        assertThat(d.allowed()).isFalse();
        assertThat(d.rule()).isEqualTo(Rule.ACCESS_REMOVED);
    }

    /**
     * Everyone who may read people sees the suspension and who may restore it, but a link to the
     * incident only if they may open it: the DSL may, the administrator and a teacher did not record it.
     */
    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DSL", "ADMIN", "STAFF"})
    void thePersonPageShowsTheSuspensionAndLinksToTheIncidentOnlyForThoseWhoMayOpenIt(Role role) throws Exception {
        Incident incident = suspendThroughAnIncident();
        String link = "href=\"/incidents/" + incident.id() + "\"";
        boolean mayOpen = role == Role.DSL;

        for (String page : List.of("/people/" + pupil, "/people/register")) {
            mvc.perform(get(page).with(as(role.name().toLowerCase(), role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("incident " + incident.id())))
                    .andExpect(content().string(mayOpen ? containsString(link) : not(containsString(link))));
        }
        mvc.perform(get("/people/" + pupil).with(as(role.name().toLowerCase(), role)))
                .andExpect(content().string(containsString(AccessSuspensions.whoMayRestore())))
                .andExpect(content().string(role.can(Permission.NETWORK_ACCESS_RESTORE)
                        ? containsString("Restore internet access") : not(containsString("Restore internet access"))));
    }

    /** A register reason from a child-protection record is for those who may read child protection only. */
    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"DSL", "ADMIN", "STAFF"})
    void aReasonFromAChildProtectionRecordIsRestrictedForThoseWhoMayNotReadIt(Role role) throws Exception {
        Incident incident = suspendThroughAnIncident();
        incidents.reclassify(incident.id(), RecordKind.CHILD_PROTECTION, "Disclosure during the conversation",
                new Viewer(accounts.idOf("dsl.suspension").orElseThrow(), "dsl.suspension", true));
        boolean childProtection = role.can(Permission.CHILD_PROTECTION_READ);
        String reason = "completed on incident " + incident.id();

        for (String page : List.of("/people/" + pupil, "/people/register")) {
            mvc.perform(get(page).with(as(role.name().toLowerCase(), role)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(childProtection ? containsString(reason) : not(containsString(reason))))
                    .andExpect(content().string(childProtection ? not(containsString(RecordView.RESTRICTED))
                            : containsString(RecordView.RESTRICTED)));
        }
    }

    @Test
    void aRoleWithoutTheRestorePermissionIsRefusedAndThePupilStaysBlocked() throws Exception {
        suspendThroughAnIncident();

        mvc.perform(post("/people/" + pupil + "/access/restore").param("reason", "seems harsh")
                        .with(as("teacher", Role.STAFF)).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(browse().allowed()).isFalse();
    }

    @Test
    void anOrdinaryGrantCannotLiftTheSuspension() throws Exception {
        suspendThroughAnIncident();

        mvc.perform(post("/people/" + pupil + "/access").param("action", "grant").param("reason", "back on")
                        .with(as("admin", Role.ADMIN)).with(csrf()))
                .andExpect(flash().attribute("accessError", containsString("suspended after incident")));

        assertThat(browse().allowed()).isFalse();
    }

    @Test
    void aRestoreWithoutAReasonIsRefusedAndThePupilStaysBlocked() throws Exception {
        suspendThroughAnIncident();

        mvc.perform(post("/people/" + pupil + "/access/restore").param("reason", "")
                        .with(as("dsl", Role.DSL)).with(csrf()))
                .andExpect(flash().attribute("restoreError", containsString("Say why")));

        assertThat(browse().allowed()).isFalse();
    }

    @Test
    void theDslRestoresWithAReasonAndThePupilIsAllowedAtTheirNextRequest() throws Exception {
        suspendThroughAnIncident();
        assertThat(browse().allowed()).isFalse();

        mvc.perform(post("/people/" + pupil + "/access/restore").param("reason", "two weeks served")
                        .with(as("dsl", Role.DSL)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("accessMessage", containsString("restored")));

        assertThat(browse().allowed()).isTrue();
        assertThat(people.accessHistory(pupil).getFirst().reason()).contains("two weeks served");
    }
}
