package org.lantern.server.filtering;

import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The network manager sees on the lists page which category lists are in force, from where, and how many entries. */
@FilteringTest
class CategoryListsPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FilterService filter;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;

    @Test
    void theListsPageShowsEachCategoryWithItsSourceVersionAndEntries() throws Exception {
        filter.listsLoaded().join();

        String html = mvc.perform(get("/filtering/lists")
                        .with(authentication(TestUsers.signedIn(accountService, accounts, "lists.admin", Role.ADMIN))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<h2 id=\"category-lists\">Category lists</h2>")
                .contains("In force since")
                .contains("src/test/resources/filtering/lists")
                .contains("2 entries in force from 1 source; 0 lines skipped.")
                .contains("<summary>Entries by category (2)</summary>")
                .containsPattern("<td>lists</td>\\s*<td>files of [0-9-]{10} [0-9:]{5} UTC</td>\\s*<th scope=\"row\">gambling</th>"
                        + "\\s*<td class=\"num\">1</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>\\s*<td class=\"num\">0</td>")
                .doesNotContain("could not be loaded");
    }
}
