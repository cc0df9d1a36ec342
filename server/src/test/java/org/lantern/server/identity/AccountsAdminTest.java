package org.lantern.server.identity;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PersistenceTest
@AutoConfigureMockMvc
class AccountsAdminTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountStore store;
    @Autowired
    AccountEvents events;

    private UsernamePasswordAuthenticationToken admin() {
        long id = store.findByUsername("the.admin").map(AccountStore.StoredAccount::id)
                .orElseGet(() -> accounts.create("the.admin", "The Admin", Role.ADMIN, "admin password 1", "test"));
        return UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(id, "the.admin"), null,
                Authorities.of(Role.ADMIN));
    }

    @Test
    void creatingAnAccountShowsItsTemporaryPasswordOnceAndRequiresAChange() throws Exception {
        String page = mvc.perform(post("/accounts").with(authentication(admin())).with(csrf())
                        .param("username", "new.teacher").param("displayName", "New Teacher").param("role", "STAFF"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        AccountStore.StoredAccount created = store.findByUsername("new.teacher").orElseThrow();
        assertThat(created.role()).isEqualTo(Role.STAFF);
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(page).contains("temporary-password");
        mvc.perform(post("/login").with(csrf()).param("username", "new.teacher")
                        .param("password", page.replaceAll("(?s).*id=\"temporary-password\">([^<]+)<.*", "$1")))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void invalidUsernameIsExplainedAndCreatesNothing() throws Exception {
        long before = store.count();

        mvc.perform(post("/accounts").with(authentication(admin())).with(csrf())
                        .param("username", "Bad Name!").param("displayName", "Someone").param("role", "STAFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("role=\"alert\"")))
                .andExpect(content().string(containsString("A username is 2 to 64 characters")));

        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void takenUsernameIsRefused() {
        accounts.create("twice", "Twice", Role.STAFF, "a password 1", "test");

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(AccountException.class,
                () -> accounts.create("twice", "Again", Role.STAFF, "a password 1", "test")).field()).isEqualTo("username");
    }

    @Test
    void disablingFromTheAccountPageIsAuditedWithTheAdministratorAndReason() throws Exception {
        long id = accounts.create("to.disable", "To Disable", Role.STAFF, "a password 1", "test");

        mvc.perform(post("/accounts/" + id + "/disable").with(authentication(admin())).with(csrf()).param("reason", "left"))
                .andExpect(redirectedUrl("/accounts/" + id));

        assertThat(store.findById(id).orElseThrow().enabled()).isFalse();
        assertThat(events.forAccount(id).get(0)).extracting(AccountEvents.AccountEvent::actor,
                AccountEvents.AccountEvent::action, AccountEvents.AccountEvent::reason).containsExactly("the.admin", "DISABLED", "left");
    }

    @Test
    void administratorIsSentToChangeTheirOwnPasswordRatherThanResetIt() throws Exception {
        UsernamePasswordAuthenticationToken admin = admin();
        long id = ((AccountPrincipal) admin.getPrincipal()).id();

        mvc.perform(post("/accounts/" + id + "/reset-password").with(authentication(admin)).with(csrf()).param("reason", "mine"))
                .andExpect(redirectedUrl("/accounts/" + id));

        assertThat(events.forAccount(id)).extracting(AccountEvents.AccountEvent::action).doesNotContain("PASSWORD_RESET");
    }

    @Test
    void accountPageOffersTheChangesThatApply() throws Exception {
        long id = accounts.create("to.view", "To View", Role.STAFF, "a password 1", "test");

        mvc.perform(get("/accounts/" + id).with(authentication(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"reason-disable\"")));
    }

    @Test
    void accountsListShowsUsernamesAndRoles() throws Exception {
        accounts.create("listed", "Listed Person", Role.GOVERNOR, "a password 1", "test");

        mvc.perform(get("/accounts").with(authentication(admin())))
                .andExpect(content().string(containsString("Listed Person")))
                .andExpect(content().string(containsString("Governor")));
    }
}
