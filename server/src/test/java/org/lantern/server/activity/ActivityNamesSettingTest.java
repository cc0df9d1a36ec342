package org.lantern.server.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.lantern.activity.ActivityStore;
import org.lantern.server.audit.AuditChain;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantern.server.activity.ActivityRows.row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Whether the network manager sees pupils' names in the activity log is a school setting: the
 * headteacher or the DSL changes it on {@code /activity/settings} with a reason, the change is
 * audited and kept as a history, and the network manager's search page, CSV and API follow it from
 * the next search. The installation's property only gives the value until the school first chooses.
 */
@PersistenceTest
@AutoConfigureMockMvc
class ActivityNamesSettingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    ActivityStore store;
    @Autowired
    ActivityNamesSetting setting;
    @Autowired
    AuditChain audit;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String surname;
    private String user;
    private long pupil;

    @BeforeEach
    void seed() {
        jdbc.sql("DELETE FROM activity_names_setting").update();
        surname = TestPeople.unique("Named");
        user = TestPeople.unique("names.");
        pupil = TestPeople.pupil(jdbc, "Ida", surname);
        ActivityRows.append(store, List.of(row(now.minus(5, ChronoUnit.MINUTES), pupil, user, "10.63.0.9",
                "http://names.example/" + user, "ALLOW", "education", null)));
    }

    /** Other tests expect the installation's default. */
    @AfterEach
    void backToTheDefault() {
        jdbc.sql("DELETE FROM activity_names_setting").update();
    }

    private RequestPostProcessor as(Role role) {
        return TestUsers.as(accountService, accounts, "names", role);
    }

    private MockHttpServletResponse fetch(String path, Role role) throws Exception {
        return mvc.perform(get(path).with(as(role))).andReturn().getResponse();
    }

    private MvcResult choose(Role role, String names, String reason) throws Exception {
        return mvc.perform(post("/activity/settings/names").param("technicalSeesNames", names)
                .param("reason", reason).with(as(role)).with(csrf())).andReturn();
    }

    private JsonNode apiItem() throws Exception {
        MockHttpServletResponse response = fetch("/api/v1/activity?user=" + user + "&limit=1", Role.ADMIN);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString()).get("items").get(0);
    }

    private void assertTheNetworkManagerSeesNoNames() throws Exception {
        assertThat(fetch("/activity?user=" + user, Role.ADMIN).getContentAsString())
                .contains("names.example/" + user).doesNotContain(surname);
        assertThat(apiItem().has("personId")).isFalse();
        assertThat(fetch("/activity?person=" + pupil, Role.ADMIN).getStatus()).isEqualTo(400);
        assertThat(fetch("/api/v1/activity?person=" + pupil, Role.ADMIN).getStatus()).isEqualTo(400);
    }

    @Test
    void withNoChoiceTheNetworkManagerSeesNoNamesAsTheInstallationsDefaultSays() throws Exception {
        assertThat(setting.technicalSeesNames()).isFalse();
        assertTheNetworkManagerSeesNoNames();
        assertThat(fetch("/activity/settings", Role.DSL).getContentAsString())
                .contains("Now: the network manager does not see names.", "no one has chosen yet");
    }

    @ParameterizedTest(name = "chosen by the {0}")
    @EnumSource(value = Role.class, names = {"DSL", "HEADTEACHER"})
    void theChoiceIsAuditedKeptAsHistoryAndTheNetworkManagersSearchesFollowIt(Role chooser) throws Exception {
        MvcResult shown = choose(chooser, "yes", "The network manager is also the <b>deputy DSL</b>.");

        assertThat(shown.getFlashMap().get("problem")).isNull();
        assertThat(audit.latest(ActivityNamesSetting.CHOSEN)).hasValueSatisfying(entry -> {
            assertThat(entry.actor()).isEqualTo("names." + chooser.name().toLowerCase());
            assertThat(entry.detailJson()).contains("\"technicalSeesNames\":true");
        });
        assertThat(fetch("/activity?user=" + user, Role.ADMIN).getContentAsString()).contains(surname);
        JsonNode item = apiItem();
        assertThat(item.get("personId").asLong()).isEqualTo(pupil);
        assertThat(fetch("/activity?person=" + pupil, Role.ADMIN).getStatus()).isEqualTo(200);
        assertThat(fetch("/activity.csv?user=" + user, Role.ADMIN).getContentAsString()).contains(surname);

        choose(chooser, "no", "Back to user names only.");

        assertTheNetworkManagerSeesNoNames();
        String page = fetch("/activity/settings", chooser).getContentAsString();
        assertThat(page).contains("Now: the network manager does not see names.", "Back to user names only.",
                "The network manager is also the &lt;b&gt;deputy DSL&lt;/b&gt;.").doesNotContain("<b>deputy");
        assertThat(setting.history()).extracting(ActivityNamesSetting.Choice::technicalSeesNames)
                .as("newest first, every choice kept").containsExactly(false, true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yes|' '|Give a reason.",
        "maybe|A reason.|Choose whether the network manager sees names.",
        "''|A reason.|Choose whether the network manager sees names.",
    })
    void aMissingReasonOrChoiceChangesNothingAndSaysWhy(String names, String reason, String problem) throws Exception {
        long audited = audit.head().sequence();

        MvcResult result = choose(Role.DSL, names, reason);

        assertThat(result.getFlashMap().get("problem")).isEqualTo(problem);
        assertThat(setting.history()).isEmpty();
        assertThat(audit.head().sequence()).isEqualTo(audited);
        assertThat(setting.technicalSeesNames()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "DEPUTY_DSL", "STAFF", "GOVERNOR", "PUPIL", "OFFICE"})
    void noOneElseSeesOrChangesTheSettingAndTheNetworkManagerCannotGrantItToThemselves(Role role) throws Exception {
        assertThat(fetch("/activity/settings", role).getStatus()).isEqualTo(403);
        assertThat(choose(role, "yes", "I would like to.").getResponse().getStatus()).isEqualTo(403);
        assertThat(setting.history()).isEmpty();
    }

    @Test
    void theInstallationsPropertyGivesTheValueOnlyUntilTheSchoolChooses() {
        ActivityNamesSetting seeded = new ActivityNamesSetting(jdbc, new ActivityPrivacyProperties(true), audit);
        assertThat(seeded.technicalSeesNames()).isTrue();

        seeded.choose(false, "The school decided.", "names.dsl");

        assertThat(seeded.technicalSeesNames()).isFalse();
    }
}
