package org.lantern.server.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lantern.server.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight people signing in to one account at once with the same TOTP code, over real HTTP to a
 * running server: Tomcat's threads, the servlet sessions and Spring Security's filters, which
 * MockMvc does not run. Exactly one is signed in; the others get the code page back with the
 * wrong-code message. The code is accepted once (RFC 6238 §5.2) however the requests interleave.
 * Run on H2 and on PostgreSQL (tagged as a persistence test), whose row locking differ. Throttling
 * is set out of reach so that only the code's single use decides.
 */
@Tag("persistence")
@ExtendWith(TestDatabase.AvailableCondition.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@TestPropertySource(properties = {"lantern.logon.delay-after-failures=100", "lantern.logon.lock-after-failures=100",
        "lantern.logon.max-failures-per-hour=1000", "lantern.logon.source.free-failures=1000"})
class TwoFactorRaceOverHttpTest {

    static final int SIGN_INS = 8;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    TwoFactorService twoFactor;

    /** One client: its own cookies (so its own session), redirects not followed. */
    private final class Client {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String csrf, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&", "_csrf=" + encode(csrf) + "&", ""));
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in with the password and returns the code page's form token. */
        String passwordStep(String username) throws Exception {
            HttpResponse<String> signedIn = post("/login", csrf(get("/login")),
                    Map.of("username", username, "password", TwoFactorTest.PASSWORD));
            assertThat(signedIn.statusCode()).as("password step").isEqualTo(302);
            HttpResponse<String> codePage = get(AccountSessionFilter.CODE_PAGE);
            assertThat(codePage.statusCode()).as("the code page").isEqualTo(200);
            return csrf(codePage);
        }

        void close() {
            http.close();
        }
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a form token on " + page.uri()).isTrue();
        return m.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void eightParallelSignInsWithTheSameCodeSignInExactlyOnce() throws Exception {
        String username = "race.http";
        long id = accounts.create(username, "Race Http", Role.STAFF, TwoFactorTest.PASSWORD, "test");
        String secret = twoFactor.startEnrolment(id).secret();
        long enrolled = TwoFactorTest.currentStep();
        twoFactor.confirmEnrolment(id, TwoFactorTest.code(secret, enrolled));
        List<Client> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < SIGN_INS; i++) {
            Client browser = new Client();
            browsers.add(browser);
            tokens.add(browser.passwordStep(username));
        }
        // A step later than the enrolment's, and within the window whenever the sign-ins land.
        String code = TwoFactorTest.code(secret, Math.max(enrolled, TwoFactorTest.currentStep()) + 1);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(SIGN_INS)) {
            for (int i = 0; i < SIGN_INS; i++) {
                Client browser = browsers.get(i);
                String token = tokens.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.post(AccountSessionFilter.CODE_PAGE, token, Map.of("code", code));
                }));
            }
            start.countDown();
            int signedIn = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 302) {
                    assertThat(response.headers().firstValue("Location")).as("signed in")
                            .hasValueSatisfying(to -> assertThat(URI.create(to).getPath()).isEqualTo("/"));
                    signedIn++;
                } else {
                    assertThat(response.statusCode()).as("refused").isEqualTo(200);
                    assertThat(response.body()).contains("That code is not right, or it has already been used.");
                }
            }
            assertThat(signedIn).as("sign-ins that passed").isEqualTo(1);
            // Only the session that passed reaches a page behind sign-in; the others are still asked for a code.
            int reachHome = 0;
            for (Client browser : browsers) {
                reachHome += browser.get("/").statusCode() == 200 ? 1 : 0;
            }
            assertThat(reachHome).as("sessions signed in").isEqualTo(1);
        } finally {
            browsers.forEach(Client::close);
        }
    }
}
