package org.lantern.server.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Accounts;
import org.lantern.server.identity.Role;
import org.lantern.server.incidents.Incident;
import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@BrowserTest
class EvidenceBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    Accounts accounts;
    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTeacherAttachesAScreenshotToTheirConcernAndTheDslDownloadsItAndSeesTheCustodyLog(Browser browser)
            throws IOException {
        String teacher = BrowserAccounts.ensure(accountService, "b.ev.teacher", Role.STAFF);
        String dsl = BrowserAccounts.ensure(accountService, "b.ev.dsl", Role.DSL);
        Incident concern = incidents.record(new NewIncident(SubjectType.PUPIL, "social-media-misuse",
                List.of(TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Pupil"))), OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), null,
                "Upset by messages in a group chat.", null, List.of()),
                new Viewer(accounts.idOf(teacher).orElseThrow(), teacher, false));
        byte[] screenshot = png();

        Page page = browser.signIn(teacher, BrowserAccounts.PASSWORD);
        browser.open("/incidents/" + concern.id());
        page.getByLabel("Screenshot or file").setInputFiles(
                new FilePayload("chat.png", "image/png", new byte[11 * 1024 * 1024]));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("larger than Lantern accepts (10 MB)");

        browser.open("/incidents/" + concern.id());
        page.getByLabel("Screenshot or file").setInputFiles(new FilePayload("group chat.png", "image/png", screenshot));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("File added");
        assertThat(page.locator("#evidence ~ .table-wrap").first()).containsText("Screenshot");
        assertThat(page.locator("#evidence ~ .table-wrap").first()).containsText("group chat.png");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        browser.signIn(dsl, BrowserAccounts.PASSWORD);
        browser.open("/incidents/" + concern.id());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("group chat.png").setExact(false)).click();
        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download")).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("group_chat.png");
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(screenshot);

        page.reload();
        assertThat(page.locator("#custody + .table-wrap")).containsText("b.ev.teacher");
        assertThat(page.locator("#custody + .table-wrap tbody tr")).hasCount(4);
        assertThat(page.locator("#custody + .table-wrap tbody tr").nth(0)).containsText("Added");
        assertThat(page.locator("#custody + .table-wrap tbody tr").nth(1)).containsText("Viewed");
        assertThat(page.locator("#custody + .table-wrap tbody tr").nth(2)).containsText("Downloaded");
        assertThat(page.locator("#custody + .table-wrap tbody tr").nth(2)).containsText("b.ev.dsl");
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0x00FF00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
