package org.lantern.proxy.squidguard;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One request as a Squid helper sees it, with the moment it is judged at, so that the same
 * request always gets the same decision (which makes time rules testable).
 *
 * @param url the URL exactly as Squid sent it ({@code host:port} for {@code CONNECT})
 * @param clientIp the client address as text
 * @param clientName the client's DNS name, or {@code -} / empty when unknown
 * @param user the ident or proxy-auth user, or {@code -} / empty when unknown
 * @param method the HTTP method, e.g. {@code GET} or {@code CONNECT}
 * @param time the local date and time the time rules are evaluated at
 */
public record SquidGuardRequest(String url, String clientIp, String clientName, String user, String method,
        LocalDateTime time) {

    /** Rejects missing parts; unknown values are {@code -}, never null. */
    public SquidGuardRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(time, "time");
    }
}
