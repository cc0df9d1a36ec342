package org.lantern.server.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

/** Writes the small JSON error bodies API clients get for 401 and 403, instead of a login page. */
final class JsonErrors {

    private JsonErrors() {
    }

    /** {@code message} must be a fixed text of ours: it is written without JSON escaping. */
    static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
