package org.lantern.server.monitoring.library;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.monitor.library.CuratedLibraries;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.LibraryTables;
import org.lantern.server.support.PersistenceTest;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The libraries API: list, page, versions, export, import and changes, school exclusions listed and
 * removed, refused in words, in the OpenAPI document.
 */
@PersistenceTest
@AutoConfigureMockMvc
class LibraryApiTest {

    private static final String API = "/api/v1/monitor/libraries";
    private static final String HEADER = "phrase,category,language,level,rule,help_seeking,identity,source,licence\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    MonitorEngine engine;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void shipped() {
        LibraryTables.clear(jdbc, engine);
    }

    private RequestPostProcessor dsl() {
        return authentication(TestUsers.signedIn(accountService, accounts, "libapi.dsl", Role.DSL));
    }

    @Test
    void listsLibrariesAndPagesThroughPhrases() throws Exception {
        mvc.perform(get(API).with(dsl())).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.category == 'gambling')].library").value(hasItem("lantern-gambling")))
                .andExpect(jsonPath("$[?(@.category == 'illegal')].editable").value(hasItem(false)));
        mvc.perform(get(API + "/gambling").param("q", "bet").param("size", "2").with(dsl())).andExpect(status().isOk())
                .andExpect(jsonPath("$.phrases.length()").value(2))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(2)))
                .andExpect(jsonPath("$.phrases[0].levels.staff").exists());
        mvc.perform(get(API + "/illegal").with(dsl())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("never shown")));
        mvc.perform(get(API + "/nonsense").with(dsl())).andExpect(status().isNotFound());
    }

    @Test
    void aChangeIsANewVersionAndABadImportChangesNothing() throws Exception {
        mvc.perform(post(API + "/gambling/phrases").with(dsl()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phrase\":\"=loot crate bets\",\"language\":\"en\",\"level\":2,\"levels\":{\"primary\":4},"
                                + "\"reason\":\"Seen in chat\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.schoolVersion").value(1))
                .andExpect(jsonPath("$.libraryVersion").value(CuratedLibraries.VERSION + "+school.1"));

        mvc.perform(post(API + "/gambling/import").param("reason", "Termly review").with(dsl()).with(csrf())
                        .contentType("text/csv").content(HEADER + "x,gambling,en,3,alone,false,false,school,CC0-1.0\n"
                                + "dup,gambling,en,3,alone,false,false,school,CC0-1.0\n"
                                + "DUP,gambling,en,3,alone,false,false,school,CC0-1.0\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0]").value(startsWith("line 2: ")))
                .andExpect(jsonPath("$.problems[1]").value(startsWith("line 4: same phrase, category and language as line 3")));

        mvc.perform(get(API + "/gambling/versions").with(dsl())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].changedBy").value("libapi.dsl"))
                .andExpect(jsonPath("$[0].reason").value("Seen in chat"));
        mvc.perform(get(API + "/gambling/export").with(dsl())).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        containsString("lantern-gambling-" + CuratedLibraries.VERSION + "+school.1.csv")))
                .andExpect(content().string(containsString("\n'=loot crate bets,gambling,en,2,")));
    }

    @Test
    void aSchoolExclusionIsListedAndRemovedWithAReasonAsANewVersionAndTheShippedContextsStay() throws Exception {
        String shippedRule = engine.library(org.lantern.monitor.library.Category.GAMBLING).entries().stream()
                .filter(e -> e.phrase().equals("online casino")).findFirst().orElseThrow().rule().text();
        exclude();
        mvc.perform(get(API + "/gambling/exclusions").with(dsl())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[0].context").value("online casino maths project"))
                .andExpect(jsonPath("$[0].reason").value("Year 10 probability project"));

        mvc.perform(post(API + "/gambling/exclusions/1/remove").with(dsl()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"The project has ended\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.schoolVersion").value(2))
                .andExpect(jsonPath("$.libraryVersion").value(CuratedLibraries.VERSION + "+school.2"));
        mvc.perform(get(API + "/gambling/exclusions").with(dsl())).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get(API + "/gambling/versions").with(dsl())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("unexclusion"))
                .andExpect(jsonPath("$[0].reason").value("The project has ended"))
                .andExpect(jsonPath("$[0].changedBy").value("libapi.dsl"));
        mvc.perform(get(API + "/gambling").param("q", "online casino").with(dsl()))
                .andExpect(jsonPath("$.phrases[?(@.phrase == 'online casino')].rule").value(hasItem(shippedRule)));
        mvc.perform(post(API + "/gambling/exclusions/1/remove").with(dsl()).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Again\"}"))
                .andExpect(status().isNotFound());
    }

    /** Gambling's school exclusion of "online casino" in a maths project: school version 1. */
    private void exclude() throws Exception {
        mvc.perform(post(API + "/gambling/exclusions").with(dsl()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phrase\":\"online casino\",\"context\":\"online casino maths project\","
                                + "\"reason\":\"Year 10 probability project\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.schoolVersion").value(1));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "gambling/exclusions/1|{\"reason\":\"  \"}|400|Reason: say why the library changes; it is kept with the version.",
            "gambling/exclusions/1|``|400|Reason: say why the library changes; it is kept with the version.",
            "gambling/exclusions/999|{\"reason\":\"Never made\"}|404|There is no school exclusion of version 999 in force in the gambling library.",
            "self-harm/exclusions/1|{\"reason\":\"Another library's\"}|404|There is no school exclusion of version 1 in force in the self-harm library.",
            "illegal/exclusions/1|{\"reason\":\"Never shown\"}|400|",
            "gambling/exclusions/abc|{\"reason\":\"Not a number\"}|400|'abc' is not a valid version"})
    void anExclusionThatCannotBeRemovedIsRefusedInWordsAndNothingChanges(String exclusion, String json, int status,
                                                                          String detail) throws Exception {
        exclude();
        var request = post(API + "/" + exclusion + "/remove").with(dsl()).with(csrf());
        if (!json.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        var answer = mvc.perform(request).andExpect(status().is(status));
        if (detail != null) {
            answer.andExpect(jsonPath("$.detail").value(detail));
        }
        mvc.perform(get(API + "/gambling/versions").with(dsl())).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get(API + "/gambling/exclusions").with(dsl())).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/api/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['" + API + "'].get.summary").value("List the monitor's libraries"))
                .andExpect(jsonPath("$.paths['" + API + "/{category}/import'].post.summary").value("Import a library from CSV"))
                .andExpect(jsonPath("$.paths['" + API + "/{category}/export'].get").exists())
                .andExpect(jsonPath("$.paths['" + API + "/{category}/phrases'].post").exists())
                .andExpect(jsonPath("$.paths['" + API + "/{category}/exclusions'].post").exists())
                .andExpect(jsonPath("$.paths['" + API + "/{category}/exclusions'].get.summary")
                        .value("The school exclusions in force in a library"))
                .andExpect(jsonPath("$.paths['" + API + "/{category}/exclusions/{version}/remove'].post.summary")
                        .value("Remove a school exclusion"));
    }
}
