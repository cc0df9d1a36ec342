package org.lantern.server.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.lantern.policy.PolicyDiff;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.policy.PolicyService;
import org.lantern.server.policy.PolicyVersion;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The pupils' Actions / Sanctions grid on a phone, used from the keyboard: a tick saved as a new version. */
@BrowserTest
class SanctionsGridBrowserTest {

    private static final int WIDTH = 390;

    @Autowired
    AccountService accounts;
    @Autowired
    PolicyService policies;

    @Test
    void tickingACellFromTheKeyboardOnAPhoneMakesANewVersionChangingOnlyThatLine(Browser browser) {
        String head = BrowserAccounts.ensure(accounts, "b.head.sanctions", Role.HEADTEACHER);
        PolicyVersion before = policies.current().orElseThrow();
        browser.page().setViewportSize(WIDTH, 844);
        Page page = browser.signIn(head, BrowserAccounts.PASSWORD);
        browser.open("/policy/edit");

        Locator tick = page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions()
                .setName("Inform parents / carers: Unauthorised use of non-educational sites during lessons").setExact(true));
        tick.focus();
        page.keyboard().press("Space");
        assertThat(tick).isChecked();
        // The table scrolls inside its box, not the page, and the row's text stays in view beside the tick.
        Object pageWidth = page.evaluate("() => document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) pageWidth).intValue()).as("page width").isLessThanOrEqualTo(WIDTH);
        BoundingBox box = tick.boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.x + box.width).as("tick on the screen").isLessThanOrEqualTo(WIDTH);
        BoundingBox text = page.getByLabel("Incident non-educational-sites-in-lessons", new Page.GetByLabelOptions().setExact(true))
                .boundingBox();
        org.assertj.core.api.Assertions.assertThat(text.x).as("row text in view").isGreaterThanOrEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(text.x + text.width).as("row text left of the tick").isLessThanOrEqualTo(box.x);

        Locator reason = page.getByLabel("Reason for changing the pupils table");
        reason.focus();
        page.keyboard().type("Parents asked to hear about off-task browsing");
        page.keyboard().press("Enter");

        assertThat(page.locator("main")).containsText("Version " + (before.number() + 1) + " (in force)");
        PolicyVersion after = policies.current().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(after.author()).isEqualTo(head);
        org.assertj.core.api.Assertions.assertThat(PolicyDiff.diff(before.yaml(), after.yaml()).stream()
                        .filter(l -> l.kind() != PolicyDiff.Kind.SAME).map(PolicyDiff.DiffLine::text))
                .containsExactly("            actions: [record-on-cpoms, refer-to-technical-support]",
                        "            actions: [record-on-cpoms, refer-to-technical-support, inform-parents]");
        browser.open("/change-control");
        assertThat(page.locator("main")).containsText("Parents asked to hear about off-task browsing");
    }
}
