package org.lantern.server.people;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.server.identity.Permission;
import org.lantern.server.identity.Role;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.lantern.server.people.PeopleTables.count;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
@WithMockUser(username = "admin", authorities = {"PEOPLE_READ", "PEOPLE_MANAGE"})
class PeoplePagesTest {

    private static final String XSS_CSV = "Legal Surname,Legal Forename,Year,UPN\r\n<script>alert(1)</script>,Ann,3,B801200005001\r\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PeopleImporter importer;

    @BeforeEach
    void emptyDirectory() {
        PeopleTables.clear(jdbc);
    }

    private static MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "roll.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void uploadingShowsADryRunAndChangesNothing() throws Exception {
        mvc.perform(multipart("/people/import").file(file(XSS_CSV)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dry run: nothing has changed yet")));

        assertThat(count(jdbc, "person")).isZero();
    }

    @Test
    void htmlInANameIsEscapedInTheDryRun() throws Exception {
        mvc.perform(multipart("/people/import").file(file(XSS_CSV)).with(csrf()))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void applyingImportsTheFileThatWasReviewedAndShowsCounts() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult dryRun = mvc.perform(multipart("/people/import").file(file(XSS_CSV)).session(session).with(csrf()))
                .andReturn();
        String token = ((PeopleController.PendingImport) session.getAttribute("people.pendingImport")).token();
        assertThat(dryRun.getResponse().getContentAsString()).contains("value=\"" + token + "\"");

        mvc.perform(post("/people/import/apply").param("token", token).session(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 people added")));
        assertThat(count(jdbc, "person")).isEqualTo(1);
    }

    @Test
    void applyingAFileWithErrorsWithoutChoosingValidRowsChangesNothing() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart("/people/import").file(file(XSS_CSV + "Jones,Bea,Q,\r\n")).session(session).with(csrf()));
        String token = ((PeopleController.PendingImport) session.getAttribute("people.pendingImport")).token();

        mvc.perform(post("/people/import/apply").param("token", token).session(session).with(csrf()))
                .andExpect(content().string(containsString("nothing was imported")));
        assertThat(count(jdbc, "person")).isZero();
    }

    @Test
    void anUploadOverFiveMegabytesIsRefusedWithAClearMessage() throws Exception {
        byte[] big = new byte[(int) PeopleController.MAX_UPLOAD_BYTES + 1];

        mvc.perform(multipart("/people/import").file(new MockMultipartFile("file", "big.csv", "text/csv", big)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("larger than 5 MB")));
    }

    @Test
    @WithMockUser(username = "teacher", authorities = "PEOPLE_READ")
    void importingNeedsPeopleManage() throws Exception {
        mvc.perform(multipart("/people/import").file(file(XSS_CSV)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void htmlInANameIsEscapedOnThePersonPage() throws Exception {
        long id = importedAnn();

        mvc.perform(get("/people/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void removingAccessFromThePersonPageNeedsAReason() throws Exception {
        long id = importedAnn();

        mvc.perform(post("/people/{id}/access", id).param("action", "remove").param("reason", " ").with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(people.get(id).internetAccess()).isTrue();
    }

    @Test
    void removingAccessFromThePersonPageIsRecordedAgainstTheUser() throws Exception {
        long id = importedAnn();

        mvc.perform(post("/people/{id}/access", id).param("action", "remove").param("reason", "parent withdrew consent")
                .with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(people.accessHistory(id).getFirst()).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.reason()).isEqualTo("parent withdrew consent");
        });
    }

    @Test
    void addingAMalformedDeviceIpFromThePersonPageShowsWhyAndChangesNothing() throws Exception {
        long id = importedAnn();

        mvc.perform(post("/people/{id}/identities", id).param("type", "DEVICE_IP").param("value", "not-an-ip").with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(people.get(id).networkIdentities()).isEmpty();
    }

    @Test
    void addingADeviceIpFromThePersonPageRecordsIt() throws Exception {
        long id = importedAnn();

        mvc.perform(post("/people/{id}/identities", id).param("type", "DEVICE_IP").param("value", "10.20.3.4").with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(people.get(id).networkIdentities())
                .containsExactly(new NetworkIdentity(NetworkIdentityType.DEVICE_IP, "10.20.3.4"));
    }

    @Test
    void theDirectoryFindsPeopleByName() throws Exception {
        importedAnn();

        mvc.perform(get("/people").param("q", "ann"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 people found")));
    }

    @Test
    void theDirectoryExplainsAnUnknownYearGroup() throws Exception {
        mvc.perform(get("/people").param("year", "14"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Unknown year group")));
    }

    @Test
    void theRegisterShowsWhoWasGrantedAccess() throws Exception {
        importedAnn();

        mvc.perform(get("/people/register").param("action", "GRANTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("on roll (no start date)")));
    }

    /** Teachers see names, year, class and groups; date of birth, UPN and devices only roles that need them. */
    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "DSL", "DEPUTY_DSL", "HEADTEACHER", "STAFF"})
    void thePersonPageShowsIdentifyingDetailsOnlyToRolesThatNeedThem(Role role) throws Exception {
        importer.apply(PeopleTables.fixture(), "roll.csv", false, false, "admin");
        long olly = people.findByProxyUsername("osmith15").orElseThrow().id();
        boolean details = role.can(Permission.PEOPLE_READ_DETAILS);

        String page = mvc.perform(get("/people/{id}", olly).with(user("viewer").authorities(
                        role.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Olly Smith", "Year 5", "5A", "Filter group");
        for (String identifying : List.of("Q370400821001", "14/03/2015", "001001", "osmith15", "10.20.15.10",
                "Network identities")) {
            assertThat(page.contains(identifying)).as(identifying).isEqualTo(details);
        }
    }

    @Test
    void anUnknownPersonIsNotFound() throws Exception {
        mvc.perform(get("/people/{id}", 999_999_999L)).andExpect(status().isNotFound());
    }

    private long importedAnn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart("/people/import").file(file(XSS_CSV)).session(session).with(csrf()));
        String token = ((PeopleController.PendingImport) session.getAttribute("people.pendingImport")).token();
        mvc.perform(post("/people/import/apply").param("token", token).session(session).with(csrf()));
        return people.list(null).getFirst().id();
    }
}
