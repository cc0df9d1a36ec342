package org.lantern.server.browser;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.registers.devices.Device;
import org.lantern.server.registers.devices.DeviceFields;
import org.lantern.server.registers.devices.Devices;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A loan and its return in a real browser at phone width (390 CSS pixels), as the school office
 * does it: the borrower types their name and ticks from the keyboard, the device is asked back
 * with its 72-hour countdown, and the return is recorded with its condition; no page scrolls sideways.
 */
@BrowserTest
class LoanBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    Devices devices;
    @Autowired
    JdbcClient jdbc;


    @Test
    void theOfficeLendsADeviceAsksForItBackAndRecordsItsReturnOnAPhone(Browser browser) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String office = BrowserAccounts.ensure(accountService, "loan.office" + tag, Role.OFFICE);
        long pupil = TestPeople.pupil(jdbc, "Priya", "Borrow" + tag);
        Device device = devices.create(new DeviceFields("chromebook", "Acer", "Spin 311", "SN" + tag, "CB-" + tag,
                "Library trolley", null), "office");
        browser.page().setViewportSize(390, 844);
        Page page = browser.signIn(office, BrowserAccounts.PASSWORD);

        browser.open("/registers/devices/" + device.id());
        Browser.fitsTheScreen(page, "the page");
        page.getByLabel("Borrower", new Page.GetByLabelOptions().setExact(true)).selectOption(Long.toString(pupil));
        page.getByLabel("Due back on").fill(SchoolTime.today().plusDays(14).toString());
        page.getByLabel("Condition as it goes out").fill("Good, charger included");
        page.getByLabel("Borrower types their name").fill("Priya Borrow" + tag);
        page.locator("#agreed").focus();
        page.keyboard().press("Space");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lend it")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Lent to Priya Borrow" + tag);
        assertThat(page.locator("#loan-status")).hasText("Out");
        Browser.fitsTheScreen(page, "the page");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for it back")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Return requested: due back by");
        assertThat(page.locator("#return-clock")).containsText("hours");
        assertThat(page.locator("#return-clock")).containsText("left");
        Browser.fitsTheScreen(page, "the page");

        page.getByLabel("Condition as it comes back").fill("Good");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the return")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Returned: the device is available again.");
        assertThat(page.locator("#loan-status")).hasText("Returned");
        Browser.fitsTheScreen(page, "the page");
        browser.open("/registers/devices/" + device.id());
        assertThat(page.locator("#device-state")).hasText("Available");
    }
}
