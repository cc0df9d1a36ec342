package org.lantern.server.identity;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Sign-in form posts for tests, from a chosen client address (throttling and locks go by address). */
final class LogonRequests {

    private LogonRequests() {
    }

    static MockHttpServletRequestBuilder logon(String username, String password, String from) {
        return post("/login").with(csrf()).with(request -> {
            request.setRemoteAddr(from);
            return request;
        }).param("username", username).param("password", password);
    }
}
