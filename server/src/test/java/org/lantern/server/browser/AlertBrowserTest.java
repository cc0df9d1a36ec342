package org.lantern.server.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.lantern.server.identity.AccountService;
import org.lantern.server.identity.Role;
import org.lantern.server.support.Browser;
import org.lantern.server.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pupil's request for illegal content reaches Lantern's own ICAP server, and the DSL deals with
 * the alert. The ICAP port makes the context this class's own; it is closed afterwards.
 */
@BrowserTest
@DirtiesContext
@TestPropertySource(properties = {"lantern.filter.people-cache=0s", "lantern.data-dir=target/alert-browser-test-data"})
class AlertBrowserTest {

    private static final int ICAP_PORT = freePort();

    @DynamicPropertySource
    static void icap(DynamicPropertyRegistry registry) {
        registry.add("lantern.icap.port", () -> ICAP_PORT);
    }

    @Autowired
    AccountService accountService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDslSeesAnAlertRaisedThroughTheProxyAndClosesIt(Browser browser) throws Exception {
        String dsl = BrowserAccounts.ensure(accountService, "b.alerts.dsl", Role.DSL);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String surname = "Alertpupil" + tag;
        insertPupilWithProxyUser(surname, "pupil." + tag);

        String answer = reqmod("http://abuse.invalid/" + tag, "pupil." + tag);
        org.assertj.core.api.Assertions.assertThat(answer).contains("HTTP/1.1 403");
        long id = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT id FROM filter_alert WHERE url = :u").param("u", "http://abuse.invalid/" + tag)
                .query(Long.class).optional(), Optional::isPresent).orElseThrow();

        Page page = browser.signIn(dsl, BrowserAccounts.PASSWORD);
        assertThat(page.locator("#alerts-card + p")).containsText("new");
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Alerts")).click();
        page.locator("a[href='/alerts/" + id + "']").click();

        assertThat(page.locator("#illegal-warning")).containsText("Do not open, copy or forward the address");
        assertThat(page.locator("#alert-address")).hasText("http://abuse.invalid/" + tag);
        assertThat(page.locator("main")).containsText("Ada " + surname);
        org.assertj.core.api.Assertions.assertThat(page.locator("a[href*='abuse.invalid']").count()).isZero();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take into review")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Alert in review.");
        page.getByLabel("No further action").check();
        page.getByLabel("Why (kept as a note)").fill("Device isolated; referred to the police.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Alert closed: no further action.");
        assertThat(page.locator("#alert-status")).containsText("Closed: No further action by b.alerts.dsl");
        assertThat(page.locator("#notes")).containsText("Device isolated; referred to the police.");
    }

    private void insertPupilWithProxyUser(String surname, String proxyUser) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO person (kind, legal_first_name, legal_last_name, year_group, internet_access, created_at, "
                + "updated_at) VALUES ('PUPIL', 'Ada', :last, '7', TRUE, :now, :now)")
                .param("last", surname).param("now", now).update();
        long id = jdbc.sql("SELECT id FROM person WHERE legal_last_name = :last").param("last", surname)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO network_identity (person_id, identity_type, identity_value) VALUES (:p, 'PROXY_USERNAME', :v)")
                .param("p", id).param("v", proxyUser).update();
    }

    private static String reqmod(String url, String user) throws IOException {
        String http = "GET " + url + " HTTP/1.1\r\nHost: ignored.example\r\n\r\n";
        String request = "REQMOD icap://127.0.0.1:" + ICAP_PORT + "/reqmod ICAP/1.0\r\nHost: 127.0.0.1\r\n"
                + "X-Client-Username: " + user + "\r\nX-Client-IP: 10.50.0.9\r\nAllow: 204\r\nConnection: close\r\n"
                + "Encapsulated: req-hdr=0, null-body=" + http.length() + "\r\n\r\n" + http;
        try (Socket socket = new Socket("127.0.0.1", ICAP_PORT)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                response.write(buffer, 0, n);
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
