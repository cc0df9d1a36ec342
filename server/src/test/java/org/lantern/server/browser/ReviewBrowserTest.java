package org.lantern.server.browser;

import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.registers.review.FilteringReview;
import org.lantern.server.registers.review.FilteringReviews;
import org.lantern.server.registers.review.ReviewAnswers;
import org.lantern.server.registers.review.Signer;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual filtering and monitoring review and the inspection evidence pack in a real browser at
 * phone width (390 CSS pixels), from the keyboard: the headteacher starts the year's review from the
 * list, answers what the DfE asks, signs as the senior leader, and follows the review's link to the
 * evidence pack and downloads its PDF. No page scrolls sideways.
 */
@BrowserTest
class ReviewBrowserTest {

    private static final int PHONE = 390;

    @Autowired
    AccountService accountService;
    @Autowired
    FilteringReviews reviews;


    private static String focused(Page page) {
        return (String) page.evaluate("() => document.activeElement.textContent.trim()");
    }

    /** Signs any review left open, so this one can start: a new review waits for the last to be signed. */
    private int nextYear() {
        reviews.latest().filter(r -> !r.complete()).ifPresent(open -> {
            ReviewAnswers answers = new ReviewAnswers("Open.", "Open.", "Blocked.", "Guest network.", "None.");
            reviews.answer(open.id(), answers, "head");
            if (open.leaderSignedBy() == null) {
                reviews.sign(open.id(), Signer.LEADER, "head");
            }
            reviews.sign(open.id(), Signer.GOVERNOR, "governor");
        });
        return reviews.latest().map(r -> r.schoolYear() + 1).orElse(2026);
    }

    @Test
    void theHeadteacherStartsAnswersAndSignsAReviewThenDownloadsTheEvidencePackOnAPhone(Browser browser) {
        int year = nextYear();
        String head = BrowserAccounts.ensure(accountService, "review.head" + UUID.randomUUID().toString().substring(0, 8),
                Role.HEADTEACHER);
        browser.page().setViewportSize(PHONE, 844);
        Page page = browser.signIn(head, BrowserAccounts.PASSWORD);

        browser.open("/registers/reviews");
        Browser.fitsTheScreen(page, "the page");
        page.getByLabel("School year starting in").fill(Integer.toString(year));
        page.keyboard().press("Tab");
        assertThat(focused(page)).isEqualTo("Start the review");
        page.keyboard().press("Enter");

        page.waitForURL("**/registers/reviews/*");
        FilteringReview review = reviews.latest().orElseThrow();
        assertThat(review.schoolYear()).isEqualTo(year);
        assertThat(page.locator("#filter-test")).isVisible();
        Browser.fitsTheScreen(page, "the page");
        page.getByLabel("Pupils with special educational needs and disabilities (SEND)").fill("Symbol sites are open.");
        page.getByLabel("Pupils learning English as an additional language (EAL)").fill("Translation sites are open.");
        page.getByLabel("Generative AI tools").fill("Blocked for pupils below the sixth form.");
        page.getByLabel("Personal devices (BYOD)").fill("Guest network, filtered as visitors.");
        page.getByLabel("Actions agreed").focus();
        page.keyboard().type("Check the lists each term.");
        page.keyboard().press("Tab");
        assertThat(focused(page)).isEqualTo("Save the answers");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Answers saved.");
        Browser.fitsTheScreen(page, "the page");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign as the senior leader")).focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Signed.");
        assertThat(page.locator("main")).containsText("Senior leader: " + head);
        assertThat(page.locator("main")).containsText("Governor: not signed.");
        Browser.fitsTheScreen(page, "the page");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inspection evidence pack")).focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/registers/evidence-pack");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inspection evidence pack")))
                .isVisible();
        assertThat(page.locator("#pack-review")).isVisible();
        Browser.fitsTheScreen(page, "the page");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the PDF")).focus();
        Download pdf = page.waitForDownload(() -> page.keyboard().press("Enter"));
        assertThat(pdf.suggestedFilename()).startsWith("evidence-pack-").endsWith(".pdf");
    }
}
