package org.lantern.server.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo school on a phone (390 x 844 CSS pixels), measured in Chromium: the skip link is
 * legible and clear of the logo, radio buttons sit beside their labels, an action's Complete and
 * Waive buttons are on the screen, and chart labels are drawn at a readable size. Each test leaves
 * a screenshot in {@code target/screenshots} to look at.
 */
@BrowserTest
@TestPropertySource(properties = "lantern.mode=demo")
class PhoneLayoutBrowserTest {

    private static final int WIDTH = 390;

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSkipLinkIsLegibleAndClearOfTheLogoWhenFocused(Browser browser) {
        Page page = signIn(browser, "p.teacher", Role.STAFF);
        browser.open("/");
        page.keyboard().press("Tab");
        Locator skip = page.locator(".skip-link");
        assertThat(skip.evaluate("e => e === document.activeElement")).isEqualTo(true);
        screenshot(page, "skip-link");

        @SuppressWarnings("unchecked")
        List<String> colours = (List<String>) skip.evaluate(
                "e => { const s = getComputedStyle(e); return [s.color, s.backgroundColor]; }");
        assertThat(contrast(colours.get(0), colours.get(1))).as("contrast of %s on %s", colours.get(0), colours.get(1))
                .isGreaterThanOrEqualTo(4.5);
        BoundingBox link = skip.boundingBox();
        BoundingBox logo = page.locator(".brand").boundingBox();
        assertThat(overlap(link, logo)).as("skip link %s over logo %s", box(link), box(logo)).isFalse();
        assertThat(link.x).isGreaterThanOrEqualTo(0);
        assertThat(link.x + link.width).isLessThanOrEqualTo(WIDTH);
    }

    @Test
    void radioButtonsSitOnTheLineOfTheirLabels(Browser browser) {
        Page page = signIn(browser, "p.admin", Role.ADMIN);
        browser.open("/filtering/lists");
        screenshot(page, "radios");
        for (String id : List.of("list-ALLOW", "list-BLOCK")) {
            BoundingBox radio = page.locator("#" + id).boundingBox();
            BoundingBox label = page.locator("label[for=" + id + "]").boundingBox();
            double radioMiddle = radio.y + radio.height / 2;
            assertThat(radioMiddle).as("radio %s beside its label %s", box(radio), box(label))
                    .isBetween(label.y, label.y + label.height);
            assertThat(label.x).isGreaterThan(radio.x + radio.width - 1);
        }
    }

    @Test
    void anActionsCompleteAndWaiveButtonsAreOnTheScreen(Browser browser) {
        long incident = jdbc.sql("SELECT MIN(incident_id) FROM incident_action WHERE status = 'OPEN'")
                .query(Long.class).single();
        Page page = signIn(browser, "p.dsl", Role.DSL);
        browser.open("/incidents/" + incident);
        page.locator("#actions").scrollIntoViewIfNeeded();
        screenshot(page, "actions");
        for (String name : List.of("Complete", "Waive")) {
            Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).first();
            button.scrollIntoViewIfNeeded();
            BoundingBox box = button.boundingBox();
            assertThat(box.x).as("%s button %s", name, box(box)).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as("%s button %s", name, box(box)).isLessThanOrEqualTo(WIDTH);
        }
        Browser.fitsTheScreen(page, "the page");
    }

    @Test
    void chartLabelsAreDrawnAtAReadableSize(Browser browser) {
        Page page = signIn(browser, "p.governor", Role.GOVERNOR);
        browser.open("/reports/governors");
        page.locator("#chart-months").scrollIntoViewIfNeeded();
        screenshot(page, "chart");
        Locator labels = page.locator("#chart-months text, .chart-rows .chart-label, .chart-rows .chart-value");
        assertThat(labels.count()).isGreaterThan(12);
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) labels.evaluateAll("""
                es => es.map(e => {
                  const size = parseFloat(getComputedStyle(e).fontSize);
                  const scale = e.getScreenCTM ? e.getScreenCTM().a : 1;
                  return size * scale;
                })""");
        assertThat(sizes).allSatisfy(size -> assertThat(size.doubleValue()).isGreaterThanOrEqualTo(11));
    }

    /** Signs in on a phone-sized window. */
    private Page signIn(Browser browser, String username, Role role) {
        browser.page().setViewportSize(WIDTH, 844);
        return browser.signIn(BrowserAccounts.ensure(accounts, username, role), BrowserAccounts.PASSWORD);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-" + name + ".png")));
    }

    private static boolean overlap(BoundingBox a, BoundingBox b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    }

    private static String box(BoundingBox b) {
        return Map.of("x", b.x, "y", b.y, "w", b.width, "h", b.height).toString();
    }

    /** WCAG 2 contrast ratio of two CSS {@code rgb()} / {@code rgba()} colours. */
    static double contrast(String foreground, String background) {
        double a = luminance(foreground);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Double.parseDouble(parts[i]) / 255;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
