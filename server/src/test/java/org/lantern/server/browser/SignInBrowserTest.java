package org.lantern.server.browser;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@BrowserTest
class SignInBrowserTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void teacherAccount() {
        jdbc.sql("DELETE FROM account WHERE username = 'tteacher'").update();
        jdbc.sql("""
                INSERT INTO account (username, display_name, role, password_hash, enabled, must_change_password,
                                     password_changed_at, created_at)
                VALUES ('tteacher', 'Tom Teacher', 'STAFF', :hash, TRUE, FALSE, :now, :now)""")
                .param("hash", encoder.encode("Correct-Horse-9"))
                .param("now", OffsetDateTime.now())
                .update();
    }

    @Test
    void staffMemberSignsInAndSeesTheirDashboard(Browser browser) {
        var page = browser.signIn("tteacher", "Correct-Horse-9");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1))).hasText("Welcome, tteacher");
    }

    @Test
    void wrongPasswordShowsAnErrorAndStaysOnSignIn(Browser browser) {
        var page = browser.signIn("tteacher", "not-the-password");
        assertThat(page.locator("#login-error")).containsText("username or password is not right");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error"));
    }
}
