package org.lantern.server.browser;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.registers.devices.PersonalDeviceKind;
import org.lantern.server.registers.devices.PersonalDevices;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.lantern.server.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office changes a personal device on a phone (390 CSS pixels wide) from the keyboard: the
 * register's Change link opens the device's form, a description of only spaces is refused with the
 * reason, the focus on it and what was typed still in the form, and the corrected change is saved;
 * no page scrolls sideways.
 */
@BrowserTest
class PersonalDeviceBrowserTest {

    @Autowired
    AccountService accountService;
    @Autowired
    PersonalDevices personal;
    @Autowired
    JdbcClient jdbc;


    @Test
    void theOfficeChangesAPersonalDeviceFromTheKeyboardOnAPhone(Browser browser) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String office = BrowserAccounts.ensure(accountService, "byod.office" + tag, Role.OFFICE);
        long staff = TestPeople.person(jdbc, "STAFF", "Bea", "Byod" + tag);
        PersonalDeviceKind kind = personal.kinds().stream().filter(PersonalDeviceKind::allowed).findFirst().orElseThrow();
        long id = personal.register(staff, kind.id(), "Old phone " + tag, "office").id();
        browser.page().setViewportSize(390, 844);
        Page page = browser.signIn(office, BrowserAccounts.PASSWORD);

        browser.open("/registers/devices/personal");
        Browser.fitsTheScreen(page, "the page");
        page.locator("a[href='/registers/devices/personal/" + id + "']").focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/registers/devices/personal/" + id);
        Browser.fitsTheScreen(page, "the page");

        page.getByLabel("Kind").focus();
        page.keyboard().press("Tab");
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type("   ");
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("What the device is is required.");
        assertThat(page.getByRole(AriaRole.ALERT)).isFocused();
        assertThat(page.getByLabel("What it is")).hasValue("   ");
        assertThat(page.getByLabel("Kind")).hasValue(kind.id());
        Browser.fitsTheScreen(page, "the page");

        page.getByLabel("What it is").focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type("Pixel 8, red case " + tag);
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Personal device changed.");
        assertThat(page.locator("#personal-devices")).containsText("Pixel 8, red case " + tag);
        Browser.fitsTheScreen(page, "the page");
        assertThat(personal.get(id).description()).isEqualTo("Pixel 8, red case " + tag);
    }
}
