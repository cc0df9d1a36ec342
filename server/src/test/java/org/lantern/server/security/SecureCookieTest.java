package org.lantern.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie is marked Secure when Lantern is reached over TLS, here through a reverse
 * proxy on the same machine that says so in X-Forwarded-Proto, and not over plain HTTP, where a
 * Secure cookie would never come back. A real server, since the servlet container sets the flag.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class SecureCookieTest {

    @LocalServerPort
    int port;

    private Optional<String> sessionCookie(String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
        }
    }

    @Test
    void sessionCookieIsSecureBehindATlsProxy() throws Exception {
        assertThat(sessionCookie("https")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("; Secure").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void sessionCookieOverPlainHttpIsNotSecure() throws Exception {
        assertThat(sessionCookie(null)).hasValueSatisfying(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }
}
