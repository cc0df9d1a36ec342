package org.lantern.server.filtering;

import java.util.concurrent.TimeUnit;

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

/** The network manager's dashboard says which category lists filter, once they are loaded, and warns of none. */
@FilteringTest
class CategoryListsOnTheDashboardTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    FilterService filter;

    @Test
    void theDashboardNamesTheListsInForceWithTheirEntriesAndNoWarning() throws Exception {
        filter.listsLoaded().get(60, TimeUnit.SECONDS);
        var admin = TestUsers.signedIn(accountService, accounts, "dash.lists.admin", Role.ADMIN);

        String page = mvc.perform(get("/").with(authentication(admin))).andReturn().getResponse().getContentAsString();

        CategoryListStatus status = filter.categoryListStatus();
        assertThat(page).contains("Category lists", ">" + status.entries() + "</span>",
                "src/test/resources/filtering/lists").doesNotContain("No category lists are loaded");
    }
}
