package org.lantern.server.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.policy.PolicyDiff;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
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

    @Test
    void tickingACellOfTheUserActionsGridMakesANewVersionChangingOnlyThatLine(Browser browser) {
        String head = BrowserAccounts.ensure(accounts, "b.head3", Role.HEADTEACHER);
        PolicyVersion before = policies.current().orElseThrow();
        Page page = browser.signIn(head, BrowserAccounts.PASSWORD);
        browser.open("/policy/edit");

        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions()
                .setName("Unacceptable: Pornography").setExact(true)).uncheck();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions()
                .setName("Unacceptable and illegal: Pornography").setExact(true)).check();
        page.getByLabel("Reason for changing the table").fill("Governors want pornography reported as illegal");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the table as a new version")).click();

        assertThat(page.locator("main")).containsText("Version " + (before.number() + 1) + " (in force)");
        PolicyVersion after = policies.current().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(after.author()).isEqualTo(head);
        org.assertj.core.api.Assertions.assertThat(PolicyDiff.diff(before.yaml(), after.yaml()).stream()
                        .filter(l -> l.kind() != PolicyDiff.Kind.SAME).map(PolicyDiff.DiffLine::text))
                .containsExactly("    levels: [unacceptable]", "    levels: [unacceptable-and-illegal]");
        browser.open("/change-control");
        assertThat(page.locator("main")).containsText("Governors want pornography reported as illegal");
    }
}
