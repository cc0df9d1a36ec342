package org.lantern.server.identity;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * Where a logon attempt came from: source IP and browser, kept short and free of control
 * characters so a hostile user agent cannot bloat or forge lines in the audit.
 *
 * @param sourceIp  the client address as the servlet container sees it (honours forwarded headers when configured)
 * @param userAgent the User-Agent header, truncated to {@link #MAX_USER_AGENT} characters
 */
public record LogonDetails(String sourceIp, String userAgent) implements Serializable {

    /** Longest user agent stored; real browsers stay well under this. */
    public static final int MAX_USER_AGENT = 255;
    private static final int MAX_IP = 64;

    public LogonDetails {
        sourceIp = clean(sourceIp, MAX_IP);
        userAgent = clean(userAgent, MAX_USER_AGENT);
    }

    /** The details of the request being served. */
    public static LogonDetails of(HttpServletRequest request) {
        return new LogonDetails(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    private static String clean(String value, int max) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cntrl}", " ").strip();
        return printable.length() <= max ? printable : printable.substring(0, max);
    }

    /** Attaches these details to each form logon so the authentication provider can audit them. */
    static final class Source implements AuthenticationDetailsSource<HttpServletRequest, LogonDetails> {
        @Override
        public LogonDetails buildDetails(HttpServletRequest request) {
            return of(request);
        }
    }
}
