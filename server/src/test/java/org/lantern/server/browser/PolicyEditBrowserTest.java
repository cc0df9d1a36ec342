package org.lantern.server.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@BrowserTest
class PolicyEditBrowserTest {

    @Autowired
    AccountService accounts;
    @Autowired
    PolicyService policies;

    @Test
    void editingThePolicyCreatesANewAttributedVersion(Browser browser) {
        String head = BrowserAccounts.ensure(accounts, "b.head", Role.HEADTEACHER);
        int before = policies.current().orElseThrow().number();
        Page page = browser.signIn(head, BrowserAccounts.PASSWORD);
        browser.open("/policy/edit");

        var yaml = page.getByLabel("Policy (YAML)");
        yaml.fill(yaml.inputValue().replaceFirst("nextReview: \"[0-9-]+\"", "nextReview: \"2027-09-01\""));
        page.getByLabel("Reason for the change").fill("Governors agreed the review date");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as new version")).click();

        assertThat(page.locator("main")).containsText("Version " + (before + 1) + " (in force)");
        assertThat(page.locator("main")).containsText("Governors agreed the review date");
        browser.open("/policy/history");
        assertThat(page.locator("table")).containsText(head);
    }

    @Test
    void invalidPolicyIsRejectedWithTheLineAndTheVersionInForceStays(Browser browser) {
        String head = BrowserAccounts.ensure(accounts, "b.head2", Role.HEADTEACHER);
        int before = policies.current().orElseThrow().number();
        Page page = browser.signIn(head, BrowserAccounts.PASSWORD);
        browser.open("/policy/edit");

        var yaml = page.getByLabel("Policy (YAML)");
        yaml.fill(yaml.inputValue().replaceFirst("levels: \\[acceptable-at-certain-times", "levels: [sometimes"));
        page.getByLabel("Reason for the change").fill("typo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as new version")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("line ");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("sometimes");
        org.assertj.core.api.Assertions.assertThat(policies.current().orElseThrow().number()).isEqualTo(before);
    }
}
