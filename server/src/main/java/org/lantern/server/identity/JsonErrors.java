package org.lantern.server.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes the RFC 9457 problem bodies API clients get for 401 and 403, instead of a login page, as
 * the rest of the API answers its refusals; {@code error} is kept beside the standard members for
 * clients written against the earlier bodies.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    /** {@code message} must be a fixed text of ours: it is written without JSON escaping. */
    static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + HttpStatus.valueOf(status).getReasonPhrase()
                + "\",\"status\":" + status + ",\"detail\":\"" + message + "\",\"error\":\"" + error + "\"}");
    }
}
